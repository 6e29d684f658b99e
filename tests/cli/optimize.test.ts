import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { amgi } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';
import { appendEntries } from '../../src/store/log.js';
import { reviewHistory as history } from '../helpers/reviewHistory.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

describe('amgi optimize', () => {
  test('refuses below 400 reviews and says why', () => {
    appendEntries(home, history(10, 5));
    const r = amgi(['optimize'], { AMGI_HOME: home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/at least 400 reviews.*you have 50/);
  });

  test('fits parameters, prints log loss and RMSE for default and fitted, saves the weights', () => {
    appendEntries(home, history(80, 6));
    const r = amgi(['optimize'], { AMGI_HOME: home, AMGI_NOW: '2026-01-01T00:00:00Z' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/480 reviews/);
    expect(r.stdout).toMatch(/default\s+\d\.\d{4}\s+\d+\.\d\d%/);
    expect(r.stdout).toMatch(/fitted\s+\d\.\d{4}\s+\d+\.\d\d%/);
    const w = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')).weights;
    expect(Array.isArray(w) && w.length >= 19).toBe(true);
  }, 60_000);
});
