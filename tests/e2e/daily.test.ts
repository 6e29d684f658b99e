/**
 * Issue 14 in a real terminal (tmux): a day that fits a day. A fresh home offers at most 20 new
 * cards and an estimate; the first new card is a virtualisation card; the header counts down;
 * the end screen says what tomorrow brings. Run `npm run build` first (npm test does).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eSessions, TERMINAL_SIZES } from '../helpers/e2e.js';
import { expectFits } from '../helpers/fits.js';
import { snapshotBuild } from '../helpers/tmux.js';

const NOW = '2026-12-01T09:00:00Z';

let build: ReturnType<typeof snapshotBuild>;
beforeAll(() => {
  build = snapshotBuild();
});
afterAll(() => build.cleanup());

const { newHome, start } = e2eSessions();

describe.each(TERMINAL_SIZES)('at %i×%i', (cols, rows) => {
  test('fresh home: ≤ 20 new cards today with an estimate; virtualisation first; the header counts down', async () => {
    const t = await start({ home: newHome(), cols, rows, bin: build.bin, env: { AMGI_NOW: NOW, LANG: 'en_US.UTF-8' } });
    let screen = await t.waitFor('All decks');
    const all = /All decks\s+(\d+)\s+(\d+)\s+(\d+)/.exec(screen);
    expect(all, screen).not.toBeNull();
    expect(Number(all![1])).toBeLessThanOrEqual(20);
    expect(Number(all![1])).toBeGreaterThan(0);
    expect(screen).toMatch(/today ≈ \d+ answers · \d+ min/);
    expectFits(screen, cols, rows);
    t.keys('Enter');
    screen = await t.waitFor(/new 20 · learn 0 · due 0/);
    expect(screen).toContain('가상');
    expect(screen).toContain('가상 머신(Virtual Machine, VM)이란?');
    expectFits(screen, cols, rows);
    // Good, then Again: each new card moves to learning, the total left never grows.
    for (const [grade, left] of [['3', /new 19 · learn 1 · due 0/], ['1', /new 18 · learn 2 · due 0/]] as const) {
      t.keys('Space');
      await t.waitFor('1 Again');
      t.keys(grade);
      screen = await t.waitFor(left);
    }
    expectFits(screen, cols, rows);
  });
});

test('the end screen mentions tomorrow\'s new cards (Korean)', async () => {
  const home = newHome();
  // Two new cards a day for the whole collection.
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, newPerDayAll: 2 }));
  const t = await start({ home, cols: 80, rows: 24, bin: build.bin, args: ['--lang', 'ko'], env: { AMGI_NOW: NOW } });
  let screen = await t.waitFor('전체 덱');
  expect(screen).toMatch(/전체 덱\s+2\s+0\s+0/);
  t.keys('Enter');
  await t.waitFor('새 2 · 학습 0 · 복습 0');
  // Easy on both: they graduate at once, the session ends.
  for (const left of ['새 1 · 학습 0 · 복습 0', '세션 완료']) {
    t.keys('Space');
    await t.waitFor('1 다시');
    t.keys('4');
    screen = await t.waitFor(left);
  }
  expect(screen).toContain('내일: 새 카드 2장');
  expect(screen).toMatch(/다음 복습: \d+일 후/);
  expect(screen).toContain('2번 답함');
});

test('suspend and bury in review: the next new card comes in; the header, Home and `amgi status` say 20 (Korean)', async () => {
  const home = newHome();
  const t = await start({ home, cols: 80, rows: 24, bin: build.bin, args: ['--lang', 'ko'], env: { AMGI_NOW: NOW } });
  await t.waitFor('전체 덱');
  t.keys('Enter');
  let screen = await t.waitFor('가상 머신(Virtual Machine, VM)이란?');
  expect(screen).toContain('새 20 · 학습 0 · 복습 0');
  // s, then b: another card each time, and still 20 new (the limit counts cards introduced).
  for (const key of ['s', 'b']) {
    const before = screen.split('\n')[1];
    t.keys(key);
    screen = await t.waitFor((s: string) => s.split('\n')[1] !== before && s.includes('새 20 · 학습 0 · 복습 0'));
  }
  t.keys('q');
  screen = await t.waitFor('전체 덱');
  expect(screen).toMatch(/전체 덱\s+20\s+0\s+0/);
  const status = execFileSync(process.execPath, [build.bin, 'status', '--lang', 'ko'], { env: { ...process.env, AMGI_HOME: home, AMGI_NOW: NOW }, encoding: 'utf8' });
  expect(status).toMatch(/새 20 · 학습 0 · 복습 0/);
});
