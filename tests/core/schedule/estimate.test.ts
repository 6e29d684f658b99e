import { expect, test } from 'vitest';
import { estimateDay, medianAnswerMs } from '../../../src/core/schedule/estimate.js';

const days = (...d: [number, number, number][]) => new Map(d.map(([day, n, ms]) => [day, { n, ms }]));

test('no history: 10 s an answer', () => {
  expect(medianAnswerMs(new Map(), 100)).toBe(10_000);
});

test('one quick answer does not make the day look like a minute (walkthrough: 8 min → 1 min after one grade)', () => {
  const ms = medianAnswerMs(days([100, 1, 1000]), 100);
  expect(ms).toBeCloseTo((1000 + 100_000) / 11);
  expect(estimateDay({ new: 20, learning: 0, review: 0 }, ms).minutes).toBeGreaterThanOrEqual(7);
});

test('days of 10 answers or more: the median of their averages; thin days and days out of the window do not count', () => {
  // 3 s, 5 s and 9 s days; a 1-answer day of 60 s; a day of 1 s a month and a half ago.
  const ms = medianAnswerMs(days([100, 20, 60_000], [99, 10, 50_000], [98, 30, 270_000], [97, 1, 60_000], [55, 40, 40_000]), 100);
  expect(ms).toBe(5000);
});
