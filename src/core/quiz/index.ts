/** The quiz core: pure, no I/O, clock and seed injected. */
export { mulberry32, hashSeed, shuffle, type Rng } from './random.js';
export { aliasKeys, answerKey, answerKeyOf, answerKeys, checkTyped, editDistance, hasHangul, headTerm, isTechnical, type AliasKeys, type AnswerKey, type TypedCheck, type Verdict } from './typedAnswer.js';
export { diffChars, diffSides, type DiffPart } from './charDiff.js';
export { answerAliases, answerShape, arrangeOptions, chooseDistractors, optionText, sameShape, DISTRACTOR_COUNT, type AnswerShape, type ChoiceOptions } from './choice.js';
export { checkGap, clozeAnswers, clozeParts, type ClozePart } from './cloze.js';
export { checkOrder, isBottomUp, moveStep, shuffledOrder, type OrderCheck } from './order.js';
export { elapsedShare, formatCountdown, isRevealed, remainingMs, revealEarly, startTimer, type ThinkTimer } from './thinkTimer.js';
export { choiceOutcome, clozeOutcome, orderOutcome, overruleOutcome, selfGradeOutcome, typedOutcome, type Outcome } from './grading.js';
export {
  acceptedAnswers,
  buildQuestion,
  isQuizMode,
  refersToOptions,
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
} from './quizState.js';
