/** store/fitWeights.ts: fit, measure, save the weights and replay, as one call. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { reviewHistory } from '../helpers/reviewHistory.js';
import { appendEntries } from '../../src/store/log.js';
import { fitWeights } from '../../src/store/fitWeights.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

const now = () => new Date('2026-01-01T00:00:00Z');
const savedWeights = () => (existsSync(join(home, 'settings.json')) ? JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')).weights : undefined);

describe('fitWeights', () => {
  test('below 400 reviews: refused, nothing saved', async () => {
    appendEntries(home, reviewHistory(10, 5));
    await expect(fitWeights(home, now)).rejects.toThrow(/at least 400 reviews.*you have 50/);
    expect(savedWeights()).toBeUndefined();
  });

  // The optional binding missing: the real module is installed here, so the loader is replaced.
  test('without the optional binding: refused, nothing saved', async () => {
    appendEntries(home, reviewHistory(80, 6));
    await expect(fitWeights(home, now, async () => undefined)).rejects.toThrow(/binding/);
    expect(savedWeights()).toBeUndefined();
  });

  test('fits, saves the weights, replays the history; a second fit is measured against the first', async () => {
    appendEntries(home, reviewHistory(80, 6));
    const first = await fitWeights(home, now);
    expect([first.reviews, first.previous]).toEqual([480, undefined]);
    expect(first.items).toBeGreaterThan(0);
    expect(savedWeights()).toEqual(first.weights);
    expect(existsSync(join(home, 'state.bin'))).toBe(true);
    const second = await fitWeights(home, now);
    expect(second.previous?.logLoss).toBeCloseTo(first.fitted.logLoss, 6);
  }, 60_000);
});
