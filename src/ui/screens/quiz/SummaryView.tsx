/** The end of a quiz: score, time, the cards missed, and "drill these again". */
import type { QuizSummary } from '../../../core/quiz/quizState.js';
import { formatElapsed, formatPercent } from '../../format.js';
import { useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { QUIZ_VIEW_COMMANDS } from '../../navigation.js';
import { Command, matches } from '../../keymap.js';
import { capRows, fitRow, oneLine, seg, type Row } from '../../textLayout.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';

export function SummaryView({ summary, interview, title, onDrill }: { summary: QuizSummary; interview: boolean; title: Row; onDrill(): void }) {
  const { messages: t, theme, columns, rows } = useUi();
  // A mock interview lists what to revisit (Hard included); other quizzes what was missed.
  const list = interview ? summary.revisit : summary.missed;
  const canDrill = summary.missed.length > 0;

  useScreenInput((input, key) => {
    if (!canDrill || !matches(Command.DrillAgain, input, key)) return false;
    onDrill();
    return true;
  }, { help: canDrill ? QUIZ_VIEW_COMMANDS.summary : QUIZ_VIEW_COMMANDS.empty });

  const height = bodyHeight(rows);
  const head: Row[] = [
    [seg(t.quiz.score(summary.correct, summary.total, formatPercent(summary.total ? summary.score : undefined)), summary.missed.length ? theme.text.label : theme.status.ok)],
    [seg(t.quiz.time(formatElapsed(summary.ms, t)), theme.text.muted)],
    ...(summary.planned !== undefined ? [fitRow([seg(t.quiz.leftEarly(summary.total, summary.planned), theme.text.muted)], columns)] : []),
    [],
  ];
  const listRows: Row[] = [];
  if (list.length) {
    listRows.push([seg(interview ? t.quiz.revisit : t.quiz.missed, theme.text.label)]);
    const room = Math.max(1, height - head.length - 1);
    const missed = list.map((q) => fitRow([seg('• ', theme.status.error), seg(oneLine(q.prompt))], columns));
    listRows.push(...capRows(missed, room, (n) => [seg(t.quiz.more(n), theme.text.muted)]));
  } else listRows.push([seg(t.quiz.noneMissed, theme.status.ok)]);

  return (
    <Frame title={title} footer={[seg(canDrill ? t.quiz.drillHint : t.quiz.backHint, theme.text.muted)]}>
      <Rows rows={[...head, ...listRows].slice(0, height)} />
    </Frame>
  );
}
