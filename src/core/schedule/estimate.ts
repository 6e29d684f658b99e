/**
 * How long today takes (Home: "today ≈ 34 answers · 6 min") and how long a backlog lasts.
 * Pure: the day counters come from the ledger.
 */
import type { DayStat } from './ledger.js';

/** Before any history: 10 s an answer (reading, recalling, revealing, grading). */
const DEFAULT_MS_PER_ANSWER = 10_000;

/**
 * Answers a card of each kind usually takes today: a new card is shown, then comes back after
 * its 10-minute step (2), plus an Again now and then; a learning card has a step or two left;
 * a review is answered once, a lapse (about 1 in 10 at 90% retention) adds a relearning step.
 */
const ANSWERS_PER = { new: 2.5, learning: 1.5, review: 1.1 } as const;

/** A day's average counts once it has this many answers: one quick answer is not a day's pace. */
const MIN_DAY_ANSWERS = 10;
/** Before such a day: the answers so far, pulled toward the default as if it had this many more. */
const PRIOR_ANSWERS = 10;

/**
 * The learner's own time per answer: the median of the daily averages over the last `window`
 * study days with at least MIN_DAY_ANSWERS answers (a day spent away from the keyboard mid-card
 * weighs one day, not its minutes). Before any such day, the answers so far blended with the
 * default: one 1-second answer made "today ≈ 50 answers · 8 min" read "· 1 min" (walkthrough).
 */
export function medianAnswerMs(days: ReadonlyMap<number, Pick<DayStat, 'n' | 'ms'>>, today: number, window = 30): number {
  const means: number[] = [];
  let n = 0;
  let ms = 0;
  for (const [day, s] of days) {
    if (day > today || day <= today - window || s.n <= 0) continue;
    n += s.n;
    ms += s.ms;
    if (s.n >= MIN_DAY_ANSWERS) means.push(s.ms / s.n);
  }
  if (!means.length) return (ms + DEFAULT_MS_PER_ANSWER * PRIOR_ANSWERS) / (n + PRIOR_ANSWERS);
  means.sort((a, b) => a - b);
  const mid = means.length >> 1;
  return means.length % 2 ? means[mid]! : (means[mid - 1]! + means[mid]!) / 2;
}

export interface DayEstimate {
  answers: number;
  minutes: number;
}

export function estimateDay(left: { new: number; learning: number; review: number }, msPerAnswer: number): DayEstimate {
  const answers = Math.round(left.new * ANSWERS_PER.new + left.learning * ANSWERS_PER.learning + left.review * ANSWERS_PER.review);
  return { answers, minutes: answers === 0 ? 0 : Math.max(1, Math.round((answers * msPerAnswer) / 60_000)) };
}

/**
 * Days a backlog of `due` reviews takes when `today` of them are in today's queue and the
 * daily limit is `perDay`: the most at-risk come first (the queue's order), the rest wait for
 * the next days instead of one wall. 1 when it all fits today.
 */
export function backlogDays(due: number, today: number, perDay: number): number {
  if (due <= today) return 1;
  return perDay <= 0 ? Infinity : 1 + Math.ceil((due - today) / perDay);
}
