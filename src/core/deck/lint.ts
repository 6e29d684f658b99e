/**
 * The deck linter (`amgi validate --strict`): cards that are valid but teach badly. Each
 * warning names the card, where it is (file:line:col) and what to change. Pure: the caller
 * reads the deck files, the alias files and the seed notes.
 */
import { cliText } from '../messages.js';
import { SHORT_WIDTH } from '../quiz/choice.js';
import { answerKey, answerKeyOf, answerKeys, headTerm, type AliasKeys } from '../quiz/typedAnswer.js';
import { hasHangul, toJamo } from '../search/hangul.js';
import { particleSyllables } from '../search/particles.js';
import { displayWidth } from '../text/width.js';
import { GAP } from './cards.js';
import { parseJsonWithLocations, type JsonPath } from './jsonloc.js';
import { isSeedSource, type Card, type ChoiceCard, type ClozeCard, type Deck, type ReversibleCard, type TypedCard } from './types.js';
import type { DeckProblem } from './validate.js';
import type { Location } from '../errors.js';

/** The same limit typed mode uses: a longer answer is not fair to type from memory. */
const MAX_TYPED_COLUMNS = 40;
/** Fronts this similar (bigram overlap of their judge keys) are near-duplicates. */
const NEAR_DUPLICATE = 0.9;
/** A deck whose yes/no cards answer "no" this often teaches the pattern, not the fact. */
const NO_SHARE = 0.8;
const MIN_YES_NO = 4;
/** A section with fewer letters than this (links and blank lines aside) has nothing to cite. */
const MIN_SECTION_LETTERS = 2;

export const LINT_RULES = [
  'equal-options',
  'long-answer',
  'only-parenthetical',
  'question-keyword',
  'cloze-giveaway',
  'reverse-giveaway',
  'duplicate-front',
  'yes-no-skew',
  'typed-too-long',
  'empty-source',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

export interface LintDeck {
  /** As shown in messages. */
  file: string;
  deck: Deck;
  /** The file's text, for line and column; without it warnings name the file only. */
  text?: string;
}

/** Seed note → section heading → the section's text. */
export type SeedSections = Map<string, Map<string, string>>;

export interface LintOptions {
  /** Alias groups: answers that are other names of each other count as equal. */
  aliases?: AliasKeys;
  /** The seed notes, to check that a card's `source` section has content. */
  seeds?: SeedSections;
}

export interface LintWarning extends DeckProblem {
  severity: 'warning';
  rule: LintRule;
  cardId: string;
}

/**
 * Sections of a Markdown note by heading, each with its subsections' text (a heading that only
 * introduces subsections is not empty); a heading used twice gets both texts.
 */
export function seedSections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let open: { title: string; level: number }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const title = heading[2]!.replace(/\*\*/g, '').trim().normalize('NFC');
      open = [...open.filter((h) => h.level < level), { title, level }];
      if (!out.has(title)) out.set(title, '');
    } else for (const h of open) out.set(h.title, `${out.get(h.title)}${line}\n`);
  }
  return out;
}

/** A section says something beyond its links (a list of links has nothing to cite). */
export function sectionHasContent(section: string): boolean {
  return contentLetters(section) >= MIN_SECTION_LETTERS;
}

function contentLetters(section: string): number {
  const prose = section.replace(/\[[^\]]*\]\([^)]*\)/g, '').replace(/https?:\/\/\S+/g, '');
  return (prose.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

/** A Korean word without the particle glued to it (`이미지를` → `이미지`). */
function stem(word: string): string {
  if (!hasHangul(word)) return word;
  const n = particleSyllables(toJamo(word));
  return n && word.length - n >= 2 ? word.slice(0, word.length - n) : word;
}

/** Words of a text for keyword overlap: Latin/digit runs and Hangul stems, lower case. */
function keywords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+|\p{Script=Hangul}+/gu) ?? []).map(stem).filter((w) => (hasHangul(w) ? w.length >= 2 : w.length >= 3));
}

/** `word` is one of `words`, or (Korean) one of them with a particle glued on. */
function hasWord(words: Iterable<string>, word: string): boolean {
  for (const q of words) if (q === word || (hasHangul(word) && q.startsWith(word))) return true;
  return false;
}

/** A word in this many fronts is the subject matter (컨테이너, kubernetes), not a tell. */
const GENERIC_FRONTS = 6;

/** Front keywords → how many cards' fronts have them. */
function frontWordCounts(decks: readonly LintDeck[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of decks) for (const c of d.deck.cards) for (const w of new Set(keywords(c.front))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function isGeneric(word: string, counts: Map<string, number>): boolean {
  if (/^\d/.test(word)) return true; // numbers and sizes (500MB) are the question's data
  let n = 0;
  for (const [w, c] of counts) if (w === word || (hasHangul(word) && w.startsWith(word))) n += c;
  return n >= GENERIC_FRONTS;
}

/** Bigram → how often it occurs in `key` (Dice similarity counts shared bigrams). */
function bigrams(key: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...key];
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i]! + chars[i + 1]!;
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}

const YES = /^(예|네|그렇다|맞다|yes)(?=[\s.,!]|$)/i;
const NO = /^(아니다|아니요|아니오|아니|no)(?=[\s.,!]|$)/i;

/** A yes/no card: a basic card whose back starts with yes or no. */
function yesNo(card: Card): 'yes' | 'no' | undefined {
  if (card.type !== 'basic') return undefined;
  const back = card.back.trim();
  return NO.test(back) ? 'no' : YES.test(back) ? 'yes' : undefined;
}

/** The plain forms a text can be given as: itself and its head term before a gloss. */
function forms(text: string): string[] {
  const head = headTerm(text);
  return head ? [text, head] : [text];
}

type Locate = (card: Card, field: JsonPath) => Location | undefined;

/** Where a card's field is in its file; the file is parsed for positions only when a warning needs one. */
function locator(d: LintDeck): Locate {
  let located: ReturnType<typeof parseJsonWithLocations> | undefined | null;
  return (card, field) => {
    if (d.text === undefined || located === null) return undefined;
    try {
      located ??= parseJsonWithLocations(d.text);
    } catch {
      located = null; // not the linter's problem: validation reports it
      return undefined;
    }
    const cards = (located.value as { cards?: { id?: unknown }[] }).cards;
    const index = Array.isArray(cards) ? cards.findIndex((c) => c?.id === card.id) : -1;
    return index < 0 ? undefined : located.locate(['cards', index, ...field]);
  };
}

/** The lint lines of the active catalogue. */
const L = () => cliText().lint;

type Emit = (rule: LintRule, card: Card, field: JsonPath, message: string, hint: string) => void;

function lintChoice(card: ChoiceCard | TypedCard, keysOf: (t: string) => string[], generic: (w: string) => boolean, emit: Emit): void {
  const distractors = card.distractors ?? [];
  // Every name of the answer: itself, its head term, its aliases, compared as the judge does.
  const names = new Map<string, string>();
  for (const t of [...forms(card.answer), ...(card.aliases ?? [])]) for (const k of keysOf(t)) names.set(k, t);
  const seen = new Map<string, string>();
  distractors.forEach((d, i) => {
    const keys = keysOf(d);
    const same = keys.map((k) => names.get(k) ?? seen.get(k)).find((t) => t !== undefined);
    if (same !== undefined) emit('equal-options', card, ['distractors', i], L().equalOptions.message(d, same), L().equalOptions.hint);
    for (const k of keys) seen.set(k, d);
  });
  if (!distractors.length) return;
  const widest = Math.max(...distractors.map(displayWidth));
  // Short terms are all "short" (as for auto-drawn options): `containerd` beside `runc` is fair.
  if (displayWidth(card.answer) >= 2 * Math.max(widest, SHORT_WIDTH)) {
    emit('long-answer', card, ['answer'], L().longAnswer.message(displayWidth(card.answer), widest), L().longAnswer.hint);
  }
  const paren = /[(（][^()（）]+[)）]/;
  if (paren.test(card.answer) && !distractors.some((d) => paren.test(d))) {
    emit('only-parenthetical', card, ['answer'], L().onlyParenthetical.message(), L().onlyParenthetical.hint);
  }
  const question = keywords(card.front);
  const shared = keywords(card.answer).filter((w) => hasWord(question, w) && !generic(w));
  if (shared.length && !distractors.some((d) => keywords(d).some((w) => hasWord(question, w)))) {
    emit('question-keyword', card, ['answer'], L().questionKeyword.message(shared[0]!), L().questionKeyword.hint);
  }
}

/** Letters and digits only, lower case: where a giveaway is looked for (a URL spells words too). */
const letters = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
/** The words right after a gap that may answer it (`{{CNCF Landscape}}(landscape.cncf.io)`). */
const NEXT_CHARS = 30;

function lintCloze(card: ClozeCard, emit: Emit): void {
  for (const m of card.front.matchAll(GAP)) {
    const gap = m[1]!;
    if (displayWidth(gap) > MAX_TYPED_COLUMNS) emit('typed-too-long', card, ['front'], L().gapTooLong.message(gap, displayWidth(gap), MAX_TYPED_COLUMNS), L().gapTooLong.hint);
    const after = card.front.slice(m.index! + m[0].length);
    const rest = letters(card.front.slice(0, m.index) + ' ' + after.replace(GAP, ' '));
    // Right after the gap even a one-syllable word tells (`{{집 전체}}이고, … 그 집 안의 방`).
    const next = after.replace(GAP, ' ').slice(0, NEXT_CHARS).toLowerCase().match(/[a-z0-9]+|\p{Script=Hangul}+/gu) ?? [];
    // The gap, its head term, or a long English word of it elsewhere; any word of it right after it.
    const tells = [...forms(gap), ...keywords(gap).filter((w) => !hasHangul(w) && w.length >= 5)];
    const hit = tells.find((t) => letters(t).length >= 2 && rest.includes(letters(t))) ?? (gap.toLowerCase().match(/[a-z0-9]+|\p{Script=Hangul}+/gu) ?? []).find((w) => hasWord(next, w));
    if (hit !== undefined) emit('cloze-giveaway', card, ['front'], L().clozeGiveaway.message(gap, hit), L().clozeGiveaway.hint);
  }
}

/** Latin words with their inner hyphens (`CRI-O` is one word, not `CRI`). */
const latinWords = (text: string) => text.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];

/** `term` is in `text`: Korean as letters (a particle may follow), Latin as whole words in a row. */
function mentions(text: string, term: string): boolean {
  if (hasHangul(term)) return letters(term).length >= 2 && letters(text).includes(letters(term));
  const words = latinWords(term);
  const hay = latinWords(text);
  return words.length > 0 && hay.some((_, i) => words.every((w, k) => hay[i + k] === w));
}

function lintReversible(card: ReversibleCard, keyOf: (t: string) => string, emit: Emit): void {
  // As written, and through the alias groups (`OCI` is `Open Container Initiative`).
  const backKey = keyOf(card.back);
  const hit = [card.front, ...(card.aliases ?? [])].find((t) => {
    const key = keyOf(t);
    const viaAlias = key !== answerKey(t) && backKey.includes(key);
    return mentions(card.back, t) || viaAlias;
  });
  if (hit !== undefined) emit('reverse-giveaway', card, ['back'], L().reverseGiveaway.message(hit), L().reverseGiveaway.hint);
}

function lintTyped(card: TypedCard, emit: Emit): void {
  const width = displayWidth(card.answer);
  if (width > MAX_TYPED_COLUMNS) emit('typed-too-long', card, ['answer'], L().typedTooLong.message(width, MAX_TYPED_COLUMNS), L().typedTooLong.hint);
}

/** A card citing a seed section must cite a heading of that note, one with content. */
function lintSource(card: Card, seeds: NonNullable<LintOptions['seeds']>, hasContent: (section: string) => boolean, emit: Emit): void {
  const src = card.source && isSeedSource(card.source) ? card.source : undefined;
  if (!src || !seeds.has(src.seed)) return;
  const section = seeds.get(src.seed)!.get(src.section.normalize('NFC'));
  if (section === undefined) emit('empty-source', card, ['source', 'section'], L().sectionMissing.message(src.section, src.seed), L().sectionMissing.hint);
  else if (!hasContent(section)) emit('empty-source', card, ['source', 'section'], L().sectionEmpty.message(src.section, src.seed), L().sectionEmpty.hint);
}

/** A deck whose yes/no cards mostly answer "no" teaches the pattern, not the facts. */
function lintYesNoSkew(answers: { card: Card; answer: 'yes' | 'no' }[], emit: Emit): void {
  const no = answers.filter((a) => a.answer === 'no');
  if (answers.length < MIN_YES_NO || no.length / answers.length < NO_SHARE) return;
  for (const { card } of no) emit('yes-no-skew', card, ['back'], L().yesNoSkew.message(no.length, answers.length), L().yesNoSkew.hint);
}

/** Lint warnings for the decks, in deck and card order (duplicates and deck-wide rules last). */
export function lintDecks(decks: readonly LintDeck[], opts: LintOptions = {}): LintWarning[] {
  const warnings: LintWarning[] = [];
  const keyOf = (t: string) => answerKey(t, opts.aliases);
  const counts = frontWordCounts(decks);
  // Sections are cited by many cards: each is measured once.
  const measured = new Map<string, boolean>();
  const hasContent = (section: string) => measured.get(section) ?? measured.set(section, sectionHasContent(section)).get(section)!;
  const generic = (w: string) => isGeneric(w, counts);
  for (const d of decks) {
    const locate = locator(d);
    const emit: Emit = (rule, card, field, message, hint) =>
      warnings.push({ file: d.file, severity: 'warning', rule, cardId: card.id, message: L().card(card.id, message, rule), hint, location: locate(card, field) });

    const answers: { card: Card; answer: 'yes' | 'no' }[] = [];
    for (const card of d.deck.cards) {
      if (card.type === 'choice' || card.type === 'typed') lintChoice(card, (t) => answerKeys(t, opts.aliases), generic, emit);
      if (card.type === 'cloze') lintCloze(card, emit);
      if (card.type === 'reversible') lintReversible(card, keyOf, emit);
      if (card.type === 'typed') lintTyped(card, emit);
      const yn = yesNo(card);
      if (yn) answers.push({ card, answer: yn });
      if (opts.seeds) lintSource(card, opts.seeds, hasContent, emit);
    }
    lintYesNoSkew(answers, emit);
  }
  warnings.push(...duplicateFronts(decks, opts.aliases));
  return warnings;
}

/**
 * Fronts that read the same once normalised (across all decks), each pair reported once.
 * Shared bigrams are counted through an inverted index, so only fronts with a bigram in
 * common are ever compared (not every pair of cards).
 */
function duplicateFronts(decks: readonly LintDeck[], aliases: AliasKeys | undefined): LintWarning[] {
  const fronts = decks.flatMap((d) => {
    const locate = locator(d);
    return d.deck.cards.map((card) => {
      const key = answerKeyOf(card.front.replace(GAP, '$1'), aliases).full;
      return { d, locate, card, key, grams: bigrams(key), size: Math.max(0, [...key].length - 1) };
    });
  });
  const postings = new Map<string, { front: number; n: number }[]>();
  const out: LintWarning[] = [];
  fronts.forEach((b, j) => {
    const common = new Map<number, number>();
    for (const [g, n] of b.grams) {
      const list = postings.get(g) ?? [];
      for (const p of list) common.set(p.front, (common.get(p.front) ?? 0) + Math.min(n, p.n));
      list.push({ front: j, n });
      postings.set(g, list);
    }
    for (const [i, shared] of common) {
      const a = fronts[i]!;
      const same = a.key === b.key;
      if (!same && (2 * shared) / (a.size + b.size) < NEAR_DUPLICATE) continue;
      out.push({
        file: b.d.file,
        severity: 'warning',
        rule: 'duplicate-front',
        cardId: b.card.id,
        message: L().card(b.card.id, L().duplicateFront.message(same, a.card.id, a.d.deck.id), 'duplicate-front'),
        hint: L().duplicateFront.hint,
        location: b.locate(b.card, ['front']),
      });
    }
  });
  return out;
}
