/**
 * Bookkeeping shared by the e2e tests: every amgi a test starts is stopped after it, every
 * temporary AMGI_HOME it makes is removed.
 */
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAmgi, type TmuxOptions, type TmuxSession } from './tmux.js';

/** The terminal sizes every screen is tried at: a usual one and a small one. */
export const TERMINAL_SIZES: [cols: number, rows: number][] = [
  [80, 24],
  [40, 12],
];

/** Call once at the top of a test file: registers the afterEach that cleans up. */
export function e2eSessions(): { newHome(prefix?: string): string; start(opts: TmuxOptions): Promise<TmuxSession> } {
  const sessions: TmuxSession[] = [];
  const homes: string[] = [];
  afterEach(async () => {
    // Stopped, not killed: stop() waits for amgi to exit, so nothing still writes into a home being removed.
    for (const s of sessions.splice(0)) await s.stop();
    // A killed amgi may still be writing its snapshot cache for a moment.
    for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });
  return {
    /** A fresh AMGI_HOME (never the real user folder), removed after the test. */
    newHome(prefix = 'amgi-e2e-') {
      const home = mkdtempSync(join(tmpdir(), prefix));
      homes.push(home);
      return home;
    },
    /** startAmgi, stopped after the test. */
    async start(opts) {
      const t = await startAmgi(opts);
      sessions.push(t);
      return t;
    },
  };
}
