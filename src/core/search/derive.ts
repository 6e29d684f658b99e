/**
 * What the index derives from one deck: its words (as typed, as jamo, as initial consonants) and
 * which card fields hold each word. Depends only on the deck's content, so it is cached by the
 * deck's content hash and a second start skips it.
 */
import { answerText, frontText } from '../deck/cards.js';
import type { Card, Deck } from '../deck/types.js';
import { toChoseong, toJamo } from './hangul.js';
import { compounds, tokenize } from './tokenize.js';

/** Bump when the derived shape or the tokenizer changes: old cache entries are then ignored. */
export const DERIVED_VERSION = 1;

export const FIELD = { front: 0, aliases: 1, tags: 2, back: 3 } as const;
export type FieldId = (typeof FIELD)[keyof typeof FIELD];
export const FIELD_SLOTS = 4;

export interface DeckDerived {
  version: number;
  /** Card count and ids: the cached postings are only valid for the same card list. */
  fingerprint: string;
  /** Distinct lower-case words; compounds (two words written apart) are listed after `baseCount`. */
  words: string[];
  baseCount: number;
  jamo: string[];
  cho: string[];
  /** Per word: `cardIndex * FIELD_SLOTS + field`, ascending, no repeats. */
  postings: number[][];
}

/** Persists derived data between runs (the store writes it under $AMGI_HOME/cache). */
export interface DerivedCache {
  get(key: string): DeckDerived | undefined;
  set(key: string, value: DeckDerived): void;
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

export function deriveDeck(deck: Deck): DeckDerived {
  const ids = new Map<string, number>();
  const postings: number[][] = [];
  const compoundPosts = new Map<string, number[]>();
  const add = (map: Map<string, number>, key: string, posting: number) => {
    let id = map.get(key);
    if (id === undefined) {
      id = postings.length;
      map.set(key, id);
      postings.push([]);
    }
    const list = postings[id]!;
    if (list[list.length - 1] !== posting) list.push(posting);
  };
  deck.cards.forEach((card, i) => {
    cardFieldTexts(card).forEach((text, field) => {
      if (!text) return;
      const posting = i * FIELD_SLOTS + field;
      const tokens = tokenize(text);
      for (const t of tokens) add(ids, t.key, posting);
      // Compounds only for the short fields: a long answer would add a word per word pair.
      if (field !== FIELD.back) {
        for (const c of compounds(tokens)) {
          const list = compoundPosts.get(c.key) ?? [];
          if (list[list.length - 1] !== posting) list.push(posting);
          compoundPosts.set(c.key, list);
        }
      }
    });
  });
  const words = [...ids.keys()];
  const baseCount = words.length;
  for (const [key, list] of compoundPosts) {
    // A compound that is also a word somewhere else stays a plain word, with both sets of places.
    const id = ids.get(key);
    if (id !== undefined) {
      postings[id] = [...new Set([...postings[id]!, ...list])].sort((a, b) => a - b);
      continue;
    }
    words.push(key);
    postings.push(list);
  }
  return {
    version: DERIVED_VERSION,
    fingerprint: deckFingerprint(deck),
    words,
    baseCount,
    jamo: words.map(toJamo),
    cho: words.map(toChoseong),
    postings,
  };
}
