import type { Outcome } from '../../../core/quiz/grading.js';
import type { Row } from '../../textLayout.js';

/** What QuizScreen gives every question view. */
export interface QuestionViewProps<Q> {
  question: Q;
  /** Header: mode, progress, score. */
  title: Row;
  right: Row;
  /** One line above the question (fewer questions than asked, in any mode), on its first question only. */
  notice?: string;
  /** Record the outcome (once); the view then shows feedback. */
  onAnswer(outcome: Outcome): void;
  /** The learner overrules the verdict: the recorded grade becomes this outcome's. */
  onOverrule(outcome: Outcome): void;
  /** Go on to the next question. */
  onNext(): void;
}
