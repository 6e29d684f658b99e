process.env.TZ = 'UTC';
/** Issue 14: a day of review that fits a day — total limits, curriculum order, topic spacing, backlog. */
import { describe, expect, test } from 'vitest';
import type { Card, Deck } from '../../../src/core/deck/types.js';
import { deckRanks } from '../../../src/core/schedule/order.js';
import { ReviewQueue } from '../../../src/core/schedule/queue.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/schedule/types.js';
import { ans, ctxOf, DAY, drain, itemsOf, ledgerWith, testDeck } from './helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');

function queue(ledger: ReturnType<typeof ledgerWith>, items: ReturnType<typeof itemsOf>, now: number, patch: Partial<Settings> = {}, extra: { all?: boolean; deckRank?: Map<string, number> } = {}) {
  const settings = { ...DEFAULT_SETTINGS, ...patch };
  return new ReviewQueue({ ledger, items, settings, scheduler: ctxOf(patch).scheduler, now, ...extra });
}


function deckOf(id: string, cards: Card[]): Deck {
  return { id, title: id, description: '', language: 'ko', cards };
}

describe('collection-wide daily limits', () => {
  test('all decks: the total caps new cards and reviews across decks; one deck: only its own limits', () => {
    const items = itemsOf(testDeck('a', 30), testDeck('b', 30), testDeck('c', 30));
    const all = drain(queue(ledgerWith([]), items, T0, { newPerDayAll: 20 }, { all: true }), T0);
    expect(all).toHaveLength(20);
    // Without the total (per deck 20 each): 60, the day-one wall of the walkthrough (B6).
    expect(drain(queue(ledgerWith([]), items, T0, { newPerDayAll: 20 }), T0)).toHaveLength(60);
    // One deck reviewed on its own: its per-deck limit, not the total.
    expect(drain(queue(ledgerWith([]), itemsOf(testDeck('a', 30)), T0, { newPerDay: 25, newPerDayAll: 20 }), T0)).toHaveLength(25);
    // A deck's own limit still caps it inside the total.
    const capped = drain(queue(ledgerWith([]), items, T0, { newPerDay: 5, newPerDayAll: 12 }, { all: true }), T0);
    expect(capped).toHaveLength(12);
    expect(capped.filter((k) => k.includes(':a-'))).toHaveLength(5);
  });

  test('answers given today count against the total; reviews are capped too', () => {
    const items = itemsOf(testDeck('a', 30), testDeck('b', 30));
    const l = ledgerWith([ans('a-0', T0 - 60_000, 3), ans('b-0', T0 - 50_000, 3)]);
    const got = drain(queue(l, items, T0, { newPerDayAll: 5 }, { all: true }), T0);
    expect(got.filter((k) => k.startsWith('new'))).toHaveLength(3);
    // 40 reviews due in two decks, 25 a day in total.
    const old = [];
    for (let i = 0; i < 20; i++) old.push(ans(`a-${i}`, T0 - 40 * DAY, 4), ans(`b-${i}`, T0 - 40 * DAY, 4));
    const q = queue(ledgerWith(old), items, T0, { newPerDayAll: 0, reviewsPerDayAll: 25 }, { all: true });
    expect(q.dueReviews).toBe(40);
    expect(q.remaining(T0).review).toBe(25);
  });
});

describe('new cards in curriculum order', () => {
  test('fundamentals first (virtualization before CNCF), whatever the load order; a deck `order` wins', () => {
    const items = itemsOf(testDeck('cncf', 5), testDeck('architecture', 5), testDeck('virtualization', 5));
    const got = drain(queue(ledgerWith([]), items, T0, { newPerDayAll: 6 }, { all: true }), T0);
    expect(got.slice(0, 5).every((k) => k.includes('virtualization'))).toBe(true);
    expect(got[5]).toContain('architecture');
    const ranks = deckRanks([{ id: 'cncf', order: -1 }, { id: 'architecture' }, { id: 'virtualization' }]);
    const first = queue(ledgerWith([]), items, T0, {}, { all: true, deckRank: ranks }).next(T0);
    expect(first?.item.deckId).toBe('cncf');
  });

  test('within a deck, definitions before details: basic/reversible, then cloze/typed/choice, order, interview', () => {
    const cards: Card[] = [
      { id: 'v-interview', type: 'interview', front: 'q', points: ['p'] },
      { id: 'v-choice', type: 'choice', front: 'q', answer: 'a', distractors: ['b', 'c'] },
      { id: 'v-basic', type: 'basic', front: 'q', back: 'a' },
      { id: 'v-order', type: 'order', front: 'q', steps: ['1', '2'] },
      { id: 'v-typed', type: 'typed', front: 'q', answer: 'a' },
    ];
    const got = drain(queue(ledgerWith([]), itemsOf(deckOf('virtualization', cards)), T0), T0);
    expect(got).toEqual(['new:v-basic', 'new:v-choice', 'new:v-typed', 'new:v-order', 'new:v-interview']);
  });
});

describe('topic spacing', () => {
  test('no two cards of one topic in a row, and not the same option set twice in a row, when others can go between', () => {
    const opts = ['dockerd', 'CLI', 'registry', 'host'];
    const choice = (i: number): Card => ({ id: `x-c${i}`, type: 'choice', topic: 'component', front: `q${i}`, answer: opts[i]!, distractors: opts.filter((_, j) => j !== i) });
    // Same option set without a topic: still not twice in a row.
    const untopical = (i: number): Card => ({ id: `x-u${i}`, type: 'choice', front: `u${i}`, answer: 'yes', distractors: ['no', 'maybe'] });
    const cards: Card[] = [choice(0), choice(1), choice(2), choice(3), untopical(0), untopical(1), ...[0, 1, 2, 3].map((i): Card => ({ id: `x-t${i}`, type: 'typed', front: `t${i}`, answer: 'a' }))];
    const items = itemsOf(deckOf('x', cards));
    const got = drain(queue(ledgerWith([]), items, T0), T0).map((k) => k.slice(4));
    expect(got).toHaveLength(cards.length);
    const card = (key: string) => cards.find((c) => c.id === key)!;
    for (let i = 1; i < got.length; i++) {
      const [a, b] = [card(got[i - 1]!), card(got[i]!)];
      expect(a.topic !== undefined && a.topic === b.topic, `${a.id} → ${b.id}`).toBe(false);
      const set = (c: Card) => (c.type === 'choice' ? [c.answer, ...(c.distractors ?? [])].sort().join() : c.id);
      expect(set(a) === set(b), `${a.id} → ${b.id}`).toBe(false);
    }
  });

  test('only cards of one topic left: they still come (spacing never drops a card)', () => {
    const cards: Card[] = [0, 1, 2].map((i) => ({ id: `y-${i}`, type: 'typed', topic: 't', front: `q${i}`, answer: 'a' }));
    expect(drain(queue(ledgerWith([]), itemsOf(deckOf('y', cards)), T0), T0)).toHaveLength(3);
  });
});

describe('backlog after missed days', () => {
  test('the most at-risk reviews come first; the rest wait for the next days within the limit', () => {
    const items = itemsOf(testDeck('a', 60));
    const entries = [];
    // 60 cards learnt on different days: after a 30-day break all are due, with different recall.
    for (let i = 0; i < 60; i++) entries.push(ans(`a-${i}`, T0 - (40 + i) * DAY, 3), ans(`a-${i}`, T0 - (40 + i) * DAY + 600_000, 3));
    const l = ledgerWith(entries);
    const q = queue(l, items, T0, { reviewsPerDayAll: 25 }, { all: true });
    expect(q.dueReviews).toBe(60);
    const got = drain(q, T0).map((k) => k.slice(7));
    expect(got).toHaveLength(25);
    const sched = ctxOf().scheduler;
    const r = (k: string) => sched.retrievability(l.items.get(k)!, T0);
    const shown = Math.max(...got.map(r));
    const waiting = items.filter((it) => !got.includes(it.key)).map((it) => r(it.key));
    expect(Math.min(...waiting)).toBeGreaterThanOrEqual(shown);
  });
});
