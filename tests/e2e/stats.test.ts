/**
 * `amgi stats` on a terminal opens the stats screen (charts); with --json or piped it prints.
 * History is written through the store with a moving clock, then the BUILT amgi shows it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAllDecks } from '../../src/store/deckFiles.js';
import { openProgress } from '../../src/store/progress.js';
import { amgi } from '../helpers/cli.js';
import { e2eSessions } from '../helpers/e2e.js';
import { expectFits } from '../helpers/fits.js';
import type { TmuxSession } from '../helpers/tmux.js';
import { writeDeckDir } from '../core/quiz/fixture.js';

const DAY = 86_400_000;
const NOW = '2025-03-10T09:00:00Z';
let home: string;
let decksDir: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'amgi-stats-e2e-'));
  decksDir = writeDeckDir(join(home, 'deck-files'));
  const decks = loadAllDecks({ decksDir, env: {} }).decks;
  // Ten study days with one gap: answers every day but the fourth, a few Again.
  let clock = Date.parse(NOW) - 10 * DAY;
  const p = openProgress({ home, decks, now: () => new Date(clock), fuzz: false });
  for (let d = 0; d < 10; d++) {
    if (d !== 3) {
      const s = p.startReview();
      for (let i = 0; i < 4 && s.current(); i++) s.answer(i === 0 && d % 3 === 0 ? 1 : 3, 15_000);
    }
    clock += DAY;
  }
  p.close();
  return () => rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});
// One home for the whole file (the history above); the sessions are stopped after each test.
const { start } = e2eSessions();

function stats(cols: number, rows: number): Promise<TmuxSession> {
  return start({ home, cols, rows, args: ['stats', '--decks', decksDir], env: { AMGI_NOW: NOW } });
}

const SHADE = /[░▒▓█]/g;

describe('stats screen', () => {
  test('80×24: everything on one screen', async () => {
    const t = await stats(80, 24);
    const screen = await t.waitFor('Reviews, last 53 weeks');
    expectFits(screen, 80, 24);
    expect(screen).toContain('Streak 6d (best 6d)');
    expect(screen).toMatch(/Retention (\d+%|–)/);
    expect(screen).toContain('Due, next 30 days');
    expect(screen).toContain('Mastery by deck');
    expect(screen).toMatch(/Docker [█░]{20,} +\d+%/);
    expect(screen).toMatch(/^Mon /m);
    expect(screen).toMatch(/^Fri /m);
    // The heatmap's last columns hold nine study days (legend shades excluded).
    const grid = screen.split('\n').filter((l) => /^(Mon |Wed |Fri | {4})[·░▒▓█ ]{20}/.test(l));
    expect(grid).toHaveLength(7);
    expect(grid.join('').match(SHADE)?.length).toBe(9);
    // The forecast has bars: the cards reviewed are due again within 30 days.
    expect(screen).toMatch(/^\d+ +[▁▂▃▄▅▆▇█ ]*[▁▂▃▄▅▆▇█]/m);
    t.keys('q');
    expect(await t.waitForExit()).toBe(0);
  });

  test('40×12: one panel at a time, every panel fits', async () => {
    const t = await stats(40, 12);
    let screen = await t.waitFor('[Overview]');
    expectFits(screen, 40, 12);
    expect(screen).toContain('Streak 6d (best 6d)');
    expect(screen).toContain('Mastery by deck');
    t.keys('Right');
    screen = await t.waitFor('[Forecast]');
    expectFits(screen, 40, 12);
    expect(screen).toContain('today');
    expect(screen).toContain('+30d');
    t.keys('Right');
    screen = await t.waitFor('[Heatmap]');
    expectFits(screen, 40, 12);
    expect(screen).toContain('Reviews, last 36 weeks');
    // All seven weekday rows are on screen.
    const grid = screen.split('\n').filter((l) => /^(Mon |Wed |Fri | {4})[·░▒▓█ ]{20}/.test(l));
    expect(grid).toHaveLength(7);
    t.keys('q');
    expect(await t.waitForExit()).toBe(0);
  });

  test('piped or --json: text and JSON, no screen', () => {
    const r = amgi(['stats', '--json', '--decks', decksDir], { AMGI_HOME: home, AMGI_NOW: NOW });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).streak).toEqual({ current: 6, longest: 6 });
  });
});
