/**
 * The built amgi in a real terminal (tmux), as a new user would use it: bundled decks, a
 * temporary AMGI_HOME, a fixed clock. Run `npm run build` first (npm test does).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayWidth } from '../../src/core/text/width.js';
import { amgi } from '../helpers/cli.js';
import { e2eSessions, TERMINAL_SIZES } from '../helpers/e2e.js';
import { expectFits } from '../helpers/fits.js';
import { snapshotBuild, type TmuxSession } from '../helpers/tmux.js';

const NOW = '2025-03-03T09:00:00Z';
const DAY_LATER = '2025-03-04T09:30:00Z';
/** New cards in curriculum order (issue 14): virtualisation first, a definition first. */
const FIRST_FRONT = '가상 머신(Virtual Machine, VM)이란?';
/** The header after one Good on a new card: what is left, Anki-style. */
const AFTER_ONE = /new 19 · learn 1 · due 0/;

let build: ReturnType<typeof snapshotBuild>;
beforeAll(() => {
  build = snapshotBuild();
});
afterAll(() => build.cleanup());

const { newHome, start: startSession } = e2eSessions();

function start(home: string, cols: number, rows: number, opts: { now?: string; args?: string[]; lang?: string } = {}) {
  return startSession({ home, cols, rows, bin: build.bin, args: opts.args, env: { AMGI_NOW: opts.now ?? NOW, LANG: opts.lang ?? 'en_US.UTF-8' } });
}

/** From the deck list: open the first deck, reveal the first card, grade it; waits for the next card. */
async function gradeFirstCard(t: TmuxSession, grade: string) {
  await t.waitFor('All decks');
  t.keys('Enter');
  await t.waitFor(FIRST_FRONT);
  t.keys('Space');
  await t.waitFor('1 Again');
  t.keys(grade);
  await t.waitFor(grade === '3' ? AFTER_ONE : /new 19 · learn 0 · due 0/);
}

describe.each(TERMINAL_SIZES)('at %i×%i', (cols, rows) => {
  test('first run shows the decks; review and grade a card; quit; the count moved; u after a restart undoes nothing of the last session', async () => {
    const home = newHome();
    let t = await start(home, cols, rows);
    let screen = await t.waitFor('All decks');
    expect(screen).toContain('가상화: 가상 머신과'); // decks in curriculum order
    expect(screen).toContain('0 answers today'.slice(0, cols > 40 ? 15 : 0));
    expect(t.format('#{alternate_on}')).toBe('1');
    expectFits(screen, cols, rows);

    t.keys('Enter');
    screen = await t.waitFor(FIRST_FRONT);
    expectFits(screen, cols, rows);
    t.keys('Space');
    screen = await t.waitFor(/1 Again 1m/);
    expectFits(screen, cols, rows);
    // The answer, note and source: on a small terminal below the fold, reached by scrolling.
    if (!screen.includes('Source: ')) t.keys('PageDown');
    screen = await t.waitFor('Source: ');
    expectFits(screen, cols, rows);
    t.keys('3');
    screen = await t.waitFor(AFTER_ONE);
    expect(screen).not.toContain(FIRST_FRONT);
    t.keys('q');
    await t.waitFor('All decks');
    t.keys('q');
    expect(await t.waitForExit()).toBe(0);
    expect(t.format('#{alternate_on}')).toBe('0');

    // Start again: the answer was saved, the deck's counts moved.
    t = await start(home, cols, rows);
    screen = await t.waitFor('All decks');
    expect(screen).toMatch(/All decks\s+19\s+1\s+0/);
    if (cols >= 80) expect(screen).toContain('1 answer today');

    // `u` in a new session undoes only that session's answers: there are none yet.
    t.keys('Enter');
    await t.waitFor(/Again|show answer/);
    t.keys('u');
    await t.waitFor(cols >= 80 ? 'Nothing to undo in this session' : 'Nothing to undo');
    t.keys('q');
    await t.waitFor('All decks');
    screen = t.capture();
    expect(screen).toMatch(/All decks\s+19\s+1\s+0/);
    t.keys('C-c');
    expect(await t.waitForExit()).toBe(0);
  });

  test('search in Korean (레이어, ㄹㅇㅇ), open a result with its source, help, back', async () => {
    const t = await start(newHome(), cols, rows);
    await t.waitFor('All decks');
    t.keys('/');
    await t.waitFor('type a word');
    t.text('레이어');
    let screen = await t.waitFor(/matches/);
    expect(screen).toMatch(/›.*레이어/);
    expectFits(screen, cols, rows);
    // The real cursor sits after the query, where an IME draws the syllable being composed.
    expect(t.format('#{cursor_y} #{cursor_x}')).toBe(`1 ${2 + displayWidth('레이어')}`);
    t.keys('BSpace', 'BSpace', 'BSpace');
    await t.waitFor(/› type a word/);
    t.text('ㄹㅇㅇ');
    screen = await t.waitFor(/matches/);
    expect(screen).toContain('레이어');
    t.keys('Down');
    t.keys('Enter');
    screen = await t.waitFor('Card ·');
    expect(screen).toMatch(/Answer|Key points|Steps|Correct answer/);
    expectFits(screen, cols, rows);
    t.keys('?');
    screen = await t.waitFor('Keys · Card');
    // The card view's own keys first (suspend, bury, forget…); at 40×12 the way back is a page further.
    for (let i = 0; i < 4 && !/Esc\/q\s+back/.test(screen); i++) {
      t.keys('PageDown');
      await new Promise((r) => setTimeout(r, 80));
      screen = t.capture();
    }
    expect(screen).toMatch(/Esc\/q\s+back/);
    expectFits(screen, cols, rows);
    t.keys('Space');
    await t.waitFor('Card ·');
    t.keys('Escape');
    await t.waitFor('› ㄹㅇㅇ');
    t.keys('Escape');
    await t.waitFor('All decks');
    // One Esc too many does not leave the app: Home says how (q).
    t.keys('Escape');
    await t.waitFor('q to quit');
    t.keys('q');
    expect(await t.waitForExit()).toBe(0);
  });
});

test('Ctrl+C in the middle of a review quits at once, answers kept, terminal restored', async () => {
  const home = newHome();
  let t = await start(home, 80, 24);
  await gradeFirstCard(t, '4');
  t.keys('Space');
  t.keys('C-c');
  expect(await t.waitForExit()).toBe(0);
  expect(t.format('#{alternate_on}')).toBe('0');
  t = await start(home, 80, 24);
  await t.waitFor('1 answer today');
});

test('SIGTERM restores the terminal too', async () => {
  const t = await start(newHome(), 80, 24);
  await t.waitFor('All decks');
  process.kill(t.pid(), 'SIGTERM');
  // 143: amgi's own exit code for SIGTERM, and what a shell reports if the signal ended it.
  expect(await t.waitForExit()).toBe(143);
  expect(t.format('#{alternate_on}')).toBe('0');
});

test('a day later (AMGI_NOW), the graded card is due again', async () => {
  const home = newHome();
  let t = await start(home, 80, 24);
  await gradeFirstCard(t, '3');
  t.keys('C-c');
  await t.waitForExit();

  t = await start(home, 80, 24, { now: DAY_LATER });
  const screen = await t.waitFor('All decks');
  // The card graded Good (a 10-minute learning step) is overdue now: counted, and shown first.
  // A new day: 20 new cards again (the collection-wide limit), and the learning card.
  expect(screen).toMatch(/All decks\s+20\s+1\s+0/);
  t.keys('Enter');
  await t.waitFor(FIRST_FRONT);
});

test('the terminal is re-laid out on resize', async () => {
  const t = await start(newHome(), 80, 24);
  // With eleven decks not every title fits at 80×24. Home may still be the early frame (Ink
  // loading, ui/firstFrame.ts): the terminal cuts it to 40×12, and Ink then draws anew.
  await t.waitFor('All decks');
  t.resize(40, 12);
  const screen = await t.waitFor((s) => s.split('\n').length <= 11 && s.split('\n').every((l) => displayWidth(l) <= 40) && s.includes('All decks'));
  expectFits(screen, 40, 12);
});

test('Korean interface from LANG', async () => {
  const t = await start(newHome(), 80, 24, { lang: 'ko_KR.UTF-8' });
  const screen = await t.waitFor('전체 덱');
  expect(screen).toContain('복습');
  expect(screen).toContain('오늘 0번 답함');
});

test('stdin not a terminal: one clear line on stderr, exit 1', () => {
  const home = newHome();
  for (const args of [[], ['review']]) {
    const r = amgi(args, { AMGI_HOME: home });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('amgi needs an interactive terminal; try `amgi status` or `amgi search QUERY`\n');
    expect(r.stdout).toBe('');
  }
});

test('3 Space 3 Space 3 in one write after a reveal (keys typed faster than amgi reads them): three cards graded, none lost', async () => {
  const home = newHome();
  const t = await start(home, 80, 24, { args: ['review'] });
  await t.waitFor('Space/Enter: show answer');
  // A first key on its own (the first read is split by the start-up path anyway), then one
  // send-keys call: the five keys reach amgi in one read, as they do when it is busy.
  t.keys('Space');
  await t.waitFor('Again');
  t.keys('3', 'Space', '3', 'Space', '3');
  const log = join(home, 'reviews.jsonl');
  const answers = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('"op":"answer"')).length : 0);
  for (const t0 = Date.now(); answers() < 3 && Date.now() - t0 < 10_000; ) await new Promise((r) => setTimeout(r, 50));
  expect(answers()).toBe(3);
  t.keys('C-c');
  expect(await t.waitForExit()).toBe(0);
});

test('/레이어 typed in one go on Home (one send-keys call): search opens with 레이어 as its query and finds it', async () => {
  const t = await start(newHome(), 80, 24);
  await t.waitFor('All decks');
  // Nothing waits between `/` and the text: the keys reach amgi before the search screen listens.
  t.text('/레이어');
  // Under load tmux may deliver the later syllables after the first search has drawn: wait for
  // the whole word (a lost syllable never makes it) and its results.
  const screen = await t.waitFor(/^› 레이어\s*$[\s\S]*레이어/m);
  expect(screen).toMatch(/matches/);
  expect(screen).toMatch(/›.*레이어.*\n/);
  t.keys('C-c');
  expect(await t.waitForExit()).toBe(0);
});

test('/ then 레, 이, 어 as separate writes right after it (walkthrough D18): every syllable lands in the search box', async () => {
  const t = await start(newHome(), 80, 24);
  await t.waitFor('All decks');
  // Four send-keys calls in a row: the syllables arrive while the search screen is being opened.
  t.keys('/');
  for (const k of ['레', '이', '어']) t.text(k);
  // Under load tmux may deliver the later syllables after the first search has drawn: wait for
  // the whole word (a lost syllable never makes it) and its results.
  const screen = await t.waitFor(/^› 레이어\s*$[\s\S]*레이어/m);
  expect(screen).toMatch(/matches/);
  t.keys('C-u');
  t.text('runc');
  expect(await t.waitFor(/^› runc\s*$/m)).toMatch(/runc/);
  t.keys('C-c');
  expect(await t.waitForExit()).toBe(0);
});

test('a settings.json of the old layout is migrated when the TUI opens', async () => {
  const home = newHome();
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ newCardsPerDay: 7, language: 'en' }));
  const t = await start(home, 80, 24);
  await t.waitFor('All decks');
  const migrated = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
  expect(migrated).toMatchObject({ newPerDay: 7, __internal__: { migrations: { version: '1.0.0' } } });
  expect(migrated).not.toHaveProperty('newCardsPerDay');
  t.keys('C-c');
  expect(await t.waitForExit()).toBe(0);
});

test('without a settings.json (conf loads after the first frame), a setting changed on the settings screen is saved', async () => {
  const home = newHome();
  const t = await start(home, 80, 24);
  await t.waitFor('All decks');
  // Menu: review, cram, quiz, cards, search, stats, settings.
  t.keys('Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Enter');
  await t.waitFor('New/day, all decks');
  t.keys('Right');
  const file = join(home, 'settings.json');
  const saved = () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {});
  // conf creates the file, then writes the value.
  for (let i = 0; i < 100 && !('newPerDayAll' in saved()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(saved()).toHaveProperty('newPerDayAll');
  t.keys('C-c');
  expect(await t.waitForExit()).toBe(0);
});
