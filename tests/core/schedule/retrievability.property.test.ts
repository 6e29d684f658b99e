/**
 * fsrs.ts computes retrievability itself (queue building calls it 100k times, so the decay
 * constants are computed once): pinned here to ts-fsrs's own forgetting_curve.
 */
import fc from 'fast-check';
import { default_w, forgetting_curve, State } from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import { makeScheduler, newMemory } from '../../../src/core/schedule/fsrs.js';
import { DEFAULT_SETTINGS } from '../../../src/core/schedule/types.js';

const DAY = 86_400_000;
const LAST = Date.UTC(2026, 0, 1);

function schedulerWithDecay(w20: number) {
  const weights = [...default_w];
  weights[20] = w20;
  return { weights, scheduler: makeScheduler({ settings: { ...DEFAULT_SETTINGS, weights }, fuzz: false }) };
}

describe('retrievability', () => {
  test('equals ts-fsrs forgetting_curve for any decay, stability and elapsed time', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 0.8, noNaN: true }), // w[20], FSRS-6's decay parameter (ts-fsrs clamps it to this range)
        fc.double({ min: 0.001, max: 36_500, noNaN: true }), // stability, days
        fc.double({ min: 0, max: 36_500, noNaN: true }), // elapsed, days (fractional: the queue ranks within a day)
        (w20, s, days) => {
          const { weights, scheduler } = schedulerWithDecay(w20);
          const m = { ...newMemory(), st: State.Review, s, last: LAST };
          // forgetting_curve rounds to 8 decimals.
          expect(scheduler.retrievability(m, LAST + days * DAY)).toBeCloseTo(forgetting_curve(weights, days, s), 7);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('a new card is 0; a time before the last review counts as that review (1)', () => {
    const { scheduler } = schedulerWithDecay(default_w[20]!);
    expect(scheduler.retrievability(newMemory(), LAST)).toBe(0);
    expect(scheduler.retrievability({ ...newMemory(), st: State.Review, s: 3, last: LAST }, LAST - DAY)).toBe(1);
  });
});
