/**
 * Progress you can trust, at a 1M-entry history (10k cards × 100 answers): what it costs to
 * export and merge it (wall, peak RSS), to merge 1,000 older entries into it, to rebuild it
 * from the log alone, and to open it after the log was damaged. Every step is the real `amgi`
 * command in a child process, timed with /usr/bin/time for the peak RSS.
 * Targets (issue): merge 1k older into 1M ≤ 200 ms; full rebuild ≤ 3 s; export and merge
 * under 300 MB RSS.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProgress } from '../src/core/sync/progressFile.js';
import type { AnswerEntry, Grade } from '../src/core/schedule/types.js';
import { BIN, fmt, median, table } from './lib.js';

const CARDS = 10_000;
const PER = 100;
const END = Date.UTC(2026, 2, 1, 3);
const NOW = new Date(END + 12 * 3_600_000).toISOString();
const cardId = (i: number) => `b-${String(i).padStart(6, '0')}`;

function writeHistory(home: string): void {
  mkdirSync(home, { recursive: true });
  const fd = openSync(join(home, 'reviews.jsonl'), 'w');
  let seed = 42;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const span = 400 * 86_400_000;
  let buf: string[] = [];
  for (let r = 0; r < PER; r++) {
    for (let c = 0; c < CARDS; c++) {
      const at = END - span + Math.floor(((r + (c / CARDS) * 0.9) / PER) * span);
      const e: AnswerEntry = { v: 1, id: `g${r * CARDS + c}`, at: new Date(at).toISOString(), op: 'answer', key: cardId(c), deck: 'b', grade: (rand() < 0.1 ? 1 : 3) as Grade, ms: 4000, kind: 'review', reschedule: true };
      buf.push(JSON.stringify(e));
      if (buf.length >= 20_000) {
        writeSync(fd, `${buf.join('\n')}\n`);
        buf = [];
      }
    }
  }
  if (buf.length) writeSync(fd, `${buf.join('\n')}\n`);
  closeSync(fd);
}

/** Wall ms and peak RSS (MB) of one `amgi` run. */
function timed(args: string[], home: string): { ms: number; rss: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { env: { ...process.env, AMGI_HOME: home, AMGI_NOW: NOW }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`amgi ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').at(-1));
  return { ms, rss: kb / 1024 };
}

const root = mkdtempSync(join(tmpdir(), 'amgi-trust-bench-'));
try {
  const RUNS = 3;
  const base = join(root, 'base');
  writeHistory(base);
  const rows: (string | number)[][] = [];
  const row = (label: string, xs: { ms: number; rss: number }[], target: string) => rows.push([label, fmt(median(xs.map((x) => x.ms))), `${Math.max(...xs.map((x) => x.rss)).toFixed(0)} MB`, target]);

  // Full rebuild: no state.bin, no index.bin (an upgrade, a lost snapshot). `status` needs no deck to rebuild.
  const rebuild: { ms: number; rss: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const h = join(root, `rebuild-${i}`);
    mkdirSync(h);
    copyFileSync(join(base, 'reviews.jsonl'), join(h, 'reviews.jsonl'));
    rebuild.push(timed(['status'], h));
    if (i === 0) cpSync(h, join(root, 'built'), { recursive: true }); // a home with state.bin
    rmSync(h, { recursive: true, force: true });
  }
  row('full rebuild of 1M entries (amgi status, no state.bin)', rebuild, '≤ 3,000 ms');
  const built = join(root, 'built');

  // Export the whole history.
  const out = join(root, 'all.jsonl');
  const exports = Array.from({ length: RUNS }, () => timed(['export', '--progress', out], built));
  row(`export --progress, 1M entries (${(statSync(out).size / 1048576).toFixed(0)} MB file)`, exports, '< 300 MB RSS');

  // Merge it into an empty home (a new machine), and again (nothing new).
  const merges: { ms: number; rss: number }[] = [];
  const again: { ms: number; rss: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const h = join(root, `merge-${i}`);
    merges.push(timed(['import', '--progress', out], h));
    again.push(timed(['import', '--progress', out], h));
    rmSync(h, { recursive: true, force: true });
  }
  row('import --progress of that file into an empty home', merges, '< 300 MB RSS');
  row('the same import again (nothing new)', again, '< 300 MB RSS');

  // 1,000 older entries (another machine's, a month back) into the 1M home with its snapshot and index.
  const older: AnswerEntry[] = Array.from({ length: 1000 }, (_, i) => ({ v: 1, id: `older-${i}`, at: new Date(END - 30 * 86_400_000 + i * 60_000).toISOString(), op: 'answer', key: cardId((i * 7) % CARDS), deck: 'b', grade: 3, ms: 3000, kind: 'review', reschedule: true }));
  const olderFile = join(root, 'older.jsonl');
  writeFileSync(olderFile, formatProgress(older));
  // One of them alone: what a merge costs whatever it brings (node, loading, index.bin and
  // state.bin read and written), so that the part proportional to what arrived shows.
  const oneFile = join(root, 'one-older.jsonl');
  writeFileSync(oneFile, formatProgress(older.slice(0, 1)));
  const mergeInto = (file: string) => {
    const times: { ms: number; rss: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const h = join(root, `small-${i}`);
      cpSync(built, h, { recursive: true });
      // The copy's 170 MB of dirty pages are not the merge's: unflushed, the merge's one fsync of
      // the log wrote them out (≈ 60 ms of its time, measured), which a user's settled log never costs.
      spawnSync('sync');
      times.push(timed(['import', '--progress', file], h));
      rmSync(h, { recursive: true, force: true });
    }
    return times;
  };
  row('merge 1,000 older entries into the 1M history', mergeInto(olderFile), '≤ 200 ms');
  row('merge 1 older entry into the 1M history (the fixed part)', mergeInto(oneFile), '');

  // Open after the log was cut in half under its snapshot (recovery writes a new log).
  const damaged: { ms: number; rss: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const h = join(root, `damaged-${i}`);
    cpSync(built, h, { recursive: true });
    truncateSync(join(h, 'reviews.jsonl'), Math.floor(statSync(join(h, 'reviews.jsonl')).size / 2));
    damaged.push(timed(['status'], h));
    rmSync(h, { recursive: true, force: true });
  }
  row('open after a damaged log (cut in half): report, move aside, recover', damaged, '');

  // For scale, in the same run.
  const node = Array.from({ length: RUNS }, () => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rss: 0 };
  });
  row('node -e 0', node, '');
  table(`Trust at 1M entries (10k cards × 100 answers): median of ${RUNS}, peak RSS of the runs`, ['case', 'median ms', 'peak RSS', 'target'], rows);
} finally {
  rmSync(root, { recursive: true, force: true });
}
