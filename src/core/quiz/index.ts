/** The quiz core: pure, no I/O, clock and seed injected. */
export { mulberry32, hashSeed, shuffle, type Rng } from './random.js';
export { answerKey, checkTyped, editDistance, hasHangul, type TypedCheck, type Verdict } from './match.js';
export { diffChars, diffSides, type DiffPart } from './diff.js';
export { arrangeOptions, chooseDistractors, optionText, DISTRACTOR_COUNT, type ChoiceOptions } from './choice.js';
export { checkGap, clozeAnswers, clozeParts, type ClozePart } from './cloze.js';
export { checkOrder, moveStep, shuffledOrder, type OrderCheck } from './order.js';
export { elapsedShare, formatCountdown, isRevealed, remainingMs, revealEarly, startTimer, type ThinkTimer } from './interview.js';
export { choiceOutcome, clozeOutcome, orderOutcome, selfGradeOutcome, typedOutcome, type Outcome } from './grading.js';
export {
  buildQuestion,
  isQuizMode,
  reshuffle,
  MAX_TYPED_WIDTH,
  QUIZ_MODES,
  type ChoiceQuestion,
  type ClozeQuestion,
  type InterviewQuestion,
  type OrderQuestion,
  type Question,
  type QuestionKind,
  type QuizMode,
  type TypedQuestion,
} from './questions.js';
export {
  buildQuestions,
  currentQuestion,
  currentResult,
  missedQuestions,
  orderItems,
  quizReducer,
  startQuiz,
  summarize,
  DEFAULT_QUIZ_COUNT,
  type QuizAction,
  type QuizSetup,
  type QuizState,
  type QuizSummary,
  type QuestionResult,
} from './session.js';
