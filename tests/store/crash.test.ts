/**
 * SIGKILL at random moments while a real child process answers (≥ 100 kills). After each
 * kill: the store opens, every answer whose "next card shown" marker was printed is in the
 * log, the state from snapshot + log tail equals a full rebuild from the log, and undoing the
 * newest answer gives exactly the replay of the log without it (reliability review 1c).
 */
import { expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { tmpHome } from '../helpers/tmpHome.js';
import { readLog } from '../../src/store/log.js';
import { rebuildLedger } from '../../src/store/ledgerStore.js';
import { ledgerContext } from '../../src/core/schedule/context.js';
import { replay } from '../../src/core/schedule/ledger.js';
import { cpSync, rmSync } from 'node:fs';
import { openProgress } from '../../src/store/progress.js';
import { deck } from './fixtures.js';
import { useWorker } from './worker.build.js';

const KILLS = 100;
const worker = useWorker();

/** Start a worker, kill it `delay` ms after its first answer, resolve with the ids it printed. */
function runAndKill(home: string, start: string, seed: number, delay: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker()], { env: { ...process.env, AMGI_HOME: home, WORKER_START: start, WORKER_SEED: String(seed) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!armed && out.includes('OK ')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`worker exited ${code}: ${err}`));
      // Only complete marker lines count: a line cut by the kill was not "shown".
      const ids = out.split('\n').slice(0, -1).filter((l) => l.startsWith('OK ')).map((l) => l.slice(3));
      resolve(ids);
    });
  });
}

/** One lane: `kills` rounds of run-kill-check on its own AMGI_HOME. */
async function lane(kills: number, seed0: number): Promise<number> {
  const { home, cleanup } = tmpHome('amgi-crash-');
  try {
    const decks = [deck('crash', 60, { reversible: 10 })];
    const printed: string[] = [];
    let seed = seed0;
    for (let k = 0; k < kills; k++) {
      seed = (seed * 48271) % 2147483647;
      const start = new Date(Date.UTC(2026, 0, 1) + k * 86_400_000).toISOString();
      printed.push(...(await runAndKill(home, start, seed, seed % 40)));
      const now = () => new Date(Date.UTC(2026, 0, 1) + (k + 1) * 86_400_000);
      const p = openProgress({ home, decks, now, fuzz: true });
      const ids = new Set(readLog(home).entries.map((e) => e.id));
      for (const id of printed) expect(ids.has(id), `answer ${id} printed before kill ${k} is missing`).toBe(true);
      // Snapshot + tail must equal a replay of the whole log.
      const ctx = ledgerContext(p.settings, true);
      const full = rebuildLedger(home, ctx).ledger;
      const view = (m: Map<string, object>) => Object.fromEntries([...m].map(([key, s]) => [key, { ...s }]));
      expect(view(p.ledger.items)).toEqual(view(full.items));
      // Undo still works after the kill: on a copy, undo the newest answer still in effect; the
      // card equals the replay of the log without that answer.
      const copy = `${home}-undo`;
      cpSync(home, copy, { recursive: true });
      const q = openProgress({ home: copy, decks, now, fuzz: true });
      const entries = readLog(copy).entries;
      const undone = new Set(entries.flatMap((e) => (e.op === 'undo' ? [e.target] : [])));
      const target = entries.findLast((e) => e.op === 'answer' && !undone.has(e.id));
      if (target && target.op === 'answer') {
        q.undoEntry(target.id, target.key);
        const expected = replay(entries.filter((e) => e.id !== target.id), ctx).items.get(target.key);
        expect(q.state(target.key), `undo of ${target.id} after kill ${k}`).toEqual(expected);
      }
      q.close();
      rmSync(copy, { recursive: true, force: true });
      if (k % 2) p.close(); // every other round leaves only the log tail for the next open to replay
    }
    return printed.length;
  } finally {
    cleanup();
  }
}

test(`SIGKILL ${KILLS} times while answering: nothing shown is lost, the store always opens consistent`, async () => {
  // Two lanes in parallel (two cores), each with its own home.
  const counts = await Promise.all([lane(KILLS / 2, 7), lane(KILLS / 2, 11)]);
  for (const n of counts) expect(n).toBeGreaterThan(KILLS / 2);
}, 120_000);
