import type { QuizMode } from '../../../core/quiz/questions.js';

/** What `amgi quiz` and Home ask the quiz screen for. */
export interface QuizParams {
  mode: QuizMode;
  deckId?: string;
  tag?: string;
  count?: number;
  /** Fixed seed (tests); otherwise the clock. */
  seed?: number;
}
