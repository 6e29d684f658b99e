/** Issue 7: parsing notes, exporting, reading progress files; and `amgi import` wall time (merges at scale: trust.bench.ts). */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, fmt, median, table, timeCommand, timeFn } from './lib.js';
import { parseMarkdown } from '../src/core/import/markdown.js';
import { parseAnki } from '../src/core/import/anki.js';
import { buildDeck } from '../src/core/import/deck.js';
import { decksToAnki } from '../src/core/export/anki.js';
import { formatProgress, parseProgress } from '../src/core/sync/progressFile.js';
import { parseEntry } from '../src/store/log.js';
import type { LogEntry } from '../src/core/schedule/types.js';

const RUNS = 9;
const seedsDir = join(ROOT, '..', 'shared', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedsDir, f), 'utf8'));
const meta = { id: 'bench', title: 'b', description: 'b' };

// 10,000 study-note cards (≈ 1 MB of Markdown) and the same as an Anki export.
const md = Array.from({ length: 1000 }, (_, h) => `## 주제 ${h}\n\n${Array.from({ length: 10 }, (_, i) => `- **용어 ${h}-${i}** - 컨테이너와 이미지에 관한 설명 ${i}, 커널을 공유하는 격리된 프로세스`).join('\n')}\n`).join('\n');
const big = buildDeck(parseMarkdown(md), meta).deck;
const anki = decksToAnki([big]);

const entries = (prefix: string, n: number): LogEntry[] =>
  Array.from({ length: n }, (_, i) => ({ v: 1, id: `${prefix}${i.toString(36).padStart(6, '0')}`, at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), op: 'answer', key: `bench-${i % 500}`, deck: 'bench', grade: 3, ms: 4000, kind: 'review', reschedule: true }));
const a = entries('a', 100_000);
const b = [...entries('b', 100_000), ...a.slice(0, 50_000)];
const file = formatProgress(b);

const rows: (string | number)[][] = [
  ['parse + build the 5 seed notes', fmt(median(timeFn(() => seeds.forEach((s) => buildDeck(parseMarkdown(s), meta)), RUNS))), `${seeds.length} files`],
  ['Markdown → deck, 10k cards', fmt(median(timeFn(() => buildDeck(parseMarkdown(md), meta), RUNS))), `${(md.length / 1e6).toFixed(2)} M chars`],
  ['Anki TSV → deck, 10k notes', fmt(median(timeFn(() => buildDeck(parseAnki(anki), meta), RUNS))), `${(anki.length / 1e6).toFixed(2)} M chars`],
  ['deck → Anki TSV, 10k cards', fmt(median(timeFn(() => decksToAnki([big]), RUNS))), ''],
  ['parse progress file, 150k entries', fmt(median(timeFn(() => parseProgress(file, 'p', parseEntry), 5))), `${(file.length / 1e6).toFixed(1)} MB`],
];
table(`Import / export / merge, in process (median, ms)`, ['operation', 'median ms', 'input'], rows);

const home = mkdtempSync(join(tmpdir(), 'amgi-bench-import-'));
try {
  const src = join(home, 'notes.md');
  writeFileSync(src, md);
  const env = { AMGI_HOME: home };
  const seed = join(seedsDir, readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()[0]!);
  const cli: (string | number)[][] = [
    ['amgi import SEED --yes', fmt(median(timeCommand(process.execPath, [BIN, 'import', seed, '--yes'], RUNS, env)))],
    ['amgi import notes.md --yes (10k cards)', fmt(median(timeCommand(process.execPath, [BIN, 'import', src, '--yes'], 5, env)))],
    ['amgi export --format anki (all decks)', fmt(median(timeCommand(process.execPath, [BIN, 'export', '--format', 'anki', '--out', join(home, 'o.txt')], RUNS, env)))],
  ];
  table('Import / export commands, wall time (median, ms)', ['command', 'median ms'], cli);
} finally {
  rmSync(home, { recursive: true, force: true });
}
