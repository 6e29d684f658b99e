/** Turning study items into quiz questions, per mode. */
import { answerText, promptText } from '../deck/cards.js';
import type { StudyItem } from '../deck/items.js';
import { displayWidth } from '../text/width.js';
import { arrangeOptions, chooseDistractors, optionText } from './choice.js';
import { clozeAnswers, clozeParts, type ClozePart } from './cloze.js';
import { shuffledOrder } from './order.js';
import { hashSeed } from './random.js';

export const QUIZ_MODES = ['choice', 'typed', 'order', 'cloze', 'interview', 'mixed'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

export function isQuizMode(value: string): value is QuizMode {
  return (QUIZ_MODES as readonly string[]).includes(value);
}

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
}
export interface InterviewQuestion extends QuestionBase {
  kind: 'interview';
  points: string[];
}

export type Question = ChoiceQuestion | TypedQuestion | ClozeQuestion | OrderQuestion | InterviewQuestion;
export type QuestionKind = Question['kind'];

/** Longer answers are not fair to type from memory: those cards become choice questions. */
export const MAX_TYPED_WIDTH = 40;

/** The answer to type, when the item has one short enough. */
function typedAnswer(item: StudyItem): string | undefined {
  const { card } = item;
  if (card.type === 'typed' || card.type === 'choice') return card.answer;
  if (card.type !== 'basic' && card.type !== 'reversible') return undefined;
  const text = answerText(card, item.direction).trim();
  return !text.includes('\n') && displayWidth(text) <= MAX_TYPED_WIDTH ? text : undefined;
}

function base(item: StudyItem): QuestionBase {
  const q: QuestionBase = { key: item.key, deckId: item.deckId, item, prompt: promptText(item.card, item.direction) };
  if (item.card.note) q.note = item.card.note;
  return q;
}

function choiceQuestion(item: StudyItem, pool: readonly StudyItem[], seed: number, minDistractors: number): ChoiceQuestion | undefined {
  const answer = optionText(item.card, item.direction);
  if (answer === undefined) return undefined;
  const distractors = chooseDistractors(item, pool, seed);
  if (distractors.length < minDistractors) return undefined;
  return { ...base(item), kind: 'choice', answer, ...arrangeOptions(answer, distractors, hashSeed(seed, item.key)) };
}

function typedQuestion(item: StudyItem): TypedQuestion | undefined {
  const answer = typedAnswer(item);
  if (answer === undefined) return undefined;
  const aliases = item.direction === 'forward' ? (item.card.aliases ?? []) : [];
  return { ...base(item), kind: 'typed', answer, accepted: [answer, ...aliases] };
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
      return { ...base(item), kind: 'order', steps: card.steps, start: shuffledOrder(card.steps.length, hashSeed(seed, item.key)) };
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
export function buildQuestion(item: StudyItem, mode: QuizMode, pool: readonly StudyItem[], seed: number): Question | undefined {
  const type = item.card.type;
  switch (mode) {
    case 'choice':
      return choiceQuestion(item, pool, seed, 1);
    case 'typed':
      return typedQuestion(item);
    case 'cloze':
    case 'order':
    case 'interview':
      return type === mode ? structuredQuestion(item, seed) : undefined;
    case 'mixed':
      if (type === 'typed') return typedQuestion(item);
      if (type === 'choice') return choiceQuestion(item, pool, seed, 1) ?? typedQuestion(item);
      // A basic card with two confusable neighbours makes a fair choice question.
      if (type === 'basic' || type === 'reversible') return choiceQuestion(item, pool, seed, 2) ?? typedQuestion(item);
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
