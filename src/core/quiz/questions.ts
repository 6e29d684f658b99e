/** Turning study items into quiz questions, per mode. */
import { promptText } from '../deck/cards.js';
import { cliFlagForms } from './cliFlags.js';
import { bareNumberForms, leadWordForms } from './valueForms.js';
import type { StudyItem } from '../deck/items.js';
import { answerAliases, arrangeOptions, chooseDistractors, optionText } from './choice.js';
import { clozeAnswers, clozeParts, type ClozePart } from './cloze.js';
import { headTerm, type AliasKeys } from './typedAnswer.js';
import { isBottomUp, shuffledOrder } from './order.js';
import { hashSeed } from './random.js';
import { typeableAnswer } from './typeable.js';
import type { QuizMode } from './modes.js';

export { QUIZ_MODES, isQuizMode, type QuizMode } from './modes.js';

interface QuestionBase {
  /** Study item key (progress records answers under it). */
  key: string;
  deckId: string;
  item: StudyItem;
  prompt: string;
  note?: string;
}

export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice';
  answer: string;
  options: string[];
  correct: number;
}
export interface TypedQuestion extends QuestionBase {
  kind: 'typed';
  answer: string;
  /** The answer, then its aliases. */
  accepted: string[];
}
export interface ClozeQuestion extends QuestionBase {
  kind: 'cloze';
  parts: ClozePart[];
  answers: string[];
  /** The card's `back`: extra explanation shown with the answer. */
  explanation?: string;
}
export interface OrderQuestion extends QuestionBase {
  kind: 'order';
  steps: string[];
  /** The starting arrangement: indices into `steps`, never already in order. */
  start: number[];
  /** A stack built "아래에서 위로": shown with step 1 at the bottom, as it is built. */
  bottomUp: boolean;
}
export interface InterviewQuestion extends QuestionBase {
  kind: 'interview';
  points: string[];
}

export type Question = ChoiceQuestion | TypedQuestion | ClozeQuestion | OrderQuestion | InterviewQuestion;
export type QuestionKind = Question['kind'];

/**
 * What a typed answer may be: the answer, its head term before a gloss, the aliases of that side,
 * and the spellings the CLI takes as the same flag for a command the question names.
 */
export function acceptedAnswers(item: StudyItem, answer: string): string[] {
  const head = headTerm(answer);
  const prompt = promptText(item.card, item.direction);
  const forms = [...new Set([answer, ...(head ? [head] : []), ...answerAliases(item.card, item.direction), ...bareNumberForms(answer, prompt), ...leadWordForms(answer, prompt)])];
  return cliFlagForms(forms, prompt);
}

function base(item: StudyItem): QuestionBase {
  const q: QuestionBase = { key: item.key, deckId: item.deckId, item, prompt: promptText(item.card, item.direction) };
  if (item.card.note) q.note = item.card.note;
  return q;
}

/** Fewer options than three is a coin toss, not a question: such a card is not asked as multiple choice. */
const MIN_DISTRACTORS = 2;

function choiceQuestion(item: StudyItem, pool: readonly StudyItem[], seed: number, aliases?: AliasKeys): ChoiceQuestion | undefined {
  const answer = optionText(item.card, item.direction);
  if (answer === undefined) return undefined;
  const distractors = chooseDistractors(item, pool, seed, undefined, aliases);
  if (distractors.length < MIN_DISTRACTORS) return undefined;
  return { ...base(item), kind: 'choice', answer, ...arrangeOptions(answer, distractors, hashSeed(seed, item.key)) };
}

function typedQuestion(item: StudyItem): TypedQuestion | undefined {
  const answer = typeableAnswer(item);
  if (answer === undefined) return undefined;
  return { ...base(item), kind: 'typed', answer, accepted: acceptedAnswers(item, answer) };
}

function structuredQuestion(item: StudyItem, seed: number): Question | undefined {
  const { card } = item;
  switch (card.type) {
    case 'cloze': {
      const parts = clozeParts(card.front);
      const q: ClozeQuestion = { ...base(item), kind: 'cloze', parts, answers: clozeAnswers(parts) };
      if (card.back) q.explanation = card.back;
      return q;
    }
    case 'order':
      return { ...base(item), kind: 'order', steps: card.steps, start: shuffledOrder(card.steps.length, hashSeed(seed, item.key)), bottomUp: isBottomUp(card.front) };
    case 'interview':
      return { ...base(item), kind: 'interview', points: card.points };
    default:
      return undefined;
  }
}

/**
 * The question for one item in a mode, or undefined when the item does not fit the mode
 * (an order card in a choice quiz; a basic card without confusable neighbours).
 */
export function buildQuestion(item: StudyItem, mode: QuizMode, pool: readonly StudyItem[], seed: number, aliases?: AliasKeys): Question | undefined {
  const type = item.card.type;
  switch (mode) {
    case 'choice':
      return choiceQuestion(item, pool, seed, aliases);
    case 'typed':
      return typedQuestion(item);
    case 'cloze':
    case 'order':
    case 'interview':
      return type === mode ? structuredQuestion(item, seed) : undefined;
    case 'mixed':
      if (type === 'typed') return typedQuestion(item);
      if (type === 'choice') return choiceQuestion(item, pool, seed, aliases) ?? typedQuestion(item);
      if (type === 'basic' || type === 'reversible') return choiceQuestion(item, pool, seed, aliases) ?? typedQuestion(item);
      return structuredQuestion(item, seed);
  }
}

/** A fresh arrangement of the same question (drilling it again must not be memorised by position). */
export function reshuffle(q: Question, seed: number): Question {
  if (q.kind === 'choice') {
    const distractors = q.options.filter((o) => o !== q.answer);
    return { ...q, ...arrangeOptions(q.answer, distractors, hashSeed(seed, q.key)) };
  }
  if (q.kind === 'order') return { ...q, start: shuffledOrder(q.steps.length, hashSeed(seed, q.key)) };
  return q;
}
