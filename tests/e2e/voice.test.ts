/** Issue 15 in a real terminal: a usage error leaves the normal screen readable; a Korean locale speaks Korean. */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { e2eSessions } from '../helpers/e2e.js';
import { snapshotBuild } from '../helpers/tmux.js';

let build: ReturnType<typeof snapshotBuild>;
beforeAll(() => {
  build = snapshotBuild();
});
afterAll(() => build.cleanup());
const { newHome, start } = e2eSessions();
const NOW = '2026-12-03T10:00:00Z';

test('cram --until a past date: one line on the normal screen, exit 2, never the alternate screen', async () => {
  const t = await start({ home: newHome(), cols: 80, rows: 24, bin: build.bin, args: ['cram', '--until', '2020-01-01'], env: { AMGI_NOW: NOW } });
  expect(await t.waitForExit()).toBe(2);
  expect(t.format('#{alternate_on}')).toBe('0');
  // One line (wrapped at 80 columns) on the normal screen: no crash overlay, nothing else.
  // With the scrollback (-S) and wrapped lines joined (-J): tmux's pane-dead notice can scroll
  // the screen by a line.
  const all = execFileSync('tmux', ['-L', t.socket, 'capture-pane', '-p', '-J', '-S', '-100', '-t', t.session], { encoding: 'utf8' });
  const lines = all.split('\n').map((l) => l.trimEnd()).filter((l) => l && !l.startsWith('Pane is dead'));
  expect(lines).toEqual(['amgi: --until 2020-01-01 has passed (today is 2026-12-03); give the interview date']);
});

test.each([
  [80, 24],
  [40, 12],
])('a Korean locale at %i×%i: the screens and the usage errors are Korean', async (cols, rows) => {
  const home = newHome();
  const bad = await start({ home, cols, rows, bin: build.bin, args: ['review', '--deck', 'nope'], env: { AMGI_NOW: NOW, LANG: 'ko_KR.UTF-8' } });
  expect(await bad.waitForExit()).toBe(2);
  expect(bad.format('#{alternate_on}')).toBe('0');
  const said = (await bad.waitFor('virtualization)')).replace(/\n/g, '');
  expect(said).toMatch(/security, virtualization\)/);
  expect(said).not.toMatch(/no deck|decks:/);
  const t = await start({ home, cols, rows, bin: build.bin, args: ['stats'], env: { AMGI_NOW: NOW, LANG: 'ko_KR.UTF-8' } });
  const screen = await t.waitFor('통계');
  // Retention says it counts review cards only (walkthrough E22).
  expect(screen).toContain('기억률 – (복습 카드만 셈, 아직 없음)');
  expect(screen).not.toMatch(/Stats|Retention/);
});
