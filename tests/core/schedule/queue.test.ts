process.env.TZ = 'UTC';
import { describe, expect, test } from 'vitest';
import { ReviewQueue } from '../../../src/core/schedule/queue.js';
import { DEFAULT_SETTINGS } from '../../../src/core/schedule/types.js';
import { ans, ctxOf, DAY, drain, flag, itemsOf, ledgerWith, MIN, testDeck } from './helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');

function queue(ledger: ReturnType<typeof ledgerWith>, items: ReturnType<typeof itemsOf>, now: number, patch = {}) {
  const settings = { ...DEFAULT_SETTINGS, ...patch };
  return new ReviewQueue({ ledger, items, settings, scheduler: ctxOf(patch).scheduler, now });
}


describe('review queue', () => {
  test('order: learning due, then reviews by lowest retrievability mixed with new cards in deck order', () => {
    const items = itemsOf(testDeck('a', 8));
    const entries = [
      // a-0, a-1, a-2 become review cards with different stabilities; a-3 stays in learning.
      ans('a-0', T0 - 20 * DAY, 4),
      ans('a-1', T0 - 20 * DAY, 3),
      ans('a-1', T0 - 20 * DAY + 10 * MIN, 3),
      ans('a-2', T0 - 30 * DAY, 4),
      ans('a-3', T0 - 5 * MIN, 1),
    ];
    const l = ledgerWith(entries);
    const now = T0;
    expect(drain(queue(l, items, now), now)).toEqual(['learning:a-3']); // offered until answered
    const got = drain(queue(l, items.filter((i) => i.key !== 'a-3'), now), now);
    const reviews = got.filter((g) => g.startsWith('review'));
    expect(reviews.length).toBe(3);
    const sched = ctxOf().scheduler;
    const rs = reviews.map((r) => sched.retrievability(l.items.get(r.slice(7))!, now));
    expect([...rs].sort((a, b) => a - b)).toEqual(rs);
    expect(got.filter((g) => g.startsWith('new'))).toEqual(['new:a-4', 'new:a-5', 'new:a-6', 'new:a-7']);
    // Mixed in proportion, starting with a review: 3 reviews among 4 new cards.
    expect(got.map((g) => g.split(':')[0])).toEqual(['review', 'new', 'new', 'review', 'new', 'review', 'new']);
  });

  test('per-deck daily new and review limits count what was done today', () => {
    const items = itemsOf(testDeck('a', 10), testDeck('b', 10));
    const q = queue(ledgerWith([]), items, T0, { newPerDay: 3 });
    expect(drain(q, T0)).toEqual(['new:a-0', 'new:a-1', 'new:a-2', 'new:b-0', 'new:b-1', 'new:b-2']);
    // Two of deck a introduced earlier today: one left for a.
    const l = ledgerWith([ans('a-0', T0 - 60 * MIN, 4), ans('a-1', T0 - 50 * MIN, 4)]);
    expect(drain(queue(l, items, T0, { newPerDay: 3 }), T0).filter((k) => k.includes(':a-'))).toEqual(['new:a-2']);
    // Reviews: limit 1 per deck.
    const l2 = ledgerWith([ans('a-0', T0 - 40 * DAY, 4), ans('a-1', T0 - 40 * DAY, 4)]);
    expect(drain(queue(l2, items, T0, { newPerDay: 0, reviewsPerDay: 1 }), T0)).toHaveLength(1);
  });

  test('siblings: the two directions of a reversible card never on the same study day', () => {
    const items = itemsOf(testDeck('a', 2, 2));
    expect(items.map((i) => i.key)).toEqual(['a-0', 'a-0~rev', 'a-1', 'a-1~rev']);
    expect(drain(queue(ledgerWith([]), items, T0), T0)).toEqual(['new:a-0', 'new:a-1']);
    // Answered a-0 today: its reverse waits for tomorrow even though it is new.
    const l = ledgerWith([ans('a-0', T0 - MIN, 4)]);
    const got = drain(queue(l, items, T0), T0);
    expect(got).not.toContain('new:a-0~rev');
    const tomorrow = T0 + DAY;
    expect(drain(queue(l, items, tomorrow), tomorrow)).toContain('new:a-0~rev');
  });

  test('suspended and buried cards are left out; burial ends with the study day', () => {
    const items = itemsOf(testDeck('a', 3));
    const l = ledgerWith([flag('a-0', T0 - MIN, 'suspend'), flag('a-1', T0 - MIN, 'bury')]);
    expect(drain(queue(l, items, T0), T0)).toEqual(['new:a-2']);
    // Next study day starts at 04:00: at 03:00 a-1 is still buried, at 04:00 it is back.
    const at3 = Date.parse('2026-03-03T03:00:00Z');
    const at4 = Date.parse('2026-03-03T04:00:00Z');
    expect(drain(queue(l, items, at3), at3)).not.toContain('new:a-1');
    expect(drain(queue(l, items, at4), at4)).toContain('new:a-1');
  });

  test('learning cards due within 20 minutes are shown early only when nothing else is left', () => {
    const items = itemsOf(testDeck('a', 2));
    const l = ledgerWith([ans('a-0', T0, 3)]); // Good on a new card: due in 10 min
    const q = queue(l, items, T0);
    expect(q.next(T0)?.item.key).toBe('a-1');
    expect(q.next(T0)?.item.key).toBe('a-0'); // nothing else left: learn ahead (due in 10 min)
    // Seen from 25 minutes before it is due, the same card is not pulled forward.
    const due = l.items.get('a-0')!.due;
    const q2 = queue(l, [items[0]!], due - 25 * MIN);
    expect(q2.next(due - 25 * MIN)).toBeUndefined();
    expect(q2.next(due - 19 * MIN)?.item.key).toBe('a-0');
  });

  test('reviews due later today are included; tomorrow\'s are not', () => {
    const items = itemsOf(testDeck('a', 1));
    const l = ledgerWith([ans('a-0', T0 - 8 * DAY, 4)]);
    const due = l.items.get('a-0')!.due;
    const before = due - 12 * 3_600_000;
    // T0 at 10:00; day ends at 04:00 next morning.
    const q = queue(l, items, before);
    const dayEnd = Date.parse(new Date(before).toISOString().slice(0, 10) + 'T04:00:00Z') + DAY;
    expect(q.next(before)?.item.key === 'a-0').toBe(due < dayEnd);
  });
});
