/**
 * Type-in answers in daily review (Anki's type-in cards): typed and cloze cards can be answered
 * by typing, judged as the quiz judges them; the verdict suggests a grade the learner may change.
 */
import { clozeGaps } from '../deck/cards.js';
import type { StudyItem } from '../deck/items.js';
import type { Grade } from '../schedule/types.js';
import { clozeOutcome, typedOutcome } from './grading.js';
import type { TypedCheck } from './typedAnswer.js';
import { acceptedAnswers } from './questions.js';
import { gapAnswers } from './cloze.js';

/** What may be typed for each blank (one for a typed card, one per gap for a cloze), or undefined. */
export function typeInAnswers(item: StudyItem): string[][] | undefined {
  const { card } = item;
  if (card.type === 'typed') return [acceptedAnswers(item, card.answer)];
  if (card.type !== 'cloze') return undefined;
  const gaps = clozeGaps(card.front);
  // As in the quiz: aliases belong to the gap only when there is one.
  return gaps.map((_, i) => gapAnswers(card, gaps, i));
}

/** The grade the verdicts suggest: all right → Good, a near miss → Hard, wrong or revealed (undefined) → Again. */
export function typeInGrade(checks: readonly (TypedCheck | undefined)[]): Grade {
  return clozeOutcome(checks.map((c) => (c ? typedOutcome(c.verdict, true) : typedOutcome('wrong')))).grade;
}
