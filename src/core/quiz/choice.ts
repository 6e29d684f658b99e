/**
 * Multiple choice: the right answer plus up to three distractors drawn from the
 * confusable cards (same topic, then a shared tag in the deck, then in another deck, then
 * the same deck), never random ones from elsewhere, never the answer of a card asking the
 * same question, and only of the answer's shape (a command for a command, a flag for a
 * flag, a term for a term, a sentence for a sentence, within 2× its width): an option of
 * another shape gives the answer away. The card's own hand-written distractors come first
 * (a choice card's, or a typed card's for when it is asked as multiple choice).
 */
import { answerText, frontText, promptText } from '../deck/cards.js';
import type { Direction, StudyItem } from '../deck/items.js';
import type { Card } from '../deck/types.js';
import { displayWidth } from '../text/width.js';
import { answerKeys, hasHangul, headTerm, isTechnical, type AliasKeys } from './typedAnswer.js';
import { hashSeed, mulberry32, shuffle } from './random.js';

const DISTRACTOR_COUNT = 3;
/** Basic cards whose answer is wider than this are not used as options. */
const MAX_OPTION_WIDTH = 60;

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim())?.trim() ?? '';
}

/**
 * The text a card contributes as an option, or undefined when it has none that fits:
 * choice/typed → the answer; basic/reversible → the back (the front when asked in
 * reverse). Cloze, order and interview answers are not short options.
 */
export function optionText(card: Card, direction: Direction = 'forward'): string | undefined {
  switch (card.type) {
    case 'choice':
    case 'typed':
      return direction === 'forward' ? card.answer : undefined;
    case 'basic':
    case 'reversible': {
      // A paragraph is not an option: pick-the-paragraph tests reading, not recall.
      const text = firstLine(direction === 'reverse' ? frontText(card) : answerText(card));
      return text && displayWidth(text) <= MAX_OPTION_WIDTH ? text : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * What kind of thing an answer is: options of another kind are a giveaway. A command line
 * (or code in backticks), a flag, a path, another technical token (`service_healthy`,
 * `docker.io`), a plain Latin name (`runc`), a short term (`이름 있는 볼륨`), a sentence.
 * A sentence is a sentence even with a flag in it (`-p 옵션이 무시된다` is not a command).
 */
export type AnswerShape = 'symbol' | 'command' | 'flag' | 'path' | 'token' | 'name' | 'term' | 'sentence';

/** A command line: a container tool (maybe after sudo) and at least one more word. */
const COMMAND_LINE = /^(sudo\s+)?(docker(-compose)?|podman|nerdctl|ctr|kubectl|buildah|runc|trivy|cosign|skopeo|crane|syft|grype)\s+\S/i;
const PATH = /^(~|\.{1,2})?\//;
/** Ends as a sentence does (`…된다`, `…해요`, `… it.`), or has a clause break in it. */
const SENTENCE_END = /(다|요|[a-z]\.)$|[,;]\s/u;
/** More words than this is a sentence, not a term. */
const MAX_TERM_WORDS = 5;

export function answerShape(text: string): AnswerShape {
  const t = text.trim();
  if (!/[\p{L}\p{N}]/u.test(t)) return 'symbol';
  const words = t.split(/\s+/);
  if (COMMAND_LINE.test(t) || /^`[^`]+`$/.test(t)) return 'command';
  const plainWords = words.filter((w) => !isTechnical(w));
  if (plainWords.length > 1 && (SENTENCE_END.test(t) || words.length > MAX_TERM_WORDS)) return 'sentence';
  if (t.startsWith('-')) return 'flag';
  if (PATH.test(t)) return 'path';
  if (words.some(isTechnical)) return 'token';
  return !hasHangul(t) && words.length <= 3 ? 'name' : 'term';
}

/** Widths within this factor of each other count as a similar length. */
const MAX_WIDTH_RATIO = 2;
/** Below this width every short term is "short": `runc` and `containerd` are alike. */
export const SHORT_WIDTH = 6;

/** A candidate of the answer's shape and a similar length (within 2×). */
export function sameShape(answer: string, candidate: string, shape = answerShape(answer)): boolean {
  if (shape !== answerShape(candidate)) return false;
  const a = displayWidth(answer);
  const c = displayWidth(candidate);
  return Math.max(a, c) <= MAX_WIDTH_RATIO * Math.max(SHORT_WIDTH, Math.min(a, c));
}

/** How far a candidate is from the answer's length and script (the nearest first). */
function shapePenalty(answer: string, candidate: string): number {
  const ratio = Math.log((displayWidth(candidate) + 1) / (displayWidth(answer) + 1));
  const lengthBucket = Math.round(Math.abs(ratio) * 2);
  return lengthBucket + (hasHangul(answer) === hasHangul(candidate) ? 0 : 2);
}

/**
 * The aliases written for the side of the card that is the answer: a reversible card's
 * aliases name its front, so they are answers only when it is asked back to front.
 */
export function answerAliases(card: Card, direction: Direction): readonly string[] {
  // A reversible card pairs a term with its definition; aliases are other names of the
  // term, the shorter side (usually the front).
  const forFront = card.type === 'reversible' && displayWidth(card.front) <= displayWidth(card.back);
  return (direction === 'reverse') === forFront ? (card.aliases ?? []) : [];
}

/** Every form that names the same thing as `text`: itself, its head term, its aliases. */
function namesOf(text: string, aliases: readonly string[]): string[] {
  const head = headTerm(text);
  return [text, ...(head ? [head] : []), ...aliases];
}

/**
 * 0: same topic, 1: a shared tag in the same deck, 2: a shared tag in another deck, 3: same
 * deck; undefined: not confusable enough. A tag as broad as `cli` spans decks: the card's
 * own deck is the nearer neighbourhood.
 */
function tier(item: StudyItem, other: StudyItem): number | undefined {
  const a = item.card;
  const b = other.card;
  if (a.topic && a.topic === b.topic) return 0;
  const sameDeck = item.deckId === other.deckId;
  if (a.tags?.some((t) => b.tags?.includes(t))) return sameDeck ? 1 : 2;
  return sameDeck ? 3 : undefined;
}

/** The question as asked, compared loosely: a card asking the same question has an answer that is right here too. */
function questionKey(item: StudyItem): string {
  return promptText(item.card, item.direction).normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Up to `count` distractors for the item: its own first, then candidates from the pool
 * by tier, then by shape, ties broken by the seeded random order. Never the answer or
 * an alias of it, nor the answer of a card asking the same question; never two equal
 * options (compared as typed answers are).
 */
export function chooseDistractors(item: StudyItem, pool: readonly StudyItem[], seed: number, count = DISTRACTOR_COUNT, aliases?: AliasKeys): string[] {
  const answer = optionText(item.card, item.direction);
  if (answer === undefined) return [];
  // Keys as the judge compares them, with the alias groups: `네임스페이스` is `namespace`.
  const keysOf = (text: string) => answerKeys(text, aliases);
  const taken = new Set(namesOf(answer, answerAliases(item.card, item.direction)).flatMap(keysOf));
  const out: string[] = [];
  const take = (text: string, names: readonly string[] = [text]): void => {
    const keys = names.flatMap(keysOf);
    if (out.length >= count || !keys[0] || keys.some((k) => taken.has(k))) return;
    for (const k of keys) taken.add(k);
    out.push(text);
  };
  const card = item.card;
  if (card.type === 'choice' || card.type === 'typed') for (const d of card.distractors ?? []) take(d, namesOf(d, []));
  if (out.length >= count) return out;

  // Bucket by tier first (cheap); shape and order are computed only for the tiers needed,
  // so a 10k-card deck does not sort every card for every question.
  const tiers: StudyItem[][] = [[], [], [], []];
  const seen = new Set<string>();
  const question = questionKey(item);
  for (const other of pool) {
    if (other.cardId === item.cardId || other.direction !== item.direction || seen.has(other.key)) continue;
    seen.add(other.key);
    const t = tier(item, other);
    if (t !== undefined) tiers[t]!.push(other);
  }
  const rng = mulberry32(hashSeed(seed, item.key, 'distractors'));
  const shape = answerShape(answer);
  for (const bucket of tiers) {
    if (out.length >= count) break;
    const candidates = bucket.flatMap((other) => {
      const text = optionText(other.card, other.direction);
      if (text === undefined || !sameShape(answer, text, shape) || questionKey(other) === question) return [];
      return [{ text, names: namesOf(text, answerAliases(other.card, other.direction)), shape: shapePenalty(answer, text), order: rng() }];
    });
    candidates.sort((x, y) => x.shape - y.shape || x.order - y.order);
    for (const c of candidates) take(c.text, c.names);
  }
  return out;
}

export interface ChoiceOptions {
  options: string[];
  /** Index of the right answer in `options`. */
  correct: number;
}

/** The answer and distractors in a seeded random order (a new seed, a new order). */
export function arrangeOptions(answer: string, distractors: readonly string[], seed: number): ChoiceOptions {
  const order = shuffle([answer, ...distractors], mulberry32(hashSeed(seed, 'options')));
  return { options: order, correct: order.indexOf(answer) };
}
