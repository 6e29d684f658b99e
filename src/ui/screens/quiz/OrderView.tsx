/**
 * Order: move the steps with the keyboard, Enter to check; right positions are marked. A stack
 * built "아래에서 위로" is drawn as a stack: step 1 at the bottom, ↑ moves a step up the stack.
 */
import { useSyncState } from '../../hooks/useSyncState.js';
import { checkOrder, moveStep, type OrderCheck } from '../../../core/quiz/order.js';
import { orderOutcome } from '../../../core/quiz/grading.js';
import type { OrderQuestion } from '../../../core/quiz/questions.js';
import { displayWidth } from '../../../core/text/width.js';
import { useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, matches } from '../../keymap.js';
import { rowWidth, seg, wrapRows, type Row } from '../../textLayout.js';
import { Frame } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { noteRows, noticeRows, promptRows, stackBlocks } from './quizRows.js';
import { useQuizBody, withScrollHelp } from './useQuizBody.js';
import { useOverrule, verdictLine } from './overrule.js';
import type { QuestionViewProps } from './types.js';

export function OrderView({ question: q, title, right, notice, onAnswer, onOverrule, onNext }: QuestionViewProps<OrderQuestion>) {
  const { messages: t, theme, columns } = useUi();
  const overrule = useOverrule(onOverrule);
  const [arrangement, setArrangement, getArrangement] = useSyncState(q.start);
  // The highlight starts on the top row: the last step of a bottom-up stack.
  const [cursor, setCursor, getCursor] = useSyncState(q.bottomUp ? q.start.length - 1 : 0);
  const [holding, setHolding, getHolding] = useSyncState(false);
  const [check, setCheck, getCheck] = useSyncState<OrderCheck | undefined>(undefined);
  const n = arrangement.length;
  // Positions top to bottom on screen; "up" on screen is toward the end of a bottom-up stack.
  const shown = Array.from({ length: n }, (_, i) => (q.bottomUp ? n - 1 - i : i));
  const up = q.bottomUp ? 1 : -1;

  const move = (delta: number) => {
    const from = getCursor();
    const to = Math.max(0, Math.min(n - 1, from + delta));
    setArrangement(moveStep(getArrangement(), from, to));
    setCursor(to);
  };

  // Before checking: the learner's arrangement. After: the right order, each step marked
  // ✓ when the learner had it there, else with the place they gave it.
  const stepBlocks: Row[][] = check
    ? shown.map((pos) => {
        const text = q.steps[pos]!;
        const ok = check.right[pos]!;
        const prefix = `${ok ? '✓' : '✗'} ${pos + 1}. `;
        const rows = wrapRows(text, columns, ok ? theme.status.ok : theme.status.error, prefix);
        if (ok) return rows;
        // Where the learner put it: on the last row when it fits, else on a row of its own (never cut to "(…").
        const given = t.quiz.givenAt(arrangement.indexOf(pos) + 1);
        const last = rows[rows.length - 1]!;
        if (rowWidth(last) + 1 + displayWidth(given) <= columns) last.push(seg(` ${given}`, theme.text.muted));
        else rows.push([seg(' '.repeat(displayWidth(prefix))), seg(given, theme.text.muted)]);
        return rows;
      })
    : shown.map((pos) => {
        const step = arrangement[pos]!;
        const here = pos === cursor;
        const style = here ? (holding ? { ...theme.selection, inverse: true } : theme.selection) : theme.text.primary;
        return wrapRows(q.steps[step]!, columns, style, `${here ? (holding ? '≡' : '›') : ' '} ${pos + 1}. `);
      });
  const feedback: Row[] = [];
  if (check) {
    feedback.push([], ...verdictLine(check.correct, check.correct ? t.quiz.correct : t.quiz.orderScore(check.positionsRight, check.total), overrule.overruled, columns, t, theme));
    feedback.push(...noteRows(q.note, columns, t, theme));
  }
  const stackNote = q.bottomUp ? wrapRows(t.quiz.bottomUp, columns, theme.text.muted) : [];
  const { rows: content, spans } = stackBlocks([[...noticeRows(notice, columns, theme), ...promptRows(q, columns, t, theme), ...stackNote, []], ...stepBlocks, feedback]);
  const feedbackSpan = spans[spans.length - 1]!;
  // Before checking the step under the cursor; after it the verdict and note (not the blank row above them).
  const focus = check
    ? { start: feedbackSpan.start + 1, end: feedbackSpan.end, key: `checked ${overrule.overruled?.grade}` }
    : { ...spans[1 + shown.indexOf(cursor)]!, key: `step ${cursor}` };
  const body = useQuizBody(content, focus);

  useScreenInput((input, key) => {
    const holding = getHolding();
    if (getCheck()) {
      if (!matches(Command.Next, input, key)) return overrule.handle(input, key) || body.handle(input, key);
      onNext();
      return true;
    }
    // Move-step keys first: Shift+↑ would also match the plain ↑ of MenuUp.
    const step = (delta: number) => (holding ? move(delta) : setCursor((c) => Math.max(0, Math.min(n - 1, c + delta))));
    if (matches(Command.MoveItemUp, input, key)) move(up);
    else if (matches(Command.MoveItemDown, input, key)) move(-up);
    // On the top step with the question scrolled off above, ↑ goes back up to it.
    else if (matches(Command.MenuUp, input, key) && getCursor() === shown[0] && body.canScrollUp()) body.scrollBy(-1);
    else if (matches(Command.MenuUp, input, key)) step(up);
    else if (matches(Command.MenuDown, input, key)) step(-up);
    else if (matches(Command.PickUp, input, key)) setHolding((h) => !h);
    else if (matches(Command.Check, input, key)) {
      const c = checkOrder(getArrangement());
      setCheck(c);
      setHolding(false);
      onAnswer(orderOutcome(c));
    } else return body.handle(input, key); // ↑/↓ move the cursor here: PgUp/PgDn scroll.
    return true;
  }, { help: withScrollHelp('order') });

  return (
    <Frame title={title} right={right} footer={[seg(check ? t.quiz.verdictHint : holding ? t.quiz.orderHoldingHint : t.quiz.orderHint, theme.text.muted)]}>
      <Rows rows={body.rows} />
    </Frame>
  );
}
