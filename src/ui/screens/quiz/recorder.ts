/**
 * Quiz answers go to the progress log as `kind: 'quiz'` answers that leave FSRS schedules
 * alone (reschedule: false) but count for "weakest first". They are written through a cram
 * session over exactly the quiz's keys, in the quiz's order, so they are durable like any
 * answer before the next question shows.
 */
import type { Grade } from '../../../core/schedule/types.js';
import type { Progress, StudySession } from '../../../store/types.js';

export interface QuizRecorder {
  /** Record one answer; false when the card could not be recorded (suspended, buried, or answered in another window). */
  record(key: string, grade: Grade, ms: number): boolean;
  /** Replace the last answer (of `key`) with another grade: undo it, answer again. */
  rerecord(key: string, grade: Grade, ms: number): boolean;
}

export function progressRecorder(progress: Pick<Progress, 'startCram'>, keys: readonly string[]): QuizRecorder {
  let session: StudySession | undefined;
  return {
    record(key, grade, ms) {
      session ??= progress.startCram({ kind: 'quiz', keys: [...keys], reschedule: false });
      // The session walks the same keys in the same order, skipping hidden cards; a card
      // answered Again is queued again at the end, after every quiz question.
      if (session.current()?.item.key !== key) return false;
      // Not recorded when another window answered the card meanwhile.
      return session.answer(grade, ms).otherWindow !== true;
    },
    rerecord(key, grade, ms) {
      if (!session?.undo() || session.current()?.item.key !== key) return false;
      session.answer(grade, ms);
      return true;
    },
  };
}
