/** Two terminals answering at the same time into one AMGI_HOME: 600 answers in, 600 kept. */
import { expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { tmpHome } from '../helpers/tmpHome.js';
import { readLog } from '../../src/store/log.js';
import { openProgress } from '../../src/store/progress.js';
import { deck } from './fixtures.js';
import { useWorker } from './worker.build.js';

const worker = useWorker();

function run(home: string, seed: number, count: number): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    // The workers undo now and then; WORKER_NO_UNDO keeps every answer so the count is exact.
    const child = spawn(process.execPath, [worker()], { env: { ...process.env, AMGI_HOME: home, WORKER_START: '2026-03-02T01:00:00Z', WORKER_SEED: String(seed), WORKER_COUNT: String(count), WORKER_NO_UNDO: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

test('two processes, 300 answers each, at the same time: all 600 kept and seen', async () => {
  const { home, cleanup } = tmpHome('amgi-two-');
  try {
    const [a, b] = await Promise.all([run(home, 3, 300), run(home, 5, 300)]);
    expect(a.err + b.err).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    const answers = readLog(home).entries.filter((e) => e.op === 'answer');
    expect(answers).toHaveLength(600);
    expect(new Set(answers.map((e) => e.id)).size).toBe(600);
    // Whichever finished last saw the other's answers too.
    const done = [a.out, b.out].map((o) => Number(/DONE (\d+)/.exec(o)![1]));
    expect(Math.max(...done)).toBe(600);
    const p = openProgress({ home, decks: [deck('crash', 60, { reversible: 10 })], now: () => new Date('2026-03-03T12:00:00Z'), fuzz: true });
    expect([...p.ledger.days.values()].reduce((n, d) => n + d.n, 0)).toBe(600);
    expect(p.notices).toEqual([]);
  } finally {
    cleanup();
  }
}, 60_000);
