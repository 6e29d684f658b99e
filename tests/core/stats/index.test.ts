process.env.TZ = 'UTC';
import { describe, expect, test } from 'vitest';
import { computeStats, streakOf } from '../../../src/core/stats/index.js';
import type { DayStat } from '../../../src/core/schedule/ledger.js';
import { ans, DAY, flag, itemsOf, ledgerWith, MIN, testDeck } from '../schedule/helpers.js';

const T0 = Date.parse('2026-03-10T12:00:00Z');
const day0 = Math.floor(T0 / DAY);

function days(list: number[]): Map<number, DayStat> {
  return new Map(list.map((d) => [d, { n: 1, ms: 0, again: 0, rv: 0, rvOk: 0, nw: 0, dk: {} }]));
}

describe('stats', () => {
  test('streaks: today not yet studied keeps the current streak; a gap breaks it', () => {
    expect(streakOf(days([day0 - 2, day0 - 1]), day0)).toEqual({ current: 2, longest: 2 });
    expect(streakOf(days([day0 - 2, day0 - 1, day0]), day0)).toEqual({ current: 3, longest: 3 });
    expect(streakOf(days([day0 - 9, day0 - 8, day0 - 7, day0 - 6, day0 - 2]), day0)).toEqual({ current: 0, longest: 4 });
    expect(streakOf(new Map(), day0)).toEqual({ current: 0, longest: 0 });
  });

  test('report: forecast, heatmap, true retention, per-deck counts, mastery, time', () => {
    const deck = testDeck('a', 6);
    const entries = [
      // a-0: learned 40 days ago with Easy twice → long stability (mastered), reviewed today (pass).
      ans('a-0', T0 - 40 * DAY, 4),
      ans('a-0', T0 - 30 * DAY, 4),
      ans('a-0', T0 - 2 * MIN, 3, { ms: 4000 }),
      // a-1: a review-state card answered Again today (a lapse: fails true retention).
      ans('a-1', T0 - 20 * DAY, 4),
      ans('a-1', T0 - MIN, 1, { ms: 6000 }),
      // a-2: in learning; a-3 suspended after a first answer; a-4, a-5 never studied.
      ans('a-2', T0 - 30 * MIN, 3),
      ans('a-3', T0 - 10 * DAY, 4),
      flag('a-3', T0 - 10 * DAY, 'suspend'),
      // A cram answer counts for the heatmap and time, not for retention.
      ans('a-4', T0 - 3 * MIN, 1, { kind: 'cram', reschedule: false, ms: 2000 }),
    ];
    const ledger = ledgerWith(entries);
    const r = computeStats({ ledger, decks: [{ id: 'a', title: 'A', items: itemsOf(deck) }], now: T0, dayStartHour: 4 });
    expect(r.today).toBe('2026-03-10');
    expect(r.retention).toEqual({ answers: 2, passed: 1, rate: 0.5 });
    expect(r.heatmap).toHaveLength(365);
    expect(r.heatmap.at(-1)).toEqual({ date: '2026-03-10', answers: 4 });
    expect(r.heatmap.find((h) => h.date === '2026-01-29')?.answers).toBe(1); // 40 days before
    expect(r.answers).toEqual({ today: 4, total: 8 });
    expect(r.time.todayMs).toBe(4000 + 6000 + 1000 + 2000);
    expect(r.decks[0]).toMatchObject({ id: 'a', total: 6, new: 2, learning: 2, review: 2, suspended: 1 });
    // a-0 is the one card with stability ≥ 21 days.
    expect(r.decks[0]!.mastered).toBe(1);
    expect(r.decks[0]!.mastery).toBeCloseTo(1 / 6);
    expect(r.forecast).toHaveLength(30);
    // Forecast: learning a-1 (relearning) and a-2 due today; a-0 later; the suspended a-3 not at all.
    expect(r.forecast[0]!.due).toBe(2);
    expect(r.forecast.reduce((n, f) => n + f.due, 0)).toBe(ledger.items.get('a-0')!.due - T0 < 30 * DAY ? 3 : 2);
    expect(r.streak.current).toBe(1);
  });
});
