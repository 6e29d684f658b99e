/** Issue 14 through a real session (fuzz off, injected clock): the header's counts, the end screen's outlook. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerEntry, Grade } from '../../src/core/schedule/types.js';
import { leftTotal, snapshot } from '../../src/ui/screens/review/reviewState.js';
import { clock, DAY, deck, MIN, open } from './fixtures.js';
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

test('a balanced review records its due in the log; replaying the log gives the same state', () => {
  const c = clock('2026-03-02T10:00:00Z');
  const p = open(t.home, [deck('a', 30)], c.now);
  p.saveSettings({ newPerDayAll: 30, newPerDay: 30 });
  // Days of reviews (Good throughout) until intervals are long enough to balance (≥ 3 days).
  for (let day = 0; day < 40; day++) {
    const s = p.startReview();
    for (let i = 0; s.current() && i < 200; i++) {
      s.answer(3, 1000);
      c.advance(MIN);
    }
    c.advance(DAY - 200 * MIN);
  }
  const log = readFileSync(join(t.home, 'reviews.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AnswerEntry);
  const balanced = log.filter((e) => e.due !== undefined);
  expect(balanced.length).toBeGreaterThan(10);
  const last = new Map(log.map((e) => [e.key, e]));
  for (const [key, e] of last) if (e.due) expect(p.state(key)!.due).toBe(Date.parse(e.due));
  const states = JSON.stringify(log.map((e) => e.key).map((k) => p.state(k)?.due));
  p.close();
  // A fresh store replays the whole log (no snapshot): the same dues.
  rmSync(join(t.home, 'state.bin'), { force: true });
  const again = open(t.home, [deck('a', 30)], c.now);
  expect(JSON.stringify(log.map((e) => e.key).map((k) => again.state(k)?.due))).toBe(states);
});
