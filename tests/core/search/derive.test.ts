/** The per-deck derived data (flat postings and word pairs) against a plain recomputation from the tokenizer. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Card, Deck } from '../../../src/core/deck/types.js';
import { FIELD, FIELD_SLOTS, cardFieldTexts, deriveDeck } from '../../../src/core/search/derive.js';
import { toChoseong, toJamo } from '../../../src/core/search/hangul.js';
import { compounds, tokenize } from '../../../src/core/search/tokenize.js';
import { FIXTURE } from './fixture.js';

/** word jamo → sorted postings, and "first+second" jamo → sorted postings, the slow way. */
function expected(deck: Deck) {
  const words = new Map<string, Set<number>>();
  const pairs = new Map<string, Set<number>>();
  const cho = new Map<string, string>();
  const add = (m: Map<string, Set<number>>, k: string, p: number) => m.set(k, (m.get(k) ?? new Set()).add(p));
  deck.cards.forEach((card, i) => {
    cardFieldTexts(card).forEach((text, field) => {
      const tokens = tokenize(text);
      for (const t of tokens) {
        add(words, toJamo(t.key), i * FIELD_SLOTS + field);
        cho.set(toJamo(t.key), toChoseong(t.key));
      }
      if (field !== FIELD.back) for (const c of compounds(tokens)) add(pairs, toJamo(c.key), i * FIELD_SLOTS + field);
    });
  });
  return { words, pairs, cho };
}

function actual(deck: Deck) {
  const d = deriveDeck(deck);
  const list = (k: number) => [...d.postings.subarray(d.postStart[k]!, d.postStart[k + 1]!)];
  const words = new Map<string, number[]>();
  const cho = new Map<string, string>();
  d.jamo.forEach((j, k) => {
    words.set(j, list(k));
    cho.set(j, d.cho[k]!);
  });
  const pairs = new Map<string, Set<number>>();
  for (let e = 0; e < d.pairs.length / 2; e++) {
    const key = d.jamo[d.pairs[2 * e]!]! + d.jamo[d.pairs[2 * e + 1]!]!;
    const set = pairs.get(key) ?? new Set<number>();
    for (const p of list(d.jamo.length + e)) set.add(p);
    pairs.set(key, set);
  }
  for (const postings of [...words.values()]) expect(postings).toEqual([...new Set(postings)].sort((a, b) => a - b));
  return { words, pairs, cho };
}

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

function check(deck: Deck) {
  const want = expected(deck);
  const got = actual(deck);
  expect(new Set(got.words.keys())).toEqual(new Set(want.words.keys()));
  for (const [k, v] of want.words) expect(got.words.get(k), k).toEqual(sorted(v));
  expect(got.cho).toEqual(want.cho);
  expect(new Set(got.pairs.keys())).toEqual(new Set(want.pairs.keys()));
  for (const [k, v] of want.pairs) expect(sorted(got.pairs.get(k)!), k).toEqual(sorted(v));
}

describe('deriveDeck', () => {
  test('the fixture deck', () => check(FIXTURE));

  test('random decks: every word and pair of every field, and nothing else', () => {
    const word = fc.constantFrom('도커', '컨테이너', '런타임은', 'Docker', 'runc', 'CRI-O', 'a', '레이어란', '멀티', '스테이지', 'ㄹㅇ', '1.24', '🐳');
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '-', '  ', ', ', '/', '')), { maxLength: 8 }).map((ws) => ws.map(([w, sep]) => w + sep).join(''));
    const card = fc.record({ front: text, back: text, tags: fc.array(fc.constantFrom('layer', 'docker-hub', 'image'), { maxLength: 2 }), aliases: fc.array(text, { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(card, { minLength: 1, maxLength: 6 }), (cards) => {
        const deck: Deck = { ...FIXTURE, cards: cards.map((c, i): Card => ({ id: `c${i}`, type: 'basic', ...c })) };
        check(deck);
      }),
      { numRuns: 150 },
    );
  });
});
