import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { makeScheduler, State, type MemoryState } from '../../../src/core/schedule/fsrs.js';
import { previews } from '../../../src/core/schedule/previews.js';
import { DEFAULT_SETTINGS, type Grade } from '../../../src/core/schedule/types.js';

const DAY = 86_400_000;

describe('grade previews with fuzz on (as in the app)', () => {
  const scheduler = makeScheduler({ settings: DEFAULT_SETTINGS, fuzz: true });
  /** A card in review, last seen `ago` days before `now`. */
  const reviewCard = (s: number, d: number, ago: number, now: number): MemoryState => ({
    due: now - DAY,
    s,
    d,
    el: ago,
    sch: ago,
    step: 0,
    reps: 6,
    lapses: 1,
    st: State.Review,
    last: now - ago * DAY,
  });

  test('the interval a button shows is the one the answer schedules, seconds or minutes later the same day', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 400, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 12 * 3600 }),
        fc.integer({ min: 1, max: 600 }),
        (s, d, ago, shownAtSec, thinkSec) => {
          // Shown between 06:00 and 18:00 UTC, answered up to ten minutes later.
          const shown = Date.UTC(2026, 2, 10, 6) + shownAtSec * 1000;
          const m = reviewCard(s, d, ago, shown);
          const p = previews(scheduler, m, shown);
          const answered = shown + thinkSec * 1000;
          for (const g of [2, 3, 4] as Grade[]) {
            const due = scheduler.next(m, answered, g).due;
            // Whole days for reviews: the day the answer schedules is the day the button showed.
            expect(Math.round((due - answered) / DAY), `grade ${g}`).toBe(Math.round((p[g].due.getTime() - shown) / DAY));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
