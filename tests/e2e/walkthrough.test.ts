/**
 * Found walking through the built app in tmux: things only a real terminal shows (styles
 * that reach the screen). Run `npm run build` first (npm test does).
 */
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

// Any foreground/background colour: 30–37, 90–97, 40–47, 100–107, 38;… / 48;… (39/49 are resets).
const COLOUR = /\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|4[0-7]|10[0-7]|38|48)(?:;[0-9;]*)?m/;

test.each([
  ['--no-color', ['search', '--no-color'], {}],
  ['NO_COLOR=1', ['search'], { NO_COLOR: '1' }],
] as const)('%s: no colours, but the search match is still underlined', async (_name, args, env) => {
  const t = await start({ home: newHome(), cols: 80, rows: 24, bin: build.bin, args: [...args], env: { ...env, AMGI_NOW: '2025-03-03T09:00:00Z' } });
  await t.waitFor('type a word');
  t.text('레이어');
  await t.waitFor(/matches/);
  const styled = execFileSync('tmux', ['-L', t.socket, 'capture-pane', '-e', '-p', '-t', t.session], { encoding: 'utf8' });
  expect(styled).not.toMatch(COLOUR);
  // Before the fix, --no-color made chalk drop bold and underline as well: the match vanished.
  expect(styled).toContain('\x1b[4m');
});

test.each([['CI=true'], ['CONTINUOUS_INTEGRATION=1']] as const)('%s in the environment: the app still draws and takes keys', async (setting) => {
  // Ink renders once at exit and ignores input when it thinks it runs under CI; a developer's
  // shell (or this test suite under CI) must not turn amgi into a blank screen.
  const [name, value] = setting.split('=') as [string, string];
  const t = await start({ home: newHome(), cols: 80, rows: 24, bin: build.bin, args: [], env: { [name]: value, AMGI_NOW: '2025-03-03T09:00:00Z' } });
  await t.waitFor('All decks');
  t.keys('q');
  expect(await t.waitForExit()).toBe(0);
});
