#!/usr/bin/env node
/**
 * Regenerates the screen captures in README.md from the built app: `npm run captures`.
 *
 * Builds, then runs bin/amgi in tmux (a private socket, no user config) at 80×24 with a
 * temporary AMGI_HOME and a fixed clock (AMGI_NOW), drives it through the tour and writes
 * each screen between its markers in README.md:
 *
 *   <!-- capture:home -->
 *   ```text
 *   …
 *   ```
 *   <!-- /capture:home -->
 *
 * Captures are never edited by hand: change this script and run it again.
 *   --no-build   use dist/ as it is
 *   --check      write nothing; exit 1 when README.md's captures differ from the app's
 *   --print      print the captures instead of writing them
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'README.md');
const COLS = 80;
const ROWS = 24;
// A Monday morning (TZ=UTC below), so the study day and the intervals shown are the same every run.
const NOW = '2026-03-02T09:00:00Z';

const argv = new Set(process.argv.slice(2));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

if (spawnSync('tmux', ['-V']).status !== 0) {
  console.error('captures: tmux is needed (apt-get install tmux / brew install tmux)');
  process.exit(1);
}
if (!argv.has('--no-build')) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });

const home = mkdtempSync(join(tmpdir(), 'amgi-captures-'));
writeFileSync(join(home, 'reviews.jsonl'), history());
const socket = `amgi-captures-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });

/** The visible screen, trailing spaces trimmed. */
const screen = () =>
  tmux('capture-pane', '-p', '-t', 'amgi')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');

/** Waits until the screen shows `text` and has stopped changing (Ink may paint in two steps). */
async function waitFor(text, timeoutMs = 15_000) {
  const t0 = Date.now();
  let last = '';
  for (;;) {
    const s = screen();
    if (s.includes(text) && s === last) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error(`captures: timed out waiting for "${text}"; screen:\n${s}`);
    last = s;
    await sleep(150);
  }
}

/** Named keys as tmux spells them ('Enter', 'Down', 'Escape'…); each waits a moment so a new screen's handler is attached. */
async function keys(...names) {
  for (const k of names) {
    tmux('send-keys', '-t', 'amgi', k);
    await sleep(120);
  }
}
const type = async (text) => {
  tmux('send-keys', '-t', 'amgi', '-l', '--', text);
  await sleep(200);
};

/** Long runs of empty rows (a short card on a tall screen) become one `⋮` row. */
const tidy = (s) => s.replace(/\n{4,}/g, '\n⋮\n');

const captures = {};
/** Quiz questions are drawn with a seed from the clock, which ticks: these captures change every run, so --check skips them. */
const UNSTABLE = new Set(['quiz', 'quizAnswer']);
async function shot(name, text) {
  captures[name] = tidy(await waitFor(text));
}

/**
 * Six weeks of made-up study before NOW, with fixed times and durations: answers given in the
 * session would carry real durations and times, and the captures would change every run.
 * A learner who meets 12 new cards a day in curriculum order (each answered twice: learning
 * step, then graduated), sees each again 1, 3, 7 and 16 days later (a miss once more ten minutes
 * on), and skipped a day now and then until the last week.
 */
function history() {
  const order = ['virtualization', 'images', 'dockerfile', 'architecture', 'runtimes', 'registry', 'cncf', 'data-network', 'operations', 'build-ship', 'security'];
  const cards = order.flatMap((deck) => JSON.parse(readFileSync(join(ROOT, 'decks', `${deck}.json`), 'utf8')).cards.map((c) => ({ key: c.id, deck })));
  const day0 = Date.parse(NOW) - 42 * 86_400_000;
  const firstSeen = new Map();
  const lines = [];
  let n = 0;
  const answer = (at, { key, deck }, grade) => {
    n++;
    const id = `${at.toString(36).padStart(9, '0')}-${n.toString(16).padStart(10, '0')}`;
    lines.push(JSON.stringify({ v: 1, id, at: new Date(at).toISOString(), op: 'answer', key, deck, grade, ms: 4000 + ((n * 2654435761) % 9000), kind: 'review', reschedule: true }));
  };
  let next = 0;
  for (let d = 0; d < 42; d++) {
    if (d % 9 === 4 && d < 36) continue;
    let at = day0 + d * 86_400_000;
    for (const [key, seen] of firstSeen) {
      if (![1, 3, 7, 16].includes(d - seen)) continue;
      const h = [...key].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 1000, d);
      const card = cards.find((c) => c.key === key);
      answer((at += 20_000), card, h < 120 ? 1 : h > 900 ? 4 : 3);
      // A miss comes back after its 10-minute relearning step.
      if (h < 120) answer(at + 600_000, card, 3);
    }
    for (const card of cards.slice(next, next + 12)) {
      answer((at += 20_000), card, 3);
      firstSeen.set(card.key, d);
    }
    for (const card of cards.slice(next, next + 12)) answer((at += 20_000) + 600_000, card, 3);
    next += 12;
  }
  return lines.join('\n') + '\n';
}

/** Ends the tmux server and waits until amgi has exited (it saves its snapshot on the way out). */
async function stopAmgi() {
  const r = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '-t', 'amgi', '#{pane_pid}'], { encoding: 'utf8' });
  spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
  const pid = Number(r.stdout?.trim());
  if (!pid) return;
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(50);
  }
}

/** Starts amgi with `args` in a fresh tmux server (the previous one is ended first). */
async function startAmgi(args) {
  await stopAmgi();
  const env = { TZ: 'UTC', LANG: 'en_US.UTF-8', TERM: 'xterm-256color', AMGI_HOME: home, AMGI_NOW: NOW };
  const exports = Object.entries(env).map(([k, v]) => `export ${k}=${quote(v)};`).join(' ');
  const argv = [process.execPath, join(ROOT, 'bin', 'amgi'), ...args].map(quote).join(' ');
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'amgi', '-x', String(COLS), '-y', String(ROWS), 'sh', '-c', `unset LC_ALL LC_MESSAGES NO_COLOR; ${exports} exec ${argv}`], {
    env: { ...process.env, TMUX: '' },
  });
  tmux('set-option', '-t', 'amgi', 'status', 'off');
  tmux('resize-window', '-t', 'amgi', '-x', String(COLS), '-y', String(ROWS));
}

try {
  await startAmgi(['--lang', 'en']);
  await shot('home', 'Enter select');

  /** From Home: `go` opens a screen, `text` shows it is drawn; capture it, then Esc back to Home. */
  const visit = async (name, go, text) => {
    await go();
    await shot(name, text);
    await keys('Escape');
    await waitFor('Enter select');
  };
  // Review: the first card of today's queue, then its answer side.
  await visit('review', async () => {
    await keys('Enter');
    await waitFor('Space/Enter');
    await keys('Space');
  }, '1 Again');
  await visit('search', async () => {
    await keys('/');
    await waitFor('Search');
    await type('레이어');
  }, '레이어를');
  // The menu cursor stays where it was left: Review → Quiz (the quiz picker) → Cards → Stats.
  await visit('quizPicker', () => keys('Down', 'Down', 'Enter'), 'Quiz');
  await visit('cards', () => keys('Down', 'Enter'), 'filter:');
  await visit('stats', () => keys('Down', 'Down', 'Enter'), 'Streak');

  // Help over Home.
  await keys('?');
  await shot('help', 'Keys');

  // A multiple-choice quiz, started from the command line: the question, then the verdict.
  await startAmgi(['quiz', '--mode', 'choice', '--deck', 'runtimes', '--count', '5', '--lang', 'en']);
  await shot('quiz', '1/5');
  await keys('1');
  await shot('quizAnswer', 'Enter next');
} finally {
  await stopAmgi();
  rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

if (argv.has('--print')) {
  for (const [name, text] of Object.entries(captures)) console.log(`--- ${name}\n${text}\n`);
  process.exit(0);
}

const before = readFileSync(README, 'utf8');
let after = before;
const missing = [];
const check = argv.has('--check');
for (const [name, text] of Object.entries(captures)) {
  if (check && UNSTABLE.has(name)) continue;
  const block = new RegExp(`(<!-- capture:${name} -->\\n)[\\s\\S]*?(<!-- /capture:${name} -->)`);
  if (!block.test(after)) missing.push(name);
  after = after.replace(block, (_, open, close) => `${open}\`\`\`text\n${text}\n\`\`\`\n${close}`);
}
if (missing.length) console.error(`captures: README.md has no markers for ${missing.join(', ')}`);
if (check) {
  if (after !== before) {
    const blocks = (text) => Object.fromEntries([...text.matchAll(/<!-- capture:(\w+) -->\n([\s\S]*?)<!-- \/capture/g)].map((m) => [m[1], m[2]]));
    const [was, now] = [blocks(before), blocks(after)];
    console.error(`captures: changed: ${Object.keys(now).filter((k) => was[k] !== now[k]).join(', ')}`);
    console.error('captures: README.md differs from the app; run `npm run captures`');
    process.exit(1);
  }
  console.log('captures: README.md is up to date');
} else if (after !== before) {
  writeFileSync(README, after);
  console.log(`captures: wrote ${Object.keys(captures).length - missing.length} captures to README.md`);
} else {
  console.log('captures: README.md already up to date');
}
process.exit(missing.length ? 1 : 0);
