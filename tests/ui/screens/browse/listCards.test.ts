/** The browser's list without a text filter is filtered from all rows sorted once: the same list as sorting what the filters keep. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listCards, sortedCards } from '../../../../src/ui/screens/browse/BrowseScreen.js';
import { initialBrowse } from '../../../../src/ui/screens/browse/browseState.js';
import { BROWSE_FILTERS, BROWSE_SORTS, filterCards, sortCards, type CardInfo } from '../../../../src/core/schedule/browse.js';

const info: fc.Arbitrary<Omit<CardInfo, 'order' | 'key' | 'cardId'>> = fc.record({
  deckId: fc.constantFrom('a', 'b'),
  tags: fc.subarray(['x', 'y']),
  kind: fc.constantFrom('new' as const, 'learning' as const, 'review' as const),
  // Few distinct values: many ties, which deck order must break the same way.
  due: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  interval: fc.constant(0),
  stability: fc.constant(0),
  difficulty: fc.constant(0),
  retrievability: fc.constantFrom(0, 0.5, 0.9),
  reps: fc.constant(1),
  lapses: fc.integer({ min: 0, max: 2 }),
  suspended: fc.boolean(),
  buried: fc.boolean(),
  leech: fc.boolean(),
  dueToday: fc.boolean(),
});

describe('listCards with the rows sorted once', () => {
  it('lists what sorting the filtered rows lists, for every deck, tag, Show and sort', () => {
    const opts = { decks: [undefined, 'a', 'b'], tags: [undefined, 'x', 'y'] };
    fc.assert(
      fc.property(fc.array(info, { maxLength: 40 }), fc.nat(2), fc.nat(2), fc.nat(BROWSE_FILTERS.length - 1), fc.nat(BROWSE_SORTS.length - 1), (raw, deck, tag, filter, sort) => {
        const rows: CardInfo[] = raw.map((r, i) => ({ ...r, order: i, key: `k${i}`, cardId: `c${i}` }));
        const state = { ...initialBrowse(), deck, tag, filter, sort };
        const expected = sortCards(filterCards(rows, { deckId: opts.decks[deck], tag: opts.tags[tag], filter: BROWSE_FILTERS[filter] }), BROWSE_SORTS[sort]!);
        expect(listCards(rows, state, opts, undefined, sortedCards(rows, BROWSE_SORTS[sort]!))).toEqual(expected);
        expect(listCards(rows, state, opts)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
