process.env.TZ = 'UTC';
/** Issue 14: load balancing as Anki 24.11, measured on a simulated year; replay uses the recorded due. */
import { describe, expect, test } from 'vitest';
import { balancedInterval, DueCounts } from '../../../src/core/schedule/loadBalance.js';
import { simulate } from '../../../src/core/schedule/simulate.js';
import { fuzzRange } from '../../../src/core/schedule/fsrs.js';
import { ans, ledgerWith, DAY } from './helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');

describe('balancedInterval', () => {
  test('stays within the fuzz range and prefers the emptier days; deterministic', () => {
    const [lo, hi] = fuzzRange(20, 10, 36500);
    expect(hi).toBeGreaterThan(lo);
    // Every day in the range busy except one: that day wins nearly always.
    const quiet = lo + 1;
    const picks = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const d = balancedInterval({ interval: 20, elapsed: 10, maximumInterval: 36500, dueIn: (d) => (d === quiet ? 0 : 30), seed: `k${i}` })!;
      expect(d).toBeGreaterThanOrEqual(lo);
      expect(d).toBeLessThanOrEqual(hi);
      picks.set(d, (picks.get(d) ?? 0) + 1);
    }
    expect(picks.get(quiet)!).toBeGreaterThan(190);
    const again = balancedInterval({ interval: 20, elapsed: 10, maximumInterval: 36500, dueIn: () => 5, seed: 'same' });
    expect(balancedInterval({ interval: 20, elapsed: 10, maximumInterval: 36500, dueIn: () => 5, seed: 'same' })).toBe(again);
  });

  test('short and very long intervals are left alone (nothing to spread, little need)', () => {
    expect(balancedInterval({ interval: 2, elapsed: 0, maximumInterval: 36500, dueIn: () => 0, seed: 's' })).toBeUndefined();
    expect(balancedInterval({ interval: 120, elapsed: 60, maximumInterval: 36500, dueIn: () => 0, seed: 's' })).toBeUndefined();
  });

  test('DueCounts moves a card from its old day to its new one', () => {
    const c = new DueCounts();
    c.add(5);
    c.add(5);
    c.move(5, 9);
    expect([c.on(5), c.on(9)]).toEqual([1, 1]);
    c.move(9, undefined);
    expect(c.on(9)).toBe(0);
  });
});

describe('a simulated year of daily reviews (1,000 cards, 10 new a day)', () => {
  test('balancing lowers the peak day (max / mean of daily reviews) and keeps retention', () => {
    const off = simulate({ cards: 1000, newPerDay: 10, days: 365, balance: false });
    const on = simulate({ cards: 1000, newPerDay: 10, days: 365, balance: true });
    expect(on.maxOverMean).toBeLessThan(off.maxOverMean * 0.85);
    expect(Math.abs(on.retention - off.retention)).toBeLessThan(0.01);
    // The same work: about as many reviews a day.
    expect(Math.abs(on.mean - off.mean) / off.mean).toBeLessThan(0.1);
  });
});

describe('replay', () => {
  test('an answer that carries a due (the balanced day) replays to that due, whatever the scheduler says', () => {
    const base = [ans('a-0', T0 - 30 * DAY, 3), ans('a-0', T0 - 30 * DAY + 600_000, 3)];
    const plainL = ledgerWith([...base, ans('a-0', T0, 3)]);
    const plain = plainL.items.get('a-0')!;
    const chosen = T0 + Math.round((plain.due - T0) / DAY + 1) * DAY;
    const l = ledgerWith([...base, ans('a-0', T0, 3, { due: new Date(chosen).toISOString() })]);
    const s = l.items.get('a-0')!;
    expect(s.due).toBe(chosen);
    expect(s.sch).toBe(plain.sch + 1);
    // Memory is the scheduler's: only the day moved.
    expect([s.s, s.d, s.st]).toEqual([plain.s, plain.d, plain.st]);
  });
});
