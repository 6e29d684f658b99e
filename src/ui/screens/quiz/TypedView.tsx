/** Typed answer: a text field (IME-friendly cursor), then the diff; a near miss asks y/n. */
import { useSyncState } from './useSyncState.js';
import { checkTyped, type TypedCheck } from '../../../core/quiz/match.js';
import { typedOutcome, type Outcome } from '../../../core/quiz/grading.js';
import type { TypedQuestion } from '../../../core/quiz/questions.js';
import { useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, matches } from '../../keymap.js';
import { seg, wrapRows, type Row } from '../../layout.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { diffRows, fitBody, noteRows, promptRows, verdictRows } from './layout.js';
import { EMPTY_FIELD, editField, type TextField } from './textEdit.js';
import { fieldCursor, fieldRow, useFieldCursor } from './AnswerField.js';
import type { QuestionViewProps } from './types.js';

type Phase = 'typing' | 'confirm' | 'done';

export function TypedView({ question: q, title, right, onAnswer, onNext }: QuestionViewProps<TypedQuestion>) {
  const { messages: t, theme, columns, rows } = useUi();
  const [field, setField, getField] = useSyncState<TextField>(EMPTY_FIELD);
  const [phase, setPhase, getPhase] = useSyncState<Phase>('typing');
  const [check, setCheck] = useSyncState<TypedCheck | undefined>(undefined);
  const [outcome, setOutcome] = useSyncState<Outcome | undefined>(undefined);

  const finish = (o: Outcome) => {
    setOutcome(o);
    setPhase('done');
    onAnswer(o);
  };

  useScreenInput(
    (input, key) => {
      const phase = getPhase();
      if (phase === 'typing') {
        const field = getField();
        if (matches(Command.Open, input, key)) {
          const c = checkTyped(field.value, q.accepted);
          setCheck(c);
          if (c.verdict === 'close') setPhase('confirm');
          else finish(typedOutcome(c.verdict));
          return true;
        }
        const next = editField(field, input, key);
        if (next === field) return false;
        setField(next);
        return true;
      }
      if (phase === 'confirm') {
        if (matches(Command.Accept, input, key)) finish(typedOutcome('close', true));
        else if (matches(Command.Reject, input, key)) finish(typedOutcome('close', false));
        else return false;
        return true;
      }
      if (!matches(Command.Continue, input, key)) return false;
      onNext();
      return true;
    },
    { textField: phase === 'typing' },
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
