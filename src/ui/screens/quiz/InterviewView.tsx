/** Mock interview: the question, a think-time countdown, the model answer, a self-grade. */
import { useEffect, useState } from 'react';
import { useSyncState } from '../../hooks/useSyncState.js';
import { elapsedShare, formatCountdown, isRevealed, remainingMs, revealEarly, startTimer, type ThinkTimer } from '../../../core/quiz/thinkTimer.js';
import { selfGradeOutcome } from '../../../core/quiz/grading.js';
import type { InterviewQuestion } from '../../../core/quiz/questions.js';
import { displayWidth } from '../../../core/text/width.js';
import { useServices, useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, gradeKey, matches } from '../../keymap.js';
import { progressBar, seg, wrapRows, type Row } from '../../textLayout.js';
import { Frame } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { noteRows, noticeRows, promptRows, stackBlocks } from './quizRows.js';
import { useQuizBody, withScrollHelp } from './useQuizBody.js';
import type { QuestionViewProps } from './types.js';

/** Redraw a few times a second: enough for a seconds countdown. */
const TICK_MS = 250;

export function InterviewView({ question: q, title, right, notice, onAnswer, onNext, thinkSeconds }: QuestionViewProps<InterviewQuestion> & { thinkSeconds: number }) {
  const { now } = useServices();
  const { messages: t, theme, columns } = useUi();
  const [timer, setTimer, getTimer] = useSyncState<ThinkTimer>(() => startTimer(now().getTime(), thinkSeconds));
  const [, setGraded, getGraded] = useSyncState(false);
  const [at, setAt] = useState(() => now().getTime());
  const revealed = isRevealed(timer, at);

  useEffect(() => {
    if (revealed) return;
    const id = setInterval(() => setAt(now().getTime()), TICK_MS);
    return () => clearInterval(id);
  }, [revealed, now]);

  const bottom: Row[] = [];
  if (!revealed) {
    const label = `${t.quiz.think(formatCountdown(remainingMs(timer, at)))} `;
    const { filled, empty } = progressBar(elapsedShare(timer, at), 1, Math.max(0, Math.min(30, columns - displayWidth(label))));
    bottom.push([seg(label, theme.text.label), seg(filled, theme.progress.done), seg(empty, theme.progress.todo)]);
  } else {
    if (timer.revealedAt === undefined) bottom.push([seg(t.quiz.timeUp, theme.status.warn)]);
    bottom.push([seg(t.quiz.modelAnswer, theme.text.label)]);
    for (const p of q.points) bottom.push(...wrapRows(p, columns, theme.text.primary, '• '));
    bottom.push(...noteRows(q.note, columns, t, theme));
  }
  const { rows: content, spans } = stackBlocks([[...noticeRows(notice, columns, theme), ...promptRows(q, columns, t, theme), []], bottom]);
  // The countdown stays on screen; once shown, the model answer (from its first row when it is taller than the screen).
  const body = useQuizBody(content, { ...spans[1]!, key: revealed ? 'revealed' : 'thinking' }, revealed ? undefined : spans[1]!.start);

  useScreenInput((input, key) => {
    const t2 = now().getTime();
    if (!isRevealed(getTimer(), t2)) {
      if (!matches(Command.Reveal, input, key)) return body.handle(input, key);
      setTimer(revealEarly(getTimer(), t2));
      setAt(t2);
      return true;
    }
    const grade = gradeKey(input, key);
    if (grade === undefined || getGraded()) return body.handle(input, key);
    setGraded(true);
    onAnswer(selfGradeOutcome(grade));
    onNext();
    return true;
  }, { help: withScrollHelp('interview') });

  return (
    <Frame title={title} right={right} footer={[seg(revealed ? t.quiz.gradeHint : t.quiz.revealHint, theme.text.muted)]}>
      <Rows rows={body.rows} />
    </Frame>
  );
}
