/**
 * The quiz: questions from a selection in a mode, one view per question kind, a summary
 * with "drill the missed ones again". Session logic is the pure reducer in core/quiz.
 */
import { useMemo, useReducer, useRef, type ReactElement } from 'react';
import { DEFAULT_QUIZ_COUNT, buildQuestions, currentQuestion, quizReducer, startQuiz, summarize, type QuizState } from '../../../core/quiz/quizState.js';
import type { Outcome } from '../../../core/quiz/grading.js';
import { useServices, useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { QUIZ_VIEW_COMMANDS } from '../../navigation.js';
import { ShellContext, useShell } from '../../shell.js';
import { seg, wrapRows, type Row } from '../../textLayout.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { allItems, selectItems } from './selection.js';
import { progressRecorder, type QuizRecorder } from './recorder.js';
import { ChoiceView } from './ChoiceView.js';
import { TypedView } from './TypedView.js';
import { ClozeView } from './ClozeView.js';
import { OrderView } from './OrderView.js';
import { InterviewView } from './InterviewView.js';
import { SummaryView } from './SummaryView.js';
import type { QuizParams } from './params.js';

function EmptyQuiz({ title }: { title: Row }) {
  const { messages: t, theme, columns, rows } = useUi();
  useScreenInput(() => false, { help: QUIZ_VIEW_COMMANDS.empty });
  return (
    <Frame title={title} footer={[seg(t.quiz.backHint, theme.text.muted)]}>
      <Rows rows={wrapRows(t.quiz.empty, columns, theme.status.warn).slice(0, bodyHeight(rows))} />
    </Frame>
  );
}

export function QuizScreen({ params }: { params: QuizParams }) {
  const { decks, progress, now, answerAliases } = useServices();
  const shell = useShell();
  const { messages: t, theme } = useUi();
  const pool = useMemo(() => allItems(decks), [decks]);
  const [state, dispatch] = useReducer(quizReducer, undefined, (): QuizState => {
    const at = now().getTime();
    const seed = params.seed ?? at;
    const items = selectItems(pool, params);
    const questions = buildQuestions({ items, pool, mode: params.mode, count: params.count, seed, aliases: answerAliases?.(), ...(params.weakest ? { weakness: progress.weakestKeys(items) } : {}) });
    return startQuiz(questions, params.mode, seed, at);
  });
  // One recorder per round: a drill round records over its own keys.
  const recorder = useRef<{ round: number; rec: QuizRecorder }>(undefined);
  const q = currentQuestion(state);

  const title: Row = [seg(t.quiz.modes[state.mode], theme.text.heading)];
  if (state.round > 1) title.push(seg(` · ${t.quiz.round(state.round)}`, theme.text.muted));
  if (!state.questions.length) return <EmptyQuiz title={[seg(t.quiz.title, theme.text.heading)]} />;
  if (!q) return <SummaryView summary={summarize(state)} interview={state.mode === 'interview'} title={title} onDrill={() => dispatch({ type: 'drillMissed', at: now().getTime() })} />;

  const correct = state.results.filter((r) => r?.correct).length;
  const right: Row = [seg(`${t.quiz.progress(state.index + 1, state.questions.length)} · ${t.quiz.right(correct)}`, theme.text.muted)];
  const index = state.index;
  const onAnswer = (o: Outcome) => {
    const at = now().getTime();
    if (recorder.current?.round !== state.round) recorder.current = { round: state.round, rec: progressRecorder(progress, state.questions.map((x) => x.key)) };
    recorder.current.rec.record(q.key, o.grade, at - state.shownAt);
    dispatch({ type: 'answer', index, ...o, at });
  };
  const onOverrule = (o: Outcome) => {
    const r = state.results[index];
    recorder.current?.rec.rerecord(q.key, o.grade, r?.ms ?? 0);
    dispatch({ type: 'overrule', index, ...o });
  };
  const onNext = () => dispatch({ type: 'next', index, at: now().getTime() });
  // Fewer questions than asked (in any mode: not every card makes every kind of question): say so once.
  const wanted = params.count ?? DEFAULT_QUIZ_COUNT;
  const short = state.round === 1 && index === 0 && state.questions.length < wanted;
  const notice = state.mode === 'typed' ? t.quiz.typedShort(state.questions.length, wanted) : t.quiz.fewerQuestions(state.questions.length, wanted);
  const common = { title, right, onAnswer, onOverrule, onNext, ...(short ? { notice } : {}) };
  // Keyed by round and index: each question starts with fresh view state.
  const key = `${state.round}:${state.index}`;
  const view = (): ReactElement => {
    switch (q.kind) {
      case 'choice':
        return <ChoiceView key={key} question={q} {...common} />;
      case 'typed':
        return <TypedView key={key} question={q} {...common} />;
      case 'cloze':
        return <ClozeView key={key} question={q} {...common} />;
      case 'order':
        return <OrderView key={key} question={q} {...common} />;
      case 'interview':
        return <InterviewView key={key} question={q} {...common} thinkSeconds={progress.settings.thinkSeconds} />;
    }
  };
  // Esc/q part-way: the summary of the answers given so far (from `amgi quiz` the quiz is the only
  // screen, so leaving used to end the app with no score). With nothing answered there is nothing to lose: back.
  const anyAnswered = state.results.some(Boolean);
  const leave: typeof shell = { ...shell, pop: () => (anyAnswered ? dispatch({ type: 'finish', at: now().getTime() }) : shell.pop()) };
  return <ShellContext.Provider value={leave}>{view()}</ShellContext.Provider>;
}
