/** Multiple choice: 1–4, or ↑/↓ and Enter; then the right answer and the card's note. */
import { useSyncState } from './useSyncState.js';
import { choiceOutcome } from '../../../core/quiz/grading.js';
import type { ChoiceQuestion } from '../../../core/quiz/questions.js';
import { useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { QUIZ_VIEW_COMMANDS } from '../../navigation.js';
import { Command, matches } from '../../keymap.js';
import { seg, wrapRows, type Row } from '../../layout.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { fitBody, noteRows, promptRows, verdictRows } from './layout.js';
import type { QuestionViewProps } from './types.js';

const OPTION_KEYS = [Command.Option1, Command.Option2, Command.Option3, Command.Option4] as const;

export function ChoiceView({ question: q, title, right, onAnswer, onNext }: QuestionViewProps<ChoiceQuestion>) {
  const { messages: t, theme, columns, rows } = useUi();
  const [highlight, setHighlight, getHighlight] = useSyncState(0);
  const [picked, setPicked, getPicked] = useSyncState<number | undefined>(undefined);
  const n = q.options.length;

  const pick = (i: number) => {
    if (i >= n || getPicked() !== undefined) return;
    setPicked(i);
    onAnswer(choiceOutcome(i, q.correct));
  };

  useScreenInput((input, key) => {
    if (getPicked() !== undefined) {
      if (!matches(Command.Next, input, key)) return false;
      onNext();
      return true;
    }
    const option = OPTION_KEYS.findIndex((c) => matches(c, input, key));
    if (option >= 0) pick(option);
    else if (matches(Command.MenuUp, input, key)) setHighlight((h) => (h + n - 1) % n);
    else if (matches(Command.MenuDown, input, key)) setHighlight((h) => (h + 1) % n);
    else if (matches(Command.Check, input, key)) pick(getHighlight());
    else return false;
    return true;
  }, { help: QUIZ_VIEW_COMMANDS.choice });

  const optionRows: Row[] = q.options.flatMap((text, i) => {
    const answered = picked !== undefined;
    const isRight = answered && i === q.correct;
    const isWrongPick = answered && i === picked && i !== q.correct;
    const marker = isRight ? '✓' : isWrongPick ? '✗' : !answered && i === highlight ? '›' : ' ';
    const style = isRight ? theme.status.ok : isWrongPick ? theme.status.error : !answered && i === highlight ? theme.selection : theme.text.primary;
    return wrapRows(text, columns, style, `${marker} ${i + 1}. `).map((r, line) => (line === 0 ? r : [seg('     '), ...r.slice(1)]));
  });
  const feedback: Row[] = [];
  if (picked !== undefined) {
    const right = picked === q.correct;
    feedback.push([], ...verdictRows(right, right ? t.quiz.correct : `${t.quiz.wrong} ${t.quiz.answer}: ${q.answer}`, columns, theme));
    feedback.push(...noteRows(q.note, columns, t, theme));
  }
  const body = fitBody([...promptRows(q, columns, t, theme), []], [...optionRows, ...feedback], bodyHeight(rows), columns);
  const footer = [seg(picked === undefined ? t.quiz.choiceHint : t.quiz.nextHint, theme.text.muted)];
  return (
    <Frame title={title} right={right} footer={footer}>
      <Rows rows={body} />
    </Frame>
  );
}
