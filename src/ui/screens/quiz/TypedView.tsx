/**
 * Typed answer: a text field (IME-friendly cursor), then the diff; a near miss asks y/n. An
 * empty Enter is not an answer (a hint says Space gives up and shows the answer).
 */
import { useSyncState } from '../../hooks/useSyncState.js';
import { checkTyped, type TypedCheck } from '../../../core/quiz/typedAnswer.js';
import { typedOutcome, type Outcome } from '../../../core/quiz/grading.js';
import type { TypedQuestion } from '../../../core/quiz/questions.js';
import { useServices, useUi } from '../../context.js';
import { useOverrule, verdictLine } from './overrule.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { seg, wrapRows, type Row } from '../../textLayout.js';
import { Frame } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { diffRows, noteRows, noticeRows, promptRows, stackBlocks } from './quizRows.js';
import { useQuizBody, withScrollHelp } from './useQuizBody.js';
import { EMPTY_FIELD, type TextField } from '../../textField.js';
import { fieldCursor, fieldRow, handleAnswerKey, useFieldCursor, type AnswerPhase } from './AnswerField.js';
import type { QuestionViewProps } from './types.js';
import type { Messages } from '../../i18n/index.js';
import type { Theme } from '../../theme.js';

interface FeedbackState {
  q: TypedQuestion;
  phase: AnswerPhase;
  check: TypedCheck | undefined;
  outcome: Outcome | undefined;
  emptyHint: boolean;
  revealed: boolean;
  overruled: Outcome | undefined;
}

/** Under the field: the empty-Enter hint, the near-miss question, or the verdict (the learner's call once overruled), diff and note. */
function feedbackRows({ q, phase, check, outcome, emptyHint, revealed, overruled }: FeedbackState, columns: number, t: Messages, theme: Theme): Row[] {
  if (phase === 'typing') return emptyHint ? [[], ...wrapRows(t.quiz.emptyAnswer, columns, theme.status.warn)] : [];
  const note = phase === 'done' ? noteRows(q.note, columns, t, theme) : [];
  if (revealed) {
    // The overruled line replaces "✗ revealed: …": the answer stays, on a line of its own.
    const answer = overruled ? wrapRows(`${t.quiz.answer}: ${q.answer}`, columns, theme.status.ok) : [];
    return [[], ...verdictLine(false, `${t.quiz.revealed}: ${q.answer}`, overruled, columns, t, theme), ...answer, ...note];
  }
  if (!check) return [];
  const rows: Row[] = [[]];
  if (phase === 'confirm') rows.push(...wrapRows(t.quiz.close, columns, theme.status.warn));
  else if (outcome) {
    const text = outcome.correct && check.verdict === 'close' ? t.quiz.closeAccepted : outcome.correct ? t.quiz.correct : t.quiz.wrong;
    rows.push(...verdictLine(outcome.correct, text, overruled, columns, t, theme));
  }
  return [...rows, ...diffRows(check.diff, columns, t, theme), ...note];
}

export function TypedView({ question: q, title, right, notice, onAnswer, onOverrule, onNext }: QuestionViewProps<TypedQuestion>) {
  const { messages: t, theme, columns } = useUi();
  const { answerAliases } = useServices();
  const overrule = useOverrule(onOverrule);
  const [field, setField, getField] = useSyncState<TextField>(EMPTY_FIELD);
  const [check, setCheck, getCheck] = useSyncState<TypedCheck | undefined>(undefined);
  const [outcome, setOutcome, getOutcome] = useSyncState<Outcome | undefined>(undefined);
  // Enter on an empty field: a hint instead of a verdict; Space gave up and showed the answer.
  const [emptyHint, setEmptyHint] = useSyncState(false);
  const [revealed, setRevealed] = useSyncState(false);
  // A check without an outcome is a near miss waiting for y/n.
  const phaseOf = (c: TypedCheck | undefined, o: Outcome | undefined): AnswerPhase => (o ? 'done' : c ? 'confirm' : 'typing');
  const phase = phaseOf(check, outcome);

  const finish = (o: Outcome) => {
    setOutcome(o);
    onAnswer(o);
  };

  const feedback = feedbackRows({ q, phase, check, outcome, emptyHint, revealed, overruled: overrule.overruled }, columns, t, theme);
  const { rows: content, spans } = stackBlocks([[...noticeRows(notice, columns, theme), ...promptRows(q, columns, t, theme), []], [fieldRow(field, columns, theme)], feedback]);
  const fieldAt = spans[1]!.start;
  // While typing the field stays on screen under the question; then it (with what was typed)
  // and what follows it: the verdict, the diff, the note.
  const body = useQuizBody(content, { start: fieldAt, end: content.length, key: `${phase} ${overrule.overruled?.grade}` }, phase === 'typing' ? fieldAt : undefined);
  const fieldRowOnScreen = body.rowOf(fieldAt);
  // Frame row = header (1) + the field's row in the body.
  useFieldCursor(phase === 'typing' && fieldRowOnScreen >= 0 ? fieldCursor(field, 0, 1 + fieldRowOnScreen, columns) : undefined);

  useScreenInput(
    (input, key) =>
      handleAnswerKey(phaseOf(getCheck(), getOutcome()), input, key, {
        field: getField(),
        setField: (next) => {
          setField(next);
          setEmptyHint(false);
        },
        empty: {
          hint: () => setEmptyHint(true),
          reveal: () => {
            setRevealed(true);
            finish(typedOutcome('wrong'));
          },
        },
        submit: (value) => {
          const c = checkTyped(value, q.accepted, answerAliases?.());
          setCheck(c);
          if (c.verdict !== 'close') finish(typedOutcome(c.verdict));
        },
        decide: (accepted) => finish(typedOutcome('close', accepted)),
        done: overrule.handle,
        onNext,
      }) || body.handle(input, key, { textField: phaseOf(getCheck(), getOutcome()) === 'typing' }),
    { textField: phase === 'typing', help: withScrollHelp('typed') },
  );

  const hint = phase === 'typing' ? t.quiz.typeHint : phase === 'confirm' ? t.quiz.acceptHint : t.quiz.verdictHint;
  return (
    <Frame title={title} right={right} footer={[seg(hint, theme.text.muted)]}>
      <Rows rows={body.rows} />
    </Frame>
  );
}
