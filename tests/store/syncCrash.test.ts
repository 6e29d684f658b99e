/**
 * SIGKILL with sync on: while answering (a kill can land between the local append, the export
 * to the device file and the sync state), and while `amgi sync --dir` / `--off` turn it on and
 * off under a window that keeps answering. No answer shown is ever lost, and once a step
 * completes the device file holds every local answer exactly once.
 */
import { expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { BIN } from '../helpers/cli.js';
import { readLog } from '../../src/store/log.js';
import { readSyncConfig, saveSyncDir } from '../../src/store/syncConfig.js';
import { syncStep } from '../../src/store/syncFolder.js';
import { useWorker } from './worker.build.js';

const worker = useWorker();

function startWorker(home: string, start: string, seed: number): { child: ChildProcess; printed: () => string[]; done: Promise<void> } {
  const child = spawn(process.execPath, [worker()], { env: { ...process.env, AMGI_HOME: home, AMGI_SYNC_DIR: '', WORKER_START: start, WORKER_SEED: String(seed) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Only complete marker lines count: a line cut by the kill was not "shown".
  return { child, done, printed: () => out.split('\n').slice(0, -1).filter((l) => l.startsWith('OK ')).map((l) => l.slice(3)) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deviceIds(folder: string, device: string): string[] {
  const lines = readFileSync(join(folder, `${device}.jsonl`), 'utf8').split('\n').filter(Boolean);
  return lines.flatMap((l) => {
    try {
      const e = JSON.parse(l) as { id?: string; amgi?: string };
      return e.amgi ? [] : [e.id!];
    } catch {
      return [];
    }
  });
}

function checkExportedOnce(home: string, folder: string): void {
  const device = readSyncConfig(home).device!;
  const r = syncStep(home, { env: {} });
  expect(r?.busy).toBeUndefined();
  const exported = deviceIds(folder, device);
  expect(new Set(exported).size, 'an entry written twice to the device file').toBe(exported.length);
  expect(new Set(exported)).toEqual(new Set(readLog(home).entries.map((e) => e.id)));
}

test('SIGKILL while answering with sync on: nothing shown is lost, each answer reaches the device file once', async () => {
  const { home, cleanup } = tmpHome('amgi-synccrash-');
  try {
    const folder = join(home, 'folder');
    mkdirSync(folder);
    saveSyncDir(home, folder);
    const printed: string[] = [];
    let seed = 5;
    for (let k = 0; k < 24; k++) {
      seed = (seed * 48271) % 2147483647;
      const w = startWorker(home, new Date(Date.UTC(2026, 0, 1) + k * 86_400_000).toISOString(), seed);
      while (w.printed().length === 0) await sleep(5);
      await sleep(seed % 60);
      w.child.kill('SIGKILL');
      await w.done;
      printed.push(...w.printed());
      const ids = new Set(readLog(home).entries.map((e) => e.id));
      for (const id of printed) expect(ids.has(id), `answer ${id} printed before kill ${k} is missing`).toBe(true);
      if (k % 3 === 2) checkExportedOnce(home, folder);
    }
    checkExportedOnce(home, folder);
    expect(printed.length).toBeGreaterThan(24);
  } finally {
    cleanup();
  }
}, 120_000);

test('SIGKILL during `amgi sync --dir` and `--off` while a window answers: no answer lost, the device file complete after', async () => {
  const { home, cleanup } = tmpHome('amgi-synconoff-');
  try {
    const folder = join(home, 'folder');
    mkdirSync(folder);
    const printed: string[] = [];
    let seed = 9;
    for (let k = 0; k < 16; k++) {
      seed = (seed * 48271) % 2147483647;
      const w = startWorker(home, new Date(Date.UTC(2026, 0, 1) + k * 86_400_000).toISOString(), seed);
      while (w.printed().length === 0) await sleep(5);
      const args = k % 3 === 2 ? ['sync', '--off'] : ['sync', '--dir', folder];
      const s = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, AMGI_HOME: home, AMGI_SYNC_DIR: '' }, stdio: 'ignore' });
      const sDone = new Promise<void>((r) => s.on('exit', () => r()));
      // Node starts in ~60–100 ms: kills from before the step to after it.
      await sleep(40 + (seed % 160));
      s.kill('SIGKILL');
      await sDone;
      w.child.kill('SIGKILL');
      await w.done;
      printed.push(...w.printed());
      const ids = new Set(readLog(home).entries.map((e) => e.id));
      for (const id of printed) expect(ids.has(id), `answer ${id} printed before kill ${k} is missing`).toBe(true);
    }
    saveSyncDir(home, folder);
    checkExportedOnce(home, folder);
  } finally {
    cleanup();
  }
}, 120_000);
