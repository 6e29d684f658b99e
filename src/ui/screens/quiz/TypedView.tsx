/** Typed answer: a text field (IME-friendly cursor), then the diff; a near miss asks y/n. */
import { useSyncState } from './useSyncState.js';
import { checkTyped, type TypedCheck } from '../../../core/quiz/match.js';
import { typedOutcome, type Outcome } from '../../../core/quiz/grading.js';
import type { TypedQuestion } from '../../../core/quiz/questions.js';
import { useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { QUIZ_VIEW_COMMANDS } from '../../navigation.js';
import { seg, wrapRows, type Row } from '../../layout.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { diffRows, fitBody, noteRows, promptRows, verdictRows } from './layout.js';
import { EMPTY_FIELD, type TextField } from './textEdit.js';
import { fieldCursor, fieldRow, handleAnswerKey, useFieldCursor, type AnswerPhase } from './AnswerField.js';
import type { QuestionViewProps } from './types.js';

export function TypedView({ question: q, title, right, onAnswer, onNext }: QuestionViewProps<TypedQuestion>) {
  const { messages: t, theme, columns, rows } = useUi();
  const [field, setField, getField] = useSyncState<TextField>(EMPTY_FIELD);
  const [check, setCheck, getCheck] = useSyncState<TypedCheck | undefined>(undefined);
  const [outcome, setOutcome, getOutcome] = useSyncState<Outcome | undefined>(undefined);
  // A check without an outcome is a near miss waiting for y/n.
  const phaseOf = (c: TypedCheck | undefined, o: Outcome | undefined): AnswerPhase => (o ? 'done' : c ? 'confirm' : 'typing');
  const phase = phaseOf(check, outcome);

  const finish = (o: Outcome) => {
    setOutcome(o);
    onAnswer(o);
  };

  useScreenInput(
    (input, key) =>
      handleAnswerKey(phaseOf(getCheck(), getOutcome()), input, key, {
        field: getField(),
        setField,
        submit: (value) => {
          const c = checkTyped(value, q.accepted);
          setCheck(c);
          if (c.verdict !== 'close') finish(typedOutcome(c.verdict));
        },
        decide: (accepted) => finish(typedOutcome('close', accepted)),
        onNext,
      }),
    { textField: phase === 'typing', help: QUIZ_VIEW_COMMANDS.typed },
  );

  const top = [...promptRows(q, columns, t, theme), []];
  const bottom: Row[] = [fieldRow(field, columns, theme)];
  if (check && phase !== 'typing') {
    bottom.push([]);
    if (phase === 'confirm') bottom.push(...wrapRows(t.quiz.close, columns, theme.status.warn));
    else if (outcome) bottom.push(...verdictRows(outcome.correct, outcome.correct && check.verdict === 'close' ? t.quiz.closeAccepted : outcome.correct ? t.quiz.correct : t.quiz.wrong, columns, theme));
    bottom.push(...diffRows(check.diff, columns, t, theme));
    if (phase === 'done') bottom.push(...noteRows(q.note, columns, t, theme));
  }
  const body = fitBody(top, bottom, bodyHeight(rows), columns);
  const fieldIndex = body.indexOf(bottom[0]!);
  // Frame row = header (1) + the field's row in the body.
  useFieldCursor(phase === 'typing' && fieldIndex >= 0 ? fieldCursor(field, 0, 1 + fieldIndex, columns) : undefined);

  const hint = phase === 'typing' ? t.quiz.typeHint : phase === 'confirm' ? t.quiz.acceptHint : t.quiz.nextHint;
  return (
    <Frame title={title} right={right} footer={[seg(hint, theme.text.muted)]}>
      <Rows rows={body} />
    </Frame>
  );
}
