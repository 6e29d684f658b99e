process.env.TZ = 'Asia/Seoul';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { tmpHome } from '../../helpers/tmpHome.js';
import { parseDayKey } from '../../../src/core/schedule/day.js';
import { clock, deck, open } from '../../store/fixtures.js';
import type { ProgressStore } from '../../../src/store/progress.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

/** Run one plan session answering Good to everything; returns the keys shown. */
function session(p: ProgressStore, until: string): string[] {
  const s = p.startCram({ until });
  const keys: string[] = [];
  for (let e = s.current(); e; e = s.current()) {
    keys.push(e.item.key);
    s.answer(3, 1);
  }
  return keys;
}

describe('interview plan (--until)', () => {
  test('studying daily from 10 days before: every card twice or more, the last review on D−1', () => {
    const c = clock('2026-03-02T20:00:00');
    const p = open(home, [deck('docker', 12)], c.now);
    const D = '2026-03-12';
    const perDay: number[] = [];
    for (let day = 2; day <= 11; day++) {
      c.set(`2026-03-${String(day).padStart(2, '0')}T20:00:00`);
      perDay.push(session(p, D).length);
    }
    expect(perDay[0]).toBe(12); // (a) everything once, on the first day
    const dMinus1 = parseDayKey(D)! - 1;
    for (const it of p.items()) {
      const s = p.state(it.key)!;
      expect(s.plan).toBe(D);
      expect(s.planN).toBeGreaterThanOrEqual(2);
      expect(s.planLd).toBe(dMinus1); // (c) the final review falls on the day before
    }
    // Not every card every day: the plan spaces the reviews.
    expect(perDay.slice(1, -1).some((n) => n < 12)).toBe(true);
  });

  test('a plan started the day before still gives every card two reviews', () => {
    const c = clock('2026-03-11T20:00:00');
    const p = open(home, [deck('docker', 5)], c.now);
    const shown = session(p, '2026-03-12');
    expect(shown).toHaveLength(10);
    for (const it of p.items()) expect(p.state(it.key)!.planN).toBe(2);
  });

  test('the preview counts answers: the today figure is what the session asks, the daily one averages the plan', () => {
    const c = clock('2026-03-02T20:00:00');
    const p = open(home, [deck('docker', 12)], c.now);
    const D = '2026-03-12';
    const first = p.planPreview({ until: D });
    expect(first).toMatchObject({ ok: true, daysLeft: 10, today: 12 });
    let total = 0;
    for (let day = 2; day <= 12; day++) {
      c.set(`2026-03-${String(day).padStart(2, '0')}T20:00:00`);
      const preview = p.planPreview({ until: D });
      const answers = session(p, D).length;
      expect(preview.ok && preview.today).toBe(answers);
      total += answers;
    }
    // Answering Good every day: the daily figure is the plan's answers over its eleven days (D
    // included), and more than three a card (first sight, halfway, the day before): (b) pulls
    // cards forward while their recall at D is below 95%.
    expect(total).toBeGreaterThan(12 * 3);
    expect(first.ok && first.perDay).toBe(Math.ceil(total / 11));
  });

  test('the day before, a card is answered twice today: the preview says so', () => {
    const c = clock('2026-03-11T20:00:00');
    const p = open(home, [deck('docker', 5)], c.now);
    expect(p.planPreview({ until: '2026-03-12' })).toEqual({ ok: true, daysLeft: 1, today: 10, perDay: 5, started: false });
    expect(session(p, '2026-03-12')).toHaveLength(10);
    c.set('2026-03-12T20:00:00');
    // Answered in the plan: started (Home shows it).
    expect(p.planPreview({ until: '2026-03-12' })).toEqual({ ok: true, daysLeft: 0, today: 0, perDay: 0, started: true });
  });

  test('plan answers schedule at the raised retention (shorter intervals than a plain review)', () => {
    const c = clock('2026-03-02T20:00:00');
    const p = open(home, [deck('a', 1), deck('b', 1)], c.now);
    const planned = p.startCram({ until: '2026-04-30', deckId: 'a' });
    const normal = p.startReview({ deckId: 'b' });
    planned.answer(4, 1);
    normal.answer(4, 1);
    expect(p.state('a-0000')!.due).toBeLessThan(p.state('b-0000')!.due);
  });

  test('a card answered in the plan today is not shown again today; a past date is refused', () => {
    const c = clock('2026-03-02T20:00:00');
    const p = open(home, [deck('docker', 3)], c.now);
    expect(session(p, '2026-03-20')).toHaveLength(3);
    expect(session(p, '2026-03-20')).toHaveLength(0);
    expect(() => p.startCram({ until: '2026-03-01' })).toThrow(/has passed/);
    expect(() => p.startCram({ until: '2026-02-30' })).toThrow(/not a date/);
  });
});

describe('planDue on a big selection', () => {
  test('the days after today are simulated for a sample of the cards, scaled to all of them: the same figure, a bounded cost', async () => {
    const { planDue } = await import('../../../src/core/schedule/interviewPlan.js');
    const { emptyLedger } = await import('../../../src/core/schedule/ledger.js');
    const { ledgerContext } = await import('../../../src/core/schedule/context.js');
    const { DEFAULT_SETTINGS } = await import('../../../src/core/schedule/types.js');
    const ctx = ledgerContext(DEFAULT_SETTINGS, false);
    const now = new Date('2026-03-02T20:00:00').getTime();
    const plan = (n: number) => {
      let steps = 0;
      const scheduler = {
        ...ctx.planScheduler,
        next: (...a: Parameters<typeof ctx.planScheduler.next>) => {
          steps++;
          return ctx.planScheduler.next(...a);
        },
      };
      const items = Array.from({ length: n }, (_, i) => ({ key: `k${i}`, deckId: 'd', direction: undefined, card: { id: `k${i}`, type: 'basic' as const, front: 'q', back: 'a' } }));
      const r = planDue({ ledger: emptyLedger(), items: items as never, settings: DEFAULT_SETTINGS, scheduler, now, until: '2026-04-30' });
      if (!r.ok) throw new Error(r.error);
      return { perDay: r.perDay, today: r.today, steps };
    };
    const small = plan(1000);
    const big = plan(5000);
    // Identical new cards: the sampled figure is the exact one, five times over (± the rounding up).
    expect(big.today).toBe(5 * small.today);
    expect(Math.abs(big.perDay - 5 * small.perDay)).toBeLessThanOrEqual(5);
    // Every card is stepped for today's answers, only the sample for the days after: far less than five times the steps.
    expect(big.steps).toBeLessThan(2 * small.steps);
  });
});
