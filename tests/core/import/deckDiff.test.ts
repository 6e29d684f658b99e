import { describe, expect, test } from 'vitest';
import type { Card, Deck } from '../../../src/core/deck/types.js';
import { diffDecks, findRenames, keepOldIds } from '../../../src/core/import/deckDiff.js';

const basic = (id: string, front: string, back: string): Card => ({ id, type: 'basic', front, back });
const deckOf = (cards: Card[]) => ({ id: 'd', title: 'd', description: 'd', language: 'ko', cards }) as Deck;

describe('findRenames', () => {
  test("an added card with a removed card's answer is offered; shared answers and clozes are not", () => {
    const before = deckOf([basic('a', 'old q', 'same answer'), basic('b', 'x', 'twice'), basic('c', 'y', 'twice'), { id: 'z', type: 'cloze', front: '{{gap}} one' }]);
    const after = deckOf([basic('a2', 'new q', 'Same  answer'), basic('b2', 'x2', 'twice'), { id: 'z2', type: 'cloze', front: '{{gap}} two' }]);
    const renames = findRenames(diffDecks(before, after));
    expect(renames.map((r) => [r.from.id, r.to.id, r.kept])).toEqual([['a', 'a2', false]]);
    const kept = keepOldIds(after, renames);
    expect(kept.cards.map((c) => c.id)).toEqual(['a', 'b2', 'z2']);
    expect(kept.cards[0]!.front).toBe('new q');
  });

  test('a card under its old id with the same question is a rename kept before', () => {
    const installed = deckOf([basic('a', 'new q', 'answer')]);
    const imported = deckOf([basic('a2', 'new q', 'answer')]);
    expect(findRenames(diffDecks(installed, imported)).map((r) => [r.from.id, r.to.id, r.kept])).toEqual([['a', 'a2', true]]);
  });

  test('nothing removed: nothing offered', () => {
    expect(findRenames(diffDecks(undefined, deckOf([basic('a', 'q', 'x')])))).toEqual([]);
  });
});
