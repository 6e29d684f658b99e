import { describe, expect, test } from 'vitest';
import type { Deck } from '../../../src/core/deck/types.js';
import { completeFilter, filterChoices, pendingFilter } from '../../../src/core/search/facets.js';
import { FIXTURE, loaded } from './fixture.js';

const deck: Deck = {
  ...FIXTURE,
  id: 'runtimes',
  title: '런타임',
  cards: [
    { id: 'a', type: 'basic', front: 'a', back: '-', tags: ['image', 'Run'] },
    { id: 'b', type: 'basic', front: 'b', back: '-', tags: ['run'] },
    { id: 'c', type: 'basic', front: 'c', back: '-' },
  ],
};

describe('filter choices', () => {
  test('# lists the tags that exist with their card counts, most used first, case folded', () => {
    expect(filterChoices([loaded(deck)], '#')).toEqual([
      { value: '#run', count: 2 },
      { value: '#image', count: 1 },
    ]);
  });

  test('deck: lists the deck ids with titles and sizes', () => {
    expect(filterChoices([loaded(deck)], 'deck:')).toEqual([{ value: 'deck:runtimes', count: 3, title: '런타임' }]);
  });

  test('a filter is pending only when # or deck: stands alone at the end', () => {
    expect(pendingFilter('#')).toBe('#');
    expect(pendingFilter('레이어 DECK:')).toBe('deck:');
    expect(pendingFilter('#image')).toBeUndefined();
    expect(pendingFilter('a#')).toBeUndefined();
    expect(pendingFilter('# ')).toBeUndefined();
  });

  test('choosing fills the query in place of the pending filter', () => {
    expect(completeFilter('레이어 #', { value: '#image', count: 1 })).toBe('레이어 #image ');
    expect(completeFilter('deck:', { value: 'deck:runtimes', count: 3 })).toBe('deck:runtimes ');
  });
});
