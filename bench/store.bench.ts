/**
 * Issue 3: the progress store against the naive design (one conf file holding every card
 * state and the whole history, `conf.set` per answer), measured in the same run.
 *   - grade → durable → next card ready (median), 10k cards / 100k reviews and 100k / 1M
 *     (with issue 14's load balancing: the session picks each review's day)
 *   - queue build with the collection-wide limits and curriculum order; Home's counts
 *   - a simulated year with and without load balancing: max / mean of daily reviews, retention
 *   - start-up load and its RSS at 100k cards / 1M reviews (child processes)
 *   - `amgi status` wall time with 10k cards against `node -e 0`
 * Synthetic data is written directly as JSONL. `node store.bench.mjs child …` is the child side.
 */
import Conf from 'conf';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedDeck } from '../src/core/deck/types.js';
import { ledgerContext } from '../src/core/schedule/context.js';
import { newMemory } from '../src/core/schedule/fsrs.js';
import { simulate } from '../src/core/schedule/simulate.js';
import { DEFAULT_SETTINGS, type Grade } from '../src/core/schedule/types.js';
import { deckSources } from '../src/store/deckFiles.js';
import { openProgress } from '../src/store/progress.js';
import { statusCachePath, statusKey } from '../src/store/statusCache.js';
import { BIN, fmt, median, ROOT, table, timeCommandsInTurns, timeFn } from './lib.js';

/**
 * This bundle, copied where other benches cannot delete it mid-run (bench.mjs clears
 * dist-bench/) yet still inside the repo, so its external packages resolve from node_modules.
 */
const SELF = process.argv[2] === 'child' ? fileURLToPath(import.meta.url) : join(ROOT, 'node_modules', '.cache', `amgi-store-bench-${process.pid}.mjs`);
if (process.argv[2] !== 'child') {
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  copyFileSync(fileURLToPath(import.meta.url), SELF);
}
const DAY = 86_400_000;
/** The synthetic history ends here; the benchmark clock is a little later. */
const END = Date.UTC(2026, 2, 1, 3);
const NOW = () => new Date(END + 12 * 3_600_000);

const cardId = (i: number) => `b-${String(i).padStart(6, '0')}`;

function benchDeck(cards: number): LoadedDeck {
  const list = [];
  for (let i = 0; i < cards; i++) list.push({ id: cardId(i), type: 'basic' as const, front: `컨테이너 질문 ${i}: what does this do?`, back: `답 ${i}` });
  return { deck: { id: 'b', title: 'Bench', description: 'synthetic bench deck', language: 'ko', cards: list }, file: 'b.json', origin: 'dir', contentHash: 'x' };
}

/** Reviews spread over the cards, in time order; every card gets reviews/cards of them. */
function* history(cards: number, reviews: number): Generator<{ key: string; at: number; grade: Grade; i: number }> {
  const per = Math.max(1, Math.round(reviews / cards));
  const span = 400 * DAY;
  let seed = 42;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let r = 0; r < per; r++) {
    for (let c = 0; c < cards; c++) {
      const i = r * cards + c;
      // Rounds of reviews march forward in time, so every card's own reviews are in order.
      const at = END - span + Math.floor(((r + rand() * 0.9) / per) * span);
      yield { key: cardId(c), at, grade: (rand() < 0.1 ? 1 : rand() < 0.15 ? 2 : rand() < 0.9 ? 3 : 4) as Grade, i };
    }
  }
}

function writeLog(home: string, cards: number, reviews: number): void {
  mkdirSync(home, { recursive: true });
  const fd = openSync(join(home, 'reviews.jsonl'), 'w');
  let buf: string[] = [];
  const entries = [...history(cards, reviews)].sort((a, b) => a.at - b.at);
  for (const h of entries) {
    buf.push(JSON.stringify({ v: 1, id: `g${h.i}`, at: new Date(h.at).toISOString(), op: 'answer', key: h.key, deck: 'b', grade: h.grade, ms: 4000, kind: 'review', reschedule: true }));
    if (buf.length >= 20_000) {
      writeSync(fd, buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) writeSync(fd, buf.join('\n') + '\n');
  closeSync(fd);
}

/** The naive layout: one conf file with every card state and the whole history. */
function writeNaive(dir: string, cards: number, reviews: number): void {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, 'naive.json'), 'w');
  const st = JSON.stringify({ ...newMemory(), st: 2, s: 12.3, d: 5.1, due: END + 5 * DAY, last: END - 7 * DAY });
  writeSync(fd, '{"cards":{');
  for (let c = 0; c < cards; c++) writeSync(fd, `${c ? ',' : ''}"${cardId(c)}":${st}`);
  writeSync(fd, '},"history":[');
  let first = true;
  let buf: string[] = [];
  for (const h of history(cards, reviews)) {
    buf.push(JSON.stringify({ key: h.key, rating: h.grade, review: new Date(h.at).toISOString(), ms: 4000 }));
    if (buf.length >= 20_000) {
      writeSync(fd, (first ? '' : ',') + buf.join(','));
      first = false;
      buf = [];
    }
  }
  if (buf.length) writeSync(fd, (first ? '' : ',') + buf.join(','));
  writeSync(fd, ']}');
  closeSync(fd);
}

function naiveConf(dir: string) {
  return new Conf<Record<string, unknown>>({ projectName: 'amgi-naive', projectSuffix: '', cwd: dir, configName: 'naive' });
}

// ---------------------------------------------------------------- child side
if (process.argv[2] === 'child') {
  const [, , , mode, home, cardsArg] = process.argv;
  const cards = Number(cardsArg);
  const deck = benchDeck(cards);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (mode === 'load') {
    const p = openProgress({ home: home!, decks: [deck], now: NOW, fuzz: true });
    p.startReview().current();
  } else if (mode === 'naive-load') {
    const c = naiveConf(home!);
    const states = c.get('cards') as Record<string, unknown>;
    if (!states[cardId(0)]) throw new Error('naive store empty');
  }
  const ms = performance.now() - t0;
  // CPU time beside wall time: on a shared machine the wall time also counts other processes.
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ ms, cpu: (cpu.user + cpu.system) / 1000, rss: process.memoryUsage().rss }));
  process.exit(0);
}

function child(mode: string, home: string, cards: number, runs: number): { ms: number; cpu: number; rss: number } {
  const ms: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', SELF, 'child', mode, home, String(cards)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`child ${mode} failed: ${r.stderr}`);
    const j = JSON.parse(r.stdout);
    ms.push(j.ms);
    cpu.push(j.cpu);
    rss.push(j.rss);
  }
  return { ms: median(ms), cpu: median(cpu), rss: median(rss) };
}

/** Median of grade → durable → next card ready over `n` answers of a real review session. */
function answerLatency(home: string, cards: number, n: number): number {
  const deck = benchDeck(cards);
  let t = NOW().getTime();
  const p = openProgress({ home, decks: [deck], now: () => new Date(t), fuzz: true });
  const s = p.startReview();
  const grades: Grade[] = [3, 3, 4, 1, 3, 2];
  let i = 0;
  const times = timeFn(() => {
    s.answer(grades[i++ % grades.length]!, 3000);
    if (!s.current()) throw new Error('session ran out of cards');
    t += 5000;
  }, n);
  p.close();
  return median(times);
}

/**
 * Median ms to build today's all-decks queue (issue 14: total limits, curriculum order) and to
 * count Home's rows (one queue per scope), on an opened store.
 */
function queueBuild(home: string, cards: number, n: number): { queue: number; counts: number } {
  const p = openProgress({ home, decks: [benchDeck(cards)], now: NOW, fuzz: true });
  const items = p.items();
  const queue = median(timeFn(() => p.queue(items, true).next(NOW().getTime()), n));
  const counts = median(timeFn(() => p.countsByDeck(), n));
  p.close();
  return { queue, counts };
}

/** The naive design's answer: re-read the whole file (conf.get), append, rewrite it (conf.set). */
function naiveAnswerLatency(dir: string, n: number): number {
  const c = naiveConf(dir);
  const ctx = ledgerContext(DEFAULT_SETTINGS, true);
  let t = NOW().getTime();
  let i = 0;
  return median(
    timeFn(() => {
      const key = cardId(i++);
      const history = c.get('history') as unknown[];
      const state = ctx.scheduler.next({ ...newMemory() }, t, 3);
      history.push({ key, rating: 3, review: new Date(t).toISOString(), ms: 3000 });
      c.set({ history, [`cards.${key}`]: state });
      t += 5000;
    }, n),
  );
}

const root = mkdtempSync(join(tmpdir(), 'amgi-bench-store-'));
try {
  const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
  const scales = [
    { cards: 10_000, reviews: 100_000, target: 5, runs: 200, naiveRuns: 10 },
    { cards: 100_000, reviews: 1_000_000, target: 20, runs: 200, naiveRuns: 2 },
  ];
  const answerRows: (string | number)[][] = [];
  const queueRows: (string | number)[][] = [];
  const loadRows: (string | number)[][] = [];
  for (const sc of scales) {
    const label = `${sc.cards / 1000}k cards / ${sc.reviews >= 1e6 ? `${sc.reviews / 1e6}M` : `${sc.reviews / 1000}k`} reviews`;
    const home = join(root, `home-${sc.cards}`);
    let t0 = performance.now();
    writeLog(home, sc.cards, sc.reviews);
    const gen = performance.now() - t0;
    // First open: no snapshot, replay the whole log and write the snapshot.
    t0 = performance.now();
    openProgress({ home, decks: [benchDeck(sc.cards)], now: NOW, fuzz: true }).close();
    const rebuild = performance.now() - t0;
    const naiveDir = join(root, `naive-${sc.cards}`);
    writeNaive(naiveDir, sc.cards, sc.reviews);
    const ours = answerLatency(home, sc.cards, sc.runs);
    const naive = naiveAnswerLatency(naiveDir, sc.naiveRuns);
    answerRows.push([label, fmt(ours), `≤ ${sc.target}`, fmt(naive), `${(naive / ours).toFixed(0)}×`]);
    const qb = queueBuild(home, sc.cards, sc.cards > 10_000 ? 10 : 50);
    queueRows.push([label, fmt(qb.queue), fmt(qb.counts)]);
    if (sc.cards === 100_000) {
      const load = child('load', home, sc.cards, 5);
      const nload = child('naive-load', naiveDir, sc.cards, 3);
      loadRows.push([label, fmt(load.ms), '≤ 500', fmt(load.cpu), mb(load.rss), '≤ 200 MB', fmt(nload.ms), mb(nload.rss), `${(statSync(join(home, 'state.bin')).size / 1048576).toFixed(1)} MB`]);
    }
    console.error(`(${label}: generated in ${fmt(gen)} ms; full rebuild + snapshot on first open ${fmt(rebuild)} ms)`);
  }
  table('Grade → durable (fsync) → next card ready, median ms', ['data', 'amgi (log + snapshot)', 'target', 'naive (one conf file)', 'naive / amgi'], answerRows);
  table('Queue build (all decks: collection-wide limits, curriculum order) and Home counts, median ms', ['data', 'queue build', 'countsByDeck (Home)'], queueRows);
  // Issue 14: load balancing on a simulated year (core/schedule/simulate.ts).
  const simRows = [false, true].map((balance) => {
    const r = simulate({ cards: 2000, newPerDay: 20, days: 365, balance });
    return [balance ? 'with balancing' : 'without (fuzz only)', r.mean.toFixed(1), String(r.max), r.maxOverMean.toFixed(2), `${(r.retention * 100).toFixed(2)}%`];
  });
  table('Simulated year: 2,000 cards, 20 new a day, every due review answered (days after all are introduced)', ['scheduling', 'reviews/day mean', 'max', 'max / mean', 'retention'], simRows);
  table('Start-up load in a child process: open the store and build the review queue (median of 5; naive: 3)', ['data', 'amgi ms', 'target', 'amgi CPU ms', 'amgi RSS', 'target', 'naive ms', 'naive RSS', 'state.bin'], loadRows);

  // amgi status with 10k cards: the deck on disk, the store from the 10k / 100k home.
  const decksDir = join(root, 'decks');
  mkdirSync(decksDir);
  const deckFile = join(decksDir, 'b.json');
  writeFileSync(deckFile, JSON.stringify(benchDeck(10_000).deck));
  // A deck edited a minute ago, as on a real prompt: files changed within the last 2 s are never
  // trusted by the caches (see src/store/deckCache.ts), so a just-written deck would not be cached.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  utimesSync(deckFile, aMinuteAgo, aMinuteAgo);
  const home = join(root, 'home-10000');
  utimesSync(join(home, 'reviews.jsonl'), aMinuteAgo, aMinuteAgo);
  const RUNS = 21;
  const env = (h: string) => ({ AMGI_HOME: h, AMGI_NOW: NOW().toISOString() });
  const status = (h: string, dir = decksDir) => ({ cmd: process.execPath, args: [BIN, 'status', '--decks', dir], env: env(h) });
  /** A copy of the 10k home; `block` makes one of its caches unusable. */
  const homeCopy = (name: string, block: (h: string) => void) => {
    const h = join(root, name);
    mkdirSync(h);
    for (const f of ['reviews.jsonl', 'state.bin']) copyFileSync(join(home, f), join(h, f));
    utimesSync(join(h, 'reviews.jsonl'), aMinuteAgo, aMinuteAgo);
    block(h);
    return h;
  };
  // The answer not stored (inputs just changed, e.g. right after a review): the store is loaded,
  // the deck comes from the validated-deck cache. Blocked here by a folder where the answer goes.
  const emptyDecks = join(root, 'no-decks');
  mkdirSync(emptyDecks);
  const noAnswerHome = homeCopy('home-10000-noanswer', (h) => {
    for (const dir of [decksDir, emptyDecks]) mkdirSync(statusCachePath(h, statusKey(h, deckSources({ decksDir: dir }), NOW().getTime())!.scope), { recursive: true });
  });
  // No cache at all ($AMGI_HOME/cache is a file): every run validates, normalises and sanitises
  // the 10k-card deck and loads the store (what a first run ever pays).
  const noCacheHome = homeCopy('home-10000-nocache', (h) => writeFileSync(join(h, 'cache'), 'not a folder'));
  const rows: [string, string][] = [
    ['node -e 0', ''],
    // Nothing changed since the last run (the prompt case): the stored answer (cache/status-*.json),
    // stored by the warm-up round.
    ['amgi status (nothing changed since the last run: stored answer)', '≤ 2×'],
    ['amgi status, answer recomputed (deck from the validated-deck cache)', '≤ 2×'],
    ['amgi status, no cache at all (validates the deck)', ''],
    // The store with no deck: what loading the store costs without counting.
    ['amgi status, no deck files (store load only, answer recomputed)', ''],
    ['naive: load the one conf file (no decks, no counting)', ''],
  ];
  const medians = timeCommandsInTurns(
    [
      { cmd: process.execPath, args: ['-e', '0'] },
      status(home),
      status(noAnswerHome),
      status(noCacheHome),
      status(noAnswerHome, emptyDecks),
      { cmd: process.execPath, args: [SELF, 'child', 'naive-load', join(root, 'naive-10000'), '10000'] },
    ],
    RUNS,
  ).map(median);
  const base = medians[0]!;
  table(
    `amgi status, 10k cards / 100k reviews (median of ${RUNS}, commands in turns, ms)`,
    ['command', 'median ms', 'ratio to node -e 0', 'target'],
    rows.map(([label, target], i) => [label, fmt(medians[i]!), `${(medians[i]! / base).toFixed(2)}×`, target]),
  );
} finally {
  rmSync(root, { recursive: true, force: true });
  rmSync(SELF, { force: true });
}
