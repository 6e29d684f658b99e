/** Cloze: the gaps one after another, each typed (checked like a typed answer) or revealed. */
import { useSyncState } from '../../hooks/useSyncState.js';
import { checkGap } from '../../../core/quiz/cloze.js';
import { clozeOutcome, typedOutcome, type Outcome } from '../../../core/quiz/grading.js';
import type { TypedCheck } from '../../../core/quiz/typedAnswer.js';
import type { ClozeQuestion } from '../../../core/quiz/questions.js';
import type { ClozeCard } from '../../../core/deck/types.js';
import { displayWidth } from '../../../core/text/width.js';
import { useServices, useUi } from '../../context.js';
import { useOverrule, verdictLine } from './overrule.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { seg, wrapRows, wrapStyledRow, type Row } from '../../textLayout.js';
import type { Theme } from '../../theme.js';
import { Frame } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { diffRows, noteRows, noticeRows, stackBlocks } from './quizRows.js';
import { useQuizBody, withScrollHelp } from './useQuizBody.js';
import { EMPTY_FIELD, type TextField } from '../../textField.js';
import { fieldCursor, fieldRow, handleAnswerKey, useFieldCursor, type AnswerPhase } from './AnswerField.js';
import type { QuestionViewProps } from './types.js';

/** A gap's result: checked (maybe a near miss accepted) or revealed without an answer. */
interface GapResult {
  check: TypedCheck;
  outcome: Outcome;
  revealed: boolean;
}

function sentenceRow(q: ClozeQuestion, results: readonly GapResult[], current: number, done: boolean, theme: Theme): Row {
  return q.parts.map((p) => {
    if (p.kind === 'text') return seg(p.text);
    const r = results[p.index];
    if (done || r?.outcome.correct) return seg(p.answer, r?.outcome.correct ? theme.status.ok : theme.match);
    if (r) return seg(p.answer, theme.match);
    return seg(p.index === current ? '[___]' : '[...]', p.index === current ? theme.selection : theme.text.muted);
  });
}

export function ClozeView({ question: q, title, right, notice, onAnswer, onOverrule, onNext }: QuestionViewProps<ClozeQuestion>) {
  const { messages: t, theme, columns } = useUi();
  const { answerAliases } = useServices();
  const overrule = useOverrule(onOverrule);
  const [field, setField, getField] = useSyncState<TextField>(EMPTY_FIELD);
  const [results, setResults, getResults] = useSyncState<GapResult[]>([]);
  const [pending, setPending, getPending] = useSyncState<TypedCheck | undefined>(undefined);
  // As in a typed question: Enter on an empty gap only hints, Space there reveals it.
  const [emptyHint, setEmptyHint] = useSyncState(false);
  const phaseOf = (p: TypedCheck | undefined, r: readonly GapResult[]): AnswerPhase => (p ? 'confirm' : r.length >= q.answers.length ? 'done' : 'typing');
  const phase = phaseOf(pending, results);
  // The gaps are answered in order: the current one is the next without a result.
  const gap = results.length;

  const record = (r: GapResult) => {
    const all = [...getResults(), r];
    setResults(all);
    setPending(undefined);
    setField(EMPTY_FIELD);
    setEmptyHint(false);
    if (all.length >= q.answers.length) onAnswer(clozeOutcome(all.map((g) => g.outcome)));
  };

  const label = `${t.quiz.gap(Math.min(gap + 1, q.answers.length), q.answers.length)} `;
  const fieldRows: Row[] = phase === 'done' ? [] : [fieldRow(field, columns, theme, label)];
  const feedback: Row[] = [];
  const last = pending ? { check: pending, outcome: undefined, revealed: false } : results[results.length - 1];
  if (phase === 'typing' && emptyHint) feedback.push([], ...wrapRows(t.quiz.emptyAnswer, columns, theme.status.warn));
  else if (last) {
    if (fieldRows.length) feedback.push([]);
    if (phase === 'confirm') feedback.push(...wrapRows(t.quiz.close, columns, theme.status.warn));
    else if (last.revealed && !overrule.overruled) feedback.push(...wrapRows(`${t.quiz.revealed}: ${last.check.expected}`, columns, theme.match));
    else feedback.push(...verdictLine(last.outcome!.correct, last.outcome!.correct ? t.quiz.correct : t.quiz.wrong, overrule.overruled, columns, t, theme));
    if (!last.revealed) feedback.push(...diffRows(last.check.diff, columns, t, theme));
  }
  if (phase === 'done') {
    if (q.explanation) feedback.push(...wrapRows(q.explanation, columns, theme.text.muted));
    feedback.push(...noteRows(q.note, columns, t, theme));
  }
  const sentence = [...noticeRows(notice, columns, theme), ...wrapStyledRow(sentenceRow(q, results, gap, phase === 'done', theme), columns), []];
  const { rows: content, spans } = stackBlocks([sentence, fieldRows, feedback]);
  // The field and the last gap's result under it; once done, the result, explanation and note.
  const focusStart = spans[1]!.start;
  const body = useQuizBody(content, { start: focusStart, end: content.length, key: `${phase} ${gap} ${field.cursor} ${field.value} ${overrule.overruled?.grade}` });
  const fieldRowOnScreen = phase === 'typing' ? body.rowOf(focusStart) : -1;
  useFieldCursor(fieldRowOnScreen >= 0 ? fieldCursor(field, displayWidth(label), 1 + fieldRowOnScreen, columns) : undefined);

  useScreenInput(
    (input, key) =>
      handleAnswerKey(phaseOf(getPending(), getResults()), input, key, {
        field: getField(),
        setField: (next) => {
          setField(next);
          setEmptyHint(false);
        },
        empty: {
          hint: () => setEmptyHint(true),
          // Given up: the gap counts as not known.
          reveal: () => record({ check: checkGap(q.item.card as ClozeCard, q.answers, getResults().length, '', answerAliases?.()), outcome: typedOutcome('wrong'), revealed: true }),
        },
        submit: (value) => {
          const check = checkGap(q.item.card as ClozeCard, q.answers, getResults().length, value, answerAliases?.());
          if (check.verdict === 'close') setPending(check);
          else record({ check, outcome: typedOutcome(check.verdict), revealed: false });
        },
        decide: (accepted) => record({ check: getPending()!, outcome: typedOutcome('close', accepted), revealed: false }),
        done: overrule.handle,
        onNext,
      }) || body.handle(input, key, { textField: phaseOf(getPending(), getResults()) === 'typing' }),
    { textField: phase === 'typing', help: withScrollHelp('cloze') },
  );

  const hint = phase === 'typing' ? t.quiz.typeHint : phase === 'confirm' ? t.quiz.acceptHint : t.quiz.verdictHint;
  return (
    <Frame title={title} right={right} footer={[seg(hint, theme.text.muted)]}>
      <Rows rows={body.rows} />
    </Frame>
  );
}
