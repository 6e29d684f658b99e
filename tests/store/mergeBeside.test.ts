/**
 * Reliability review F2: `amgi import --progress` while another terminal answers. The log is
 * only appended to, so every answer the answering process printed as saved is in it, whatever
 * the imports merge meanwhile (here: older histories of the same cards, which refold them).
 */
import { expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { BIN } from '../helpers/cli.js';
import { readLog } from '../../src/store/log.js';
import { formatProgress } from '../../src/core/sync/progressFile.js';
import type { AnswerEntry, Grade } from '../../src/core/schedule/types.js';
import { useWorker } from './worker.build.js';

const worker = useWorker();
const ROUNDS = 12;

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/** An older history of the worker's cards, as another machine would export it. */
function olderHistory(dir: string, round: number): string {
  const entries: AnswerEntry[] = [];
  for (let i = 0; i < 40; i++) {
    const at = Date.UTC(2025, 11, 1) + (round * 40 + i) * 3_600_000;
    entries.push({ v: 1, id: `old-${round}-${i}`, at: new Date(at).toISOString(), op: 'answer', key: `crash-${String(i % 60).padStart(4, '0')}`, deck: 'crash', grade: ((i % 4) + 1) as Grade, ms: 1000, kind: 'review', reschedule: true });
  }
  const file = join(dir, `older-${round}.jsonl`);
  writeFileSync(file, formatProgress(entries));
  return file;
}

test(`imports of older histories beside an answering process, ${ROUNDS} rounds: no answer shown as saved is lost`, async () => {
  const { home, cleanup } = tmpHome('amgi-merge-beside-');
  try {
    const files = Array.from({ length: ROUNDS }, (_, r) => olderHistory(home, r));
    const answering = run(process.execPath, [worker()], { AMGI_HOME: home, WORKER_START: '2026-03-02T01:00:00Z', WORKER_SEED: '5', WORKER_COUNT: '300', WORKER_NO_UNDO: '1' });
    const imports: { code: number | null; err: string }[] = [];
    for (const f of files) imports.push(await run(process.execPath, [BIN, 'import', '--progress', f], { AMGI_HOME: home }));
    const a = await answering;
    expect(a.err).toBe('');
    for (const r of imports) expect(r.code, r.err).toBe(0);
    const printed = a.out.split('\n').filter((l) => l.startsWith('OK ')).map((l) => l.slice(3));
    expect(printed.length).toBe(300);
    const ids = new Set(readLog(home).entries.map((e) => e.id));
    const lost = printed.filter((id) => !ids.has(id));
    expect(lost).toEqual([]);
    for (let r = 0; r < ROUNDS; r++) expect(ids.has(`old-${r}-0`)).toBe(true);
  } finally {
    cleanup();
  }
}, 120_000);
