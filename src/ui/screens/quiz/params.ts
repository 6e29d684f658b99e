import type { QuizMode } from '../../../core/quiz/questions.js';

/** What `amgi quiz` and Home ask the quiz screen for. */
export interface QuizParams {
  mode: QuizMode;
  deckId?: string;
  tag?: string;
  count?: number;
  /** Only these study items (the card view's "quiz this card now"). */
  keys?: string[];
  /** The weakest studied cards are asked first (Home's quiz picker). */
  weakest?: boolean;
  /** Fixed seed (tests); otherwise the clock. */
  seed?: number;
}
