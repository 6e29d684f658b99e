/** Issue 14 through a real session (fuzz off, injected clock): the header's counts, the end screen's outlook. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Grade } from '../../src/core/schedule/types.js';
import { leftTotal, snapshot } from '../../src/ui/screens/review/reviewState.js';
import { clock, deck, MIN, open } from './fixtures.js';
import { tmpHome } from '../helpers/tmpHome.js';

let t: ReturnType<typeof tmpHome>;
beforeEach(() => (t = tmpHome()));
afterEach(() => t.cleanup());

test('the header counts what is left: it never grows, a learning card counts once, and it ends at 0', () => {
  const c = clock('2026-03-02T10:00:00Z');
  const p = open(t.home, [deck('a', 10), deck('b', 10)], c.now);
  p.saveSettings({ newPerDayAll: 6 });
  const s = p.startReview();
  const seen: string[] = [];
  let prev = Infinity;
  // Good, then Again on the third answer: learning steps (1m, 10m) bring cards back.
  const grades: Grade[] = [3, 3, 1, 3, 3, 3];
  for (let i = 0; ; i++) {
    const snap = snapshot(s);
    const left = leftTotal(snap);
    seen.push(`${snap.left.new}/${snap.left.learning}/${snap.left.review}`);
    expect(left, seen.join(' ')).toBeLessThanOrEqual(prev);
    prev = left;
    if (!snap.current) break;
    expect(i).toBeLessThan(50);
    s.answer(grades[i % grades.length]!, 4000);
    c.advance(MIN);
  }
  // Six cards in all (the total limit across two decks): six new at the start, none left at the end.
  expect(seen[0]).toBe('6/0/0');
  expect(seen.at(-1)).toBe('0/0/0');
  // After the first answer the card moved from new to learning: the same total.
  expect(seen[1]).toBe('5/1/0');
});

test('the end screen knows tomorrow: new cards waiting, learning cards later today, the next review', () => {
  const c = clock('2026-03-02T10:00:00Z');
  const p = open(t.home, [deck('a', 30)], c.now);
  p.saveSettings({ newPerDayAll: 3 });
  const s = p.startReview();
  // Good once on each new card: all three are in learning (due in 10 minutes), then stop.
  for (let i = 0; i < 3; i++) s.answer(3, 1000);
  const sum = s.summary();
  expect(sum.later).toMatchObject({ learningToday: 3, tomorrowNew: 3, tomorrowDue: 0 });
  expect(sum.later!.nextLearning!.getTime()).toBe(c.now().getTime() + 10 * MIN);
});
