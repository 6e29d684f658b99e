/**
 * Multiple choice: a number key (1 to the number of options; past the last one nothing), or
 * ↑/↓ and Enter; then the right answer and the card's note. PgUp/PgDn scroll.
 */
import { useSyncState } from '../../hooks/useSyncState.js';
import { choiceOutcome } from '../../../core/quiz/grading.js';
import type { ChoiceQuestion } from '../../../core/quiz/questions.js';
import { useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, matches } from '../../keymap.js';
import { seg, wrapRows, type Row } from '../../textLayout.js';
import { Frame } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { noteRows, noticeRows, promptRows, stackBlocks } from './quizRows.js';
import { useQuizBody, withScrollHelp } from './useQuizBody.js';
import { useOverrule, verdictLine } from './overrule.js';
import type { QuestionViewProps } from './types.js';

const OPTION_KEYS = [Command.Option1, Command.Option2, Command.Option3, Command.Option4] as const;

export function ChoiceView({ question: q, title, right, notice, onAnswer, onOverrule, onNext }: QuestionViewProps<ChoiceQuestion>) {
  const { messages: t, theme, columns } = useUi();
  const overrule = useOverrule(onOverrule);
  const [highlight, setHighlight, getHighlight] = useSyncState(0);
  const [picked, setPicked, getPicked] = useSyncState<number | undefined>(undefined);
  const n = q.options.length;
  // Number keys past the last option do nothing: the help leaves them out.
  const missingKeys: readonly Command[] = OPTION_KEYS.slice(n);

  const pick = (i: number) => {
    if (i >= n || getPicked() !== undefined) return;
    setPicked(i);
    onAnswer(choiceOutcome(i, q.correct));
  };

  const optionBlocks: Row[][] = q.options.map((text, i) => {
    const answered = picked !== undefined;
    const isRight = answered && i === q.correct;
    const isWrongPick = answered && i === picked && i !== q.correct;
    const marker = isRight ? '✓' : isWrongPick ? '✗' : !answered && i === highlight ? '›' : ' ';
    const style = isRight ? theme.status.ok : isWrongPick ? theme.status.error : !answered && i === highlight ? theme.selection : theme.text.primary;
    return wrapRows(text, columns, style, `${marker} ${i + 1}. `).map((r, line) => (line === 0 ? r : [seg('     '), ...r.slice(1)]));
  });
  const feedback: Row[] = [];
  let verdictHeight = 0;
  if (picked !== undefined) {
    const right = picked === q.correct;
    const verdict = verdictLine(right, right ? t.quiz.correct : `${t.quiz.wrong} ${t.quiz.answer}: ${q.answer}`, overrule.overruled, columns, t, theme);
    verdictHeight = verdict.length;
    feedback.push([], ...verdict, ...noteRows(q.note, columns, t, theme));
  }
  const { rows: content, spans } = stackBlocks([[...noticeRows(notice, columns, theme), ...promptRows(q, columns, t, theme), []], ...optionBlocks, feedback]);
  const feedbackSpan = spans[spans.length - 1]!;
  const options = { start: spans[1]!.start, end: feedbackSpan.start };
  const verdict = { start: feedbackSpan.start + 1, end: feedbackSpan.start + 1 + verdictHeight };
  // Shown at once, as the number keys answer what is on screen: before the answer all the
  // options (with the question's last line above them if it fits), else the highlighted one;
  // after it the marked options (✓ and ✗) down to the verdict and note, else to the verdict,
  // else the pick and the verdict (which names the answer).
  const marked = picked === undefined ? 0 : spans[1 + Math.min(picked, q.correct)]!.start;
  const pickAt = picked === undefined ? 0 : spans[1 + picked]!.start;
  const focus =
    picked === undefined
      ? { ...spans[1 + highlight]!, key: `option ${highlight}`, around: [{ ...options, start: Math.max(0, options.start - 2) }, options], atOnce: true }
      : {
          ...verdict,
          key: `answered ${overrule.overruled?.grade}`,
          around: [{ start: marked, end: feedbackSpan.end }, { start: marked, end: verdict.end }, { start: pickAt, end: verdict.end }],
        };
  const body = useQuizBody(content, focus);

  useScreenInput((input, key) => {
    if (getPicked() !== undefined) {
      if (!matches(Command.Next, input, key)) return overrule.handle(input, key) || body.handle(input, key);
      onNext();
      return true;
    }
    const option = OPTION_KEYS.findIndex((c) => matches(c, input, key));
    if (option >= 0) pick(option);
    else if (matches(Command.MenuUp, input, key)) {
      // On the first option with the question scrolled off above, ↑ goes back up to it.
      if (getHighlight() === 0 && body.canScrollUp()) body.scrollBy(-1);
      else setHighlight((h) => (h + n - 1) % n);
    } else if (matches(Command.MenuDown, input, key)) setHighlight((h) => (h + 1) % n);
    else if (matches(Command.Check, input, key)) pick(getHighlight());
    // ↑/↓ move the highlight: PgUp/PgDn scroll.
    else return body.handle(input, key);
    return true;
  }, { help: withScrollHelp('choice').filter((c) => !missingKeys.includes(c)) });

  const footer = [seg(picked === undefined ? t.quiz.choiceHint(n) : t.quiz.verdictHint, theme.text.muted)];
  return (
    <Frame title={title} right={right} footer={footer}>
      <Rows rows={body.rows} />
    </Frame>
  );
}
