/**
 * Issue 17: sync and Anki packages, as a user runs them (the built CLI, child processes).
 *   - open with sync on at 3 devices × 100k entries (1,000 cards): the first open (merging
 *     200k entries from the two other device files, exporting this one's 100k) and then
 *     `amgi status` opening the store (status cache removed before each run: the open is timed)
 *   - export of every bundled deck to .apkg; import of a 10k-note .colpkg
 * Wall time and peak RSS from /usr/bin/time; medians of 5.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { strToU8, zipSync } from 'fflate';
import { SCHEMA11 } from '../src/store/ankiPackage.js';
import { saveSyncDir } from '../src/store/syncConfig.js';
import { deviceHeader } from '../src/store/syncFolder.js';
import { BIN, fmt, median, table } from './lib.js';

const DAY = 86_400_000;
const END = Date.UTC(2026, 2, 1, 3);
const CARDS = 1000;
/** Entries per device file (a multiple of CARDS): AMGI_BENCH_SYNC_PER_DEVICE=333000 is the 1M-entry union of the sync issue. */
const PER_DEVICE = Number(process.env.AMGI_BENCH_SYNC_PER_DEVICE ?? 100_000);
const RUNS = 5;

/** Wall ms and peak RSS (MB) of one CLI run. */
function timed(args: string[], env: Record<string, string>): { ms: number; rss: number; out: string } {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m || (r.status !== 0 && r.status !== 1)) throw new Error(`amgi ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms: Number(m[1]) * 1000, rss: Number(m[2]) / 1024, out: r.stdout };
}

function deckFile(dir: string): void {
  const cards = Array.from({ length: CARDS }, (_, i) => ({ id: `s-${String(i).padStart(5, '0')}`, type: 'basic', front: `질문 ${i}: what does this do?`, back: `답 ${i}` }));
  writeFileSync(join(dir, 's.json'), JSON.stringify({ id: 's', title: 'Sync bench', description: 'synthetic', language: 'ko', cards }));
}

/** `n` answers of device `d`, spread over 400 days, every card in time order. */
function lines(d: number, n: number): string[] {
  const out: string[] = [];
  let seed = 7 + d;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const per = n / CARDS;
  for (let r = 0; r < per; r++) {
    for (let c = 0; c < CARDS; c++) {
      const at = END - 400 * DAY + Math.floor(((r + (d + rand()) / 3.1) / per) * 400 * DAY);
      const id = `${at.toString(36).padStart(9, '0')}-${d}${(r * CARDS + c).toString(16).padStart(9, '0')}`;
      out.push(JSON.stringify({ v: 1, id, at: new Date(at).toISOString(), op: 'answer', key: `s-${String(c).padStart(5, '0')}`, deck: 's', grade: 1 + Math.floor(rand() * 4), ms: 4000, kind: 'review', reschedule: true }));
    }
  }
  return out;
}

function syncOpen(): void {
  const root = mkdtempSync(join(tmpdir(), 'amgi-syncbench-'));
  try {
    const home = join(root, 'home');
    const folder = join(root, 'folder');
    const decks = join(root, 'decks');
    mkdirSync(folder);
    mkdirSync(decks);
    mkdirSync(home);
    deckFile(decks);
    writeFileSync(join(home, 'reviews.jsonl'), `${lines(0, PER_DEVICE).join('\n')}\n`);
    for (const d of [1, 2]) writeFileSync(join(folder, `dev${d}-000000.jsonl`), `${[deviceHeader(`dev${d}-000000`, `dev${d}`), ...lines(d, PER_DEVICE)].join('\n')}\n`);
    saveSyncDir(home, folder);
    const env = { AMGI_HOME: home, AMGI_NOW: new Date(END + 12 * 3_600_000).toISOString() };
    const first = timed(['status', '--decks', decks], env);
    const second = timed(['status', '--decks', decks], env);
    const opens: { ms: number; rss: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const f of readdirSync(join(home, 'cache'))) if (f.startsWith('status-')) rmSync(join(home, 'cache', f));
      opens.push(timed(['status', '--decks', decks], env));
    }
    const off = { AMGI_HOME: home, AMGI_SYNC_DIR: '', AMGI_NOW: env.AMGI_NOW };
    saveSyncDir(home, undefined);
    const offs: { ms: number; rss: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const f of readdirSync(join(home, 'cache'))) if (f.startsWith('status-')) rmSync(join(home, 'cache', f));
      offs.push(timed(['status', '--decks', decks], off));
    }
    table(`Open with sync on: 3 devices × ${PER_DEVICE / 1000}k entries, ${CARDS} cards (\`amgi status\`, status cache removed; median of ${RUNS})`, ['run', 'wall ms', 'target', 'peak RSS'], [
      [`first open: merge ${(2 * PER_DEVICE) / 1000}k entries, export ${PER_DEVICE / 1000}k, replay, snapshot`, fmt(first.ms), '—', `${first.rss.toFixed(0)} MB`],
      ['second open (state.bin written by the first)', fmt(second.ms), '≤ 500', `${second.rss.toFixed(0)} MB`],
      ['open, sync on, nothing new', fmt(median(opens.map((o) => o.ms))), '≤ 500', `${median(opens.map((o) => o.rss)).toFixed(0)} MB`],
      ['open, same store, sync off', fmt(median(offs.map((o) => o.ms))), '—', `${median(offs.map((o) => o.rss)).toFixed(0)} MB`],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function bigColpkg(file: string, notes: number): Promise<void> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(SCHEMA11);
  const models = { '1': { id: 1, name: 'Basic', type: 0, flds: [{ name: 'Front' }, { name: 'Back' }], tmpls: [{ qfmt: '{{Front}}' }] } };
  db.run("INSERT INTO col VALUES (1, 1600000000, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')", [JSON.stringify(models), JSON.stringify({ '1': { id: 1, name: 'Big' } })]);
  db.run('BEGIN');
  const n = db.prepare("INSERT INTO notes VALUES (?, ?, 1, 0, 0, ' bench ', ?, '', 0, 0, '')");
  const c = db.prepare("INSERT INTO cards VALUES (?, ?, 1, 0, 0, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  for (let i = 0; i < notes; i++) {
    n.run([1000 + i, `g${i}`, `<div>컨테이너 질문 <b>${i}</b>: what does <code>docker run -p ${i}:80</code> do?</div>\x1f<ul><li>답 ${i}</li><li>port ${i}</li></ul>`]);
    c.run([100000 + i, 1000 + i, i]);
  }
  n.free();
  c.free();
  db.run('COMMIT');
  writeFileSync(file, zipSync({ 'collection.anki2': db.export(), media: strToU8('{}') }));
  db.close();
}

async function anki(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'amgi-apkgbench-'));
  try {
    const home = join(root, 'home');
    const env = { AMGI_HOME: home };
    const exports = Array.from({ length: RUNS + 1 }, () => timed(['export', '--format', 'apkg', '--out', join(root, 'all.apkg')], env)).slice(1);
    const file = join(root, 'big.colpkg');
    await bigColpkg(file, 10_000);
    const imports = Array.from({ length: RUNS + 1 }, () => timed(['import', file, '--deck', 'big', '--yes'], env)).slice(1);
    table(`Anki packages (built CLI; median of ${RUNS} after one warm-up)`, ['command', 'wall ms', 'peak RSS'], [
      ['export --format apkg, every bundled deck', fmt(median(exports.map((e) => e.ms))), `${median(exports.map((e) => e.rss)).toFixed(0)} MB`],
      ['import a 10k-note .colpkg', fmt(median(imports.map((e) => e.ms))), `${median(imports.map((e) => e.rss)).toFixed(0)} MB`],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

syncOpen();
// AMGI_BENCH_SYNC_ONLY=1: the open only (the Anki cases do not depend on the history's size).
if (!process.env.AMGI_BENCH_SYNC_ONLY) await anki();
