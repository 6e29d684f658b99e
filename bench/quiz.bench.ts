/**
 * Issue 6: quiz and stats screen costs that a user waits on — building a quiz (distractors scan
 * the pool), checking a typed answer (jamo edit distance + diff), laying out the stats screen.
 */
import { deckItems } from '../src/core/deck/items.js';
import type { Card } from '../src/core/deck/types.js';
import { buildQuestions } from '../src/core/quiz/quizState.js';
import { aliasKeys, checkTyped } from '../src/core/quiz/typedAnswer.js';
import { loadAliases } from '../src/store/aliasFiles.js';
import { deckFilesIn, loadDeckFiles } from '../src/store/deckFiles.js';
import { lintLoadedDecks } from '../src/store/lintDecks.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatsReport } from '../src/core/stats/index.js';
import { fullRows, panelRows } from '../src/ui/screens/stats/statsRows.js';
import { messagesFor } from '../src/ui/i18n/index.js';
import { makeTheme } from '../src/ui/theme.js';
import { BIN, ROOT, fmt, median, percentile, table, timeCommandsInTurns, timeFn } from './lib.js';

const TERMS = ['컨테이너', '이미지', '레이어', '런타임', '가상머신', 'runc', 'containerd', 'dockerd', 'CRI-O', 'overlay2', 'namespace', 'cgroup'];

function cards(n: number): Card[] {
  return Array.from({ length: n }, (_, i): Card => {
    const topic = `topic-${i % Math.max(1, Math.floor(n / 8))}`;
    const answer = `${TERMS[i % TERMS.length]}-${i}`;
    return i % 2 ? { id: `c${i}`, type: 'typed', front: `질문 ${i}: ${TERMS[(i * 7) % TERMS.length]}의 역할은?`, answer, topic, tags: [`t${i % 50}`] } : { id: `c${i}`, type: 'choice', front: `질문 ${i}`, answer, topic };
  });
}

const rows: (string | number)[][] = [];
for (const n of [1_000, 10_000]) {
  const items = deckItems({ id: 'bench', title: 'bench', description: 'bench', language: 'ko', cards: cards(n) });
  let seed = 1;
  const t = timeFn(() => buildQuestions({ items, pool: items, mode: 'mixed', count: 10, seed: seed++ }), 20);
  rows.push([`build a 10-question mixed quiz, pool ${n.toLocaleString('en')}`, fmt(median(t)), fmt(percentile(t, 95))]);
}
const typed = timeFn(() => checkTyped('컨테이너 런타임 인터페이스', ['컨테이너 런타임 인터페이즈', 'container runtime interface', 'CRI']), 2_000);
rows.push(['check a typed Korean answer (3 accepted forms)', fmt(median(typed)), fmt(percentile(typed, 95))]);

// Issue 12: the interviewer judge with the alias groups (bundled + user's), budget 0.2 ms median.
const home = mkdtempSync(join(tmpdir(), 'amgi-bench-judge-'));
const groups = aliasKeys(loadAliases({ AMGI_HOME: home }).table);
const korean = timeFn(() => checkTyped('PID 네임스페이스', ['PID namespace', 'PID 네임스페이스', 'pid ns'], groups), 2_000);
rows.push(['judge: Korean for an English term, alias groups (budget 0.2)', fmt(median(korean)), fmt(percentile(korean, 95))]);
const flag = timeFn(() => checkTyped('-p 8080:80', ['-p 80:8080', '--publish 80:8080', '-p 0.0.0.0:80:8080'], groups), 2_000);
rows.push(['judge: reversed port mapping, alias groups (budget 0.2)', fmt(median(flag)), fmt(percentile(flag, 95))]);
const near = timeFn(() => checkTyped('컨테이너 런타임 인터페이즈', ['Container Runtime Interface', 'CRI', '컨테이너 런타임 인터페이스'], groups), 2_000);
rows.push(['judge: Korean near miss, alias groups (budget 0.2)', fmt(median(near)), fmt(percentile(near, 95))]);

// `amgi validate --strict` over the bundled decks (budget 300 ms): the linter in process, and the command.
const bundled = loadDeckFiles(deckFilesIn(join(ROOT, 'decks')).map((file) => ({ file, origin: 'bundled' as const }))).decks;
const seeds = join(ROOT, '..', 'shared', 'seeds');
const lint = timeFn(() => lintLoadedDecks(bundled, { env: { AMGI_HOME: home }, seedsDir: seeds }), 20);
rows.push([`lint the bundled decks in process (${bundled.reduce((n, d) => n + d.deck.cards.length, 0)} cards)`, fmt(median(lint)), fmt(percentile(lint, 95))]);
// In turns with `amgi decks` (loads the same decks, no lint) and `node -e 0`: the linter's share is read from runs taken moments apart.
const [strict, plain, bare] = timeCommandsInTurns(
  [
    { cmd: process.execPath, args: [BIN, 'validate', '--strict', '--seeds', seeds], env: { AMGI_HOME: home } },
    { cmd: process.execPath, args: [BIN, 'decks'], env: { AMGI_HOME: home } },
    { cmd: process.execPath, args: ['-e', '0'] },
  ],
  10,
) as [number[], number[], number[]];
rows.push(['amgi validate --strict --seeds (whole command, budget 300)', fmt(median(strict)), fmt(percentile(strict, 95))]);
rows.push(['amgi decks (same decks loaded, no lint; same turns)', fmt(median(plain)), fmt(percentile(plain, 95))]);
rows.push(['node -e 0 (same turns)', fmt(median(bare)), fmt(percentile(bare, 95))]);
rmSync(home, { recursive: true, force: true });

const DAY = 86_400_000;
const end = Date.UTC(2025, 2, 10);
const report: StatsReport = {
  today: '2025-03-10',
  forecast: Array.from({ length: 30 }, (_, i) => ({ date: new Date(end + i * DAY).toISOString().slice(0, 10), due: (i * 37) % 23 })),
  heatmap: Array.from({ length: 365 }, (_, i) => ({ date: new Date(end - (364 - i) * DAY).toISOString().slice(0, 10), answers: (i * 13) % 40 })),
  retention: { answers: 400, passed: 361, rate: 361 / 400 },
  streak: { current: 12, longest: 40 },
  decks: Array.from({ length: 8 }, (_, i) => ({ id: `d${i}`, title: `덱 ${i}`, total: 100, new: 10, learning: 5, review: 85, suspended: 0, mastered: 10 * i, mastery: i / 10 })),
  time: { todayMs: 20 * 60_000, totalMs: 30 * 3_600_000 },
  answers: { today: 80, total: 9000 },
};
const view = { t: messagesFor('ko'), theme: makeTheme(true) };
const full = timeFn(() => fullRows(report, 80, 21, view), 500);
rows.push(['stats screen rows, 80×24 (365-day heatmap)', fmt(median(full)), fmt(percentile(full, 95))]);
const compact = timeFn(() => panelRows(report, 2, 40, 9, view), 500);
rows.push(['stats heatmap panel rows, 40×12', fmt(median(compact)), fmt(percentile(compact, 95))]);
table('Quiz and stats (pure parts; ms)', ['what', 'median', 'p95'], rows);
