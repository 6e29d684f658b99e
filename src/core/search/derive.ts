/**
 * What the index derives from one deck: its distinct words (as jamo and as initial consonants), the
 * word pairs written apart (`멀티 스테이지`, typed `멀티스테이지`) and which card fields hold each.
 * Depends only on the deck's content, so it is cached by the deck's content hash and a second start
 * skips it. Flat typed arrays, not an array per word: the build allocates little and the heap the
 * garbage collector walks stays small at 100k cards.
 */
import { answerText, frontText } from '../deck/cards.js';
import type { Card, Deck } from '../deck/types.js';
import { toChoseong, toJamo } from './hangul.js';
import { forEachWord, isCompound } from './tokenize.js';

/** Bump when the derived shape or the tokenizer changes: old cache entries are then ignored. */
export const DERIVED_VERSION = 2;

export const FIELD = { front: 0, aliases: 1, tags: 2, back: 3 } as const;
export const FIELD_SLOTS = 4;

export interface DeckDerived {
  version: number;
  /** Card count and ids: the cached postings are only valid for the same card list. */
  fingerprint: string;
  /** Distinct lower-case words as jamo (컨테이너 → ㅋㅓㄴㅌㅔㅇㅣㄴㅓ), and as initial consonants. */
  jamo: string[];
  cho: string[];
  /** Word pairs written apart in a short field: word indexes [first, second, first, second, …]. */
  pairs: Int32Array;
  /**
   * Postings of every word, then of every pair: entry k holds `cardIndex * FIELD_SLOTS + field`,
   * ascending and without repeats, at postings[postStart[k] … postStart[k + 1]).
   */
  postStart: Int32Array;
  postings: Int32Array;
}

/**
 * Persists derived data between runs (the store writes it under $AMGI_HOME/cache): one entry per
 * deck id, for one content hash; a new hash replaces the deck's older entry.
 */
export interface DerivedCache {
  get(deck: string, hash: string): DeckDerived | undefined;
  set(deck: string, hash: string, value: DeckDerived): void;
}

export function cardFieldTexts(card: Card): [string, string, string, string] {
  return [frontText(card), (card.aliases ?? []).join('\n'), (card.tags ?? []).join(' '), answerText(card)];
}

/** FNV-1a over the card ids: cheap, and enough to notice a different card list. */
export function deckFingerprint(deck: Deck): string {
  let h = 0x811c9dc5;
  for (const card of deck.cards) {
    for (let i = 0; i < card.id.length; i++) h = Math.imul(h ^ card.id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return `${deck.cards.length}:${(h >>> 0).toString(16)}`;
}

/** (entry, posting) pairs in the order seen, without a posting repeated for the same entry. */
class PostingLog {
  entries: number[] = [];
  posts: number[] = [];
  private last: number[] = [];

  add(entry: number, posting: number): void {
    if (this.last[entry] === posting) return;
    this.last[entry] = posting;
    this.entries.push(entry);
    this.posts.push(posting);
  }

  /** Counting sort by entry into `out` from `at`, filling `starts` from `startAt`; postings stay in the order seen. */
  fill(count: number, starts: Int32Array, startAt: number, out: Int32Array, at: number): void {
    const sizes = new Int32Array(count);
    for (const e of this.entries) sizes[e]!++;
    const cursor = new Int32Array(count);
    let pos = at;
    for (let e = 0; e < count; e++) {
      starts[startAt + e] = pos;
      cursor[e] = pos;
      pos += sizes[e]!;
    }
    const { entries, posts } = this;
    for (let i = 0; i < entries.length; i++) out[cursor[entries[i]!]!++] = posts[i]!;
  }
}

export function deriveDeck(deck: Deck): DeckDerived {
  const ids = new Map<string, number>();
  const jamo: string[] = [];
  const cho: string[] = [];
  const pairIds = new Map<number | string, number>();
  const pairs: number[] = [];
  const wordLog = new PostingLog();
  const pairLog = new PostingLog();
  let posting = 0;
  let field = 0;
  let prev = -1;
  let prevLength = 0;
  const onWord = (key: string, _start: number, _end: number, joined: boolean, hangul: boolean) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = jamo.length;
      ids.set(key, id);
      // A word without Hangul is its own jamo and initials: no new strings.
      jamo.push(hangul ? toJamo(key) : key);
      cho.push(hangul ? toChoseong(key) : key);
    }
    wordLog.add(id, posting);
    // Pairs only in the short fields: a long answer would add a word per word pair.
    if (field !== FIELD.back && prev >= 0 && isCompound(prevLength, key.length, joined)) {
      // Small integer keys hash fastest; a deck of over 32k distinct words falls back to strings.
      const pairKey: number | string = id < 0x8000 && prev < 0x8000 ? prev * 0x8000 + id : `${prev}:${id}`;
      let p = pairIds.get(pairKey);
      if (p === undefined) {
        p = pairs.length / 2;
        pairIds.set(pairKey, p);
        pairs.push(prev, id);
      }
      pairLog.add(p, posting);
    }
    prev = id;
    prevLength = key.length;
  };
  deck.cards.forEach((card, i) => {
    const texts = cardFieldTexts(card);
    for (field = 0; field < FIELD_SLOTS; field++) {
      const text = texts[field]!;
      if (!text) continue;
      posting = i * FIELD_SLOTS + field;
      prev = -1;
      forEachWord(text, onWord);
    }
  });
  const words = jamo.length;
  const pairCount = pairs.length / 2;
  const postStart = new Int32Array(words + pairCount + 1);
  const postings = new Int32Array(wordLog.posts.length + pairLog.posts.length);
  wordLog.fill(words, postStart, 0, postings, 0);
  pairLog.fill(pairCount, postStart, words, postings, wordLog.posts.length);
  postStart[words + pairCount] = postings.length;
  return { version: DERIVED_VERSION, fingerprint: deckFingerprint(deck), jamo, cho, pairs: Int32Array.from(pairs), postStart, postings };
}
