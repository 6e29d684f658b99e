/**
 * Keys typed while amgi starts (Home's early frame is up, Ink still loading) reach the app in
 * order, as typed; Ctrl+C then quits with the terminal's screen given back. Run `npm run build`
 * first (npm test does).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eSessions } from '../helpers/e2e.js';
import { snapshotBuild, type TmuxSession } from '../helpers/tmux.js';

let build: ReturnType<typeof snapshotBuild>;
beforeAll(() => {
  build = snapshotBuild();
});
afterAll(() => build.cleanup());

const { newHome, start: startSession } = e2eSessions();

/** A process's CPU time so far (user + system), from /proc. */
function cpuMs(pid: number): number {
  if (!existsSync(`/proc/${pid}/stat`)) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const start = (lang = 'en_US.UTF-8') => startSession({ home: newHome(), cols: 80, rows: 24, bin: build.bin, env: { AMGI_NOW: '2025-03-03T09:00:00Z', LANG: lang } });

describe('keys typed right after the start', () => {
  test('`j` Enter: the menu moves to Cram and opens it', async () => {
    const t = await start();
    t.keys('j', 'Enter');
    const screen = await t.waitFor('Weakest first');
    expect(screen).toMatch(/^Cram/);
  });

  test('`/` then 레이어: search opens with the query', async () => {
    const t = await start('ko_KR.UTF-8');
    t.text('/');
    t.text('레이어');
    // The query row, then the hits (the index is built when Search first opens).
    const screen = await t.waitFor((s) => /› 레이어\n/.test(s) && s.includes('이미지 레이어'));
    expect(screen.split('\n')[1]).toBe('› 레이어');
  });

  /** Not waitFor, which waits a moment more: the instant Home is seen (Ink may still be loading). */
  async function homeShown(t: TmuxSession) {
    for (const t0 = Date.now(); !t.capture().includes('Quit'); ) {
      if (Date.now() - t0 > 10_000) throw new Error(`no Home:\n${t.capture()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  test('Ctrl+C as soon as Home shows: amgi quits, the screen is the terminal own again', async () => {
    const t = await start();
    await homeShown(t);
    t.keys('C-c');
    // stdin is raw from the first frame on: the key reaches the app (a quit, 0), not the terminal (SIGINT, 130).
    expect(await t.waitForExit()).toBe(0);
    expect(t.format('#{alternate_on}')).toBe('0');
  });

  test('Ctrl+C while a long history is rebuilt (no state.bin): it stops amgi then and there (SIGINT), not once the app is up', async () => {
    const home = newHome();
    // 600k answers over 3k cards: a rebuild of more than a second of CPU, long before the first frame.
    const lines: string[] = [];
    const t0 = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 600_000; i++) {
      lines.push(JSON.stringify({ v: 1, id: `x${i}`, at: new Date(t0 + i * 60_000).toISOString(), op: 'answer', key: `k-${i % 3000}`, deck: 'd', grade: 3, ms: 3000, kind: 'review', reschedule: true }));
    }
    writeFileSync(join(home, 'reviews.jsonl'), `${lines.join('\n')}\n`);
    const t = await startSession({ home, cols: 80, rows: 24, bin: build.bin, env: { AMGI_NOW: '2025-03-03T09:00:00Z', LANG: 'en_US.UTF-8' } });
    // Wait by amgi's CPU time, not the clock (a loaded machine slows both sides alike): past
    // 300 ms node is up (under 150 ms) and the rebuild under way, with most of it still to go.
    // Before, stdin was raw by now and Ctrl+C a key.
    let pid = Number.NaN;
    for (const t1 = Date.now(); !(cpuMs(pid) >= 300); ) {
      if (Date.now() - t1 > 10_000) throw new Error(`amgi ${pid} used no CPU`);
      await new Promise((r) => setTimeout(r, 10));
      try {
        if (Number.isNaN(pid)) pid = t.pid();
      } catch {
        // Not started yet: pgrep finds no child of the pane's shell.
      }
    }
    expect(t.capture()).not.toContain('Quit');
    t.keys('C-c');
    // SIGINT reaches the whole foreground group, the test's wrapping shell too, so no exit status
    // is written: the pane dies by the signal. Before, amgi read Ctrl+C as a key once up: exit 0.
    expect(await t.shellSignal()).toBe(2);
    expect(t.capture()).not.toContain('Quit');
  });

  test('SIGTERM as soon as Home shows: the screen is given back too', async () => {
    const t = await start();
    await homeShown(t);
    process.kill(t.pid(), 'SIGTERM');
    expect(await t.waitForExit()).toBe(143);
    expect(t.format('#{alternate_on}')).toBe('0');
  });
});
