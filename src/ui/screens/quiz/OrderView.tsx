/** Order: move the steps with the keyboard, Enter to check; right positions are marked. */
import { useSyncState } from './useSyncState.js';
import { checkOrder, moveStep, type OrderCheck } from '../../../core/quiz/order.js';
import { orderOutcome } from '../../../core/quiz/grading.js';
import type { OrderQuestion } from '../../../core/quiz/questions.js';
import { useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { QUIZ_VIEW_COMMANDS } from '../../navigation.js';
import { Command, matches } from '../../keymap.js';
import { seg, wrapRows, type Row } from '../../layout.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { fitBody, noteRows, promptRows, verdictRows } from './layout.js';
import type { QuestionViewProps } from './types.js';

export function OrderView({ question: q, title, right, onAnswer, onNext }: QuestionViewProps<OrderQuestion>) {
  const { messages: t, theme, columns, rows } = useUi();
  const [arrangement, setArrangement, getArrangement] = useSyncState(q.start);
  const [cursor, setCursor, getCursor] = useSyncState(0);
  const [holding, setHolding, getHolding] = useSyncState(false);
  const [check, setCheck, getCheck] = useSyncState<OrderCheck | undefined>(undefined);
  const n = arrangement.length;

  const move = (delta: number) => {
    const from = getCursor();
    const to = Math.max(0, Math.min(n - 1, from + delta));
    setArrangement(moveStep(getArrangement(), from, to));
    setCursor(to);
  };

  useScreenInput((input, key) => {
    const holding = getHolding();
    if (getCheck()) {
      if (!matches(Command.Next, input, key)) return false;
      onNext();
      return true;
    }
    // Move-step keys first: Shift+↑ would also match the plain ↑ of MenuUp.
    if (matches(Command.MoveItemUp, input, key)) move(-1);
    else if (matches(Command.MoveItemDown, input, key)) move(1);
    else if (matches(Command.MenuUp, input, key)) (holding ? move(-1) : setCursor((c) => Math.max(0, c - 1)));
    else if (matches(Command.MenuDown, input, key)) (holding ? move(1) : setCursor((c) => Math.min(n - 1, c + 1)));
    else if (matches(Command.PickUp, input, key)) setHolding((h) => !h);
    else if (matches(Command.Check, input, key)) {
      const c = checkOrder(getArrangement());
      setCheck(c);
      setHolding(false);
      onAnswer(orderOutcome(c));
    } else return false;
    return true;
  }, { help: QUIZ_VIEW_COMMANDS.order });

  // Before checking: the learner's arrangement. After: the right order, each step marked
  // ✓ when the learner had it there, else with the place they gave it.
  const stepRows: Row[] = check
    ? q.steps.flatMap((text, pos) => {
        const ok = check.right[pos]!;
        const rows = wrapRows(text, columns, ok ? theme.status.ok : theme.status.error, `${ok ? '✓' : '✗'} ${pos + 1}. `);
        if (!ok) rows[rows.length - 1]!.push(seg(` (${arrangement.indexOf(pos) + 1})`, theme.text.muted));
        return rows;
      })
    : arrangement.flatMap((step, pos) => {
        const here = pos === cursor;
        const style = here ? (holding ? { ...theme.selection, inverse: true } : theme.selection) : theme.text.primary;
        return wrapRows(q.steps[step]!, columns, style, `${here ? (holding ? '≡' : '›') : ' '} ${pos + 1}. `);
      });
  const feedback: Row[] = [];
  if (check) {
    feedback.push([], ...verdictRows(check.correct, check.correct ? t.quiz.correct : t.quiz.orderScore(check.positionsRight, check.total), columns, theme));
    feedback.push(...noteRows(q.note, columns, t, theme));
  }
  const body = fitBody([...promptRows(q, columns, t, theme), []], [...stepRows, ...feedback], bodyHeight(rows), columns);
  return (
    <Frame title={title} right={right} footer={[seg(check ? t.quiz.nextHint : t.quiz.orderHint, theme.text.muted)]}>
      <Rows rows={body} />
    </Frame>
  );
}
