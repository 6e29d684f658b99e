/**
 * Issue 15 in a real terminal (tmux), 80×24 and 40×12, English and Korean: Home → Cards, show
 * the suspended cards, open the one there, unsuspend it, and it is due again; help explains
 * the grades. Run `npm run build` first (npm test does).
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { appendEntries } from '../../src/store/log.js';
import type { LogEntry } from '../../src/core/schedule/types.js';
import { e2eSessions, TERMINAL_SIZES } from '../helpers/e2e.js';
import { expectFits } from '../helpers/fits.js';
import { snapshotBuild } from '../helpers/tmux.js';
import { amgi } from '../helpers/cli.js';

let build: ReturnType<typeof snapshotBuild>;
beforeAll(() => {
  build = snapshotBuild();
});
afterAll(() => build.cleanup());
const { newHome, start } = e2eSessions();

const T0 = Date.parse('2026-11-01T09:00:00Z');
const NOW = '2026-12-01T09:00:00Z';

/** arch-docker answered Good twice a month ago (due by now), then suspended. */
function suspendedHome(): string {
  const home = newHome();
  const base = { v: 1 as const, key: 'arch-docker', deck: 'architecture' };
  const entries: LogEntry[] = [
    { ...base, id: 'a1', at: new Date(T0).toISOString(), op: 'answer', grade: 3, ms: 4000, kind: 'review', reschedule: true },
    { ...base, id: 'a2', at: new Date(T0 + 600_000).toISOString(), op: 'answer', grade: 3, ms: 4000, kind: 'review', reschedule: true },
    { ...base, id: 'a3', at: new Date(T0 + 700_000).toISOString(), op: 'suspend' },
  ];
  appendEntries(home, entries);
  return home;
}

const TEXT = {
  en: { home: 'All decks', browser: 'filter:', suspended: '‹suspended›', due: '‹due today›', card: 'Card · arch-docker', was: 'review · suspended', back: 'Unsuspended', grades: 'Again: you forgot', keysHome: 'Keys · Home' },
  ko: { home: '전체 덱', browser: '거르기:', suspended: '‹보류›', due: '‹오늘 복습›', card: '카드 · arch-docker', was: '복습 · 보류됨', back: '보류를 풀었습니다', grades: '다시: 잊었음', keysHome: '키 · 홈' },
} as const;

describe.each(TERMINAL_SIZES)('at %i×%i', (cols, rows) => {
  test.each(['en', 'ko'] as const)('%s: Cards → show suspended → open → unsuspend → it is due again', async (lang) => {
    const home = suspendedHome();
    const x = TEXT[lang];
    expect(amgi(['cards', '--suspended'], { AMGI_HOME: home, AMGI_NOW: NOW }).stdout).toMatch(/^arch-docker\s+architecture\s+review, suspended/m);
    const t = await start({ home, cols, rows, bin: build.bin, args: ['--lang', lang], env: { AMGI_NOW: NOW } });
    await t.waitFor(x.home);
    t.keys('Down', 'Down', 'Down', 'Enter');
    let screen = await t.waitFor(x.browser);
    expectFits(screen, cols, rows);
    // Tab to "Show", then → four times: all → new → learning → due today → suspended.
    t.keys('Tab', 'Tab', 'Tab', 'Right', 'Right', 'Right', 'Right');
    screen = await t.waitFor(x.suspended);
    expect(screen).toContain('Docker란?');
    expect(screen).toMatch(/ 1\/\d+/);
    expectFits(screen, cols, rows);
    t.keys('Enter');
    screen = await t.waitFor(x.card);
    expect(screen).toContain(x.was);
    expectFits(screen, cols, rows);
    t.keys('s');
    screen = await t.waitFor(x.back);
    expectFits(screen, cols, rows);
    // Back in the list: nothing suspended now; one step back (due today) shows it.
    t.keys('Escape');
    await t.waitFor(/ 0\/\d+/);
    t.keys('Left');
    screen = await t.waitFor(x.due);
    expect(screen).toContain('Docker란?');
    expectFits(screen, cols, rows);
    // And the store agrees, in another process.
    await t.stop();
    expect(amgi(['cards', '--due'], { AMGI_HOME: home, AMGI_NOW: NOW }).stdout).toMatch(/^arch-docker\s+architecture\s+review\s/m);
  });

  test.each(['en', 'ko'] as const)('%s: ? on Home explains the grades, then lists the keys', async (lang) => {
    const x = TEXT[lang];
    const t = await start({ home: newHome(), cols, rows, bin: build.bin, args: ['--lang', lang], env: { AMGI_NOW: NOW } });
    await t.waitFor(x.home);
    t.keys('?');
    let screen = await t.waitFor(x.grades);
    expectFits(screen, cols, rows);
    for (let i = 0; i < 20 && !screen.includes(x.keysHome); i++) {
      t.keys('PageDown');
      await new Promise((r) => setTimeout(r, 60));
      screen = t.capture();
    }
    expect(screen).toContain(x.keysHome);
    expectFits(screen, cols, rows);
  });
});
