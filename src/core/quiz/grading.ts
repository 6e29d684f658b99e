/** How a quiz outcome becomes a grade for the progress log (it feeds "weakest first"). */
import type { Grade } from '../schedule/types.js';
import type { OrderCheck } from './order.js';
import type { Verdict } from './typedAnswer.js';

export interface Outcome {
  correct: boolean;
  grade: Grade;
}

/** A typed answer: right → Good; a near miss the learner accepted → Hard; else Again. */
export function typedOutcome(verdict: Verdict, acceptedClose = false): Outcome {
  if (verdict === 'right') return { correct: true, grade: 3 };
  if (verdict === 'close' && acceptedClose) return { correct: true, grade: 2 };
  return { correct: false, grade: 1 };
}

export function choiceOutcome(picked: number, correct: number): Outcome {
  return picked === correct ? { correct: true, grade: 3 } : { correct: false, grade: 1 };
}

export function orderOutcome(check: OrderCheck): Outcome {
  return check.correct ? { correct: true, grade: 3 } : { correct: false, grade: 1 };
}

/** Every gap right → Good; right with accepted near misses → Hard; any gap wrong or revealed → Again. */
export function clozeOutcome(gaps: readonly Outcome[]): Outcome {
  if (gaps.length === 0 || gaps.some((g) => !g.correct)) return { correct: false, grade: 1 };
  return gaps.every((g) => g.grade >= 3) ? { correct: true, grade: 3 } : { correct: true, grade: 2 };
}

/** Mock interview: the learner's own grade; Again is a miss. */
export function selfGradeOutcome(grade: Grade): Outcome {
  return { correct: grade >= 2, grade };
}

/** The learner overrules the verdict ("I was right" → Good, "I was wrong" → Again), as Anki lets you judge yourself. */
export function overruleOutcome(right: boolean): Outcome {
  return right ? { correct: true, grade: 3 } : { correct: false, grade: 1 };
}
