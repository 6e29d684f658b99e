/**
 * Quiz modes end to end: the BUILT amgi in tmux (run `npm run build` first; npm test does),
 * a temporary AMGI_HOME and a deck directory of known cards, a fixed start clock.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Card } from '../../src/core/deck/types.js';
import { displayWidth } from '../../src/core/text/width.js';
import { promptText } from '../../src/core/deck/cards.js';
import { optionText } from '../../src/core/quiz/choice.js';
import { loadAllDecks } from '../../src/store/deckFiles.js';
import { openProgress } from '../../src/store/progress.js';
import { e2eSessions, TERMINAL_SIZES } from '../helpers/e2e.js';
import { expectFits } from '../helpers/fits.js';
import type { TmuxSession } from '../helpers/tmux.js';
import { CARDS, E2E_CARDS, writeDeckDir } from '../core/quiz/fixture.js';

const NOW = '2025-03-03T09:00:00Z';
const { newHome, start } = e2eSessions();

function setup(): { home: string; decks: string } {
  const home = newHome('amgi-quiz-e2e-');
  return { home, decks: writeDeckDir(join(home, 'deck-files')) };
}

function quiz(env: { home: string; decks: string }, args: string[], cols = 80, rows = 24): Promise<TmuxSession> {
  return start({ home: env.home, cols, rows, args: ['quiz', '--decks', env.decks, ...args], env: { AMGI_NOW: NOW } });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keys one at a time: keys sent together reach the app as one multi-character input. */
async function press(t: TmuxSession, ...keys: string[]) {
  for (const k of keys) {
    t.keys(k);
    await sleep(60);
  }
}

/** The card and direction whose question is on the screen (the rows above the options). */
function questionOnScreen(screen: string) {
  const lines = screen.split('\n');
  const end = lines.findIndex((l) => /^[›✓✗ ] \d\. /.test(l));
  const asked = lines.slice(1, end).join(' ').replace('(reverse)', '').replace(/\s+/g, ' ').trim();
  // Every card the deck directory holds can be drawn as a question.
  for (const card of [...CARDS, ...E2E_CARDS]) {
    for (const direction of ['forward', 'reverse'] as const) {
      if (direction === 'reverse' && card.type !== 'reversible') continue;
      if (promptText(card, direction).replace(/\s+/g, ' ') === asked) return { card, direction };
    }
  }
  throw new Error(`no known question on screen:\n${screen}`);
}

/** Option number → text, as drawn ("› 1. runc"). */
function optionsOnScreen(screen: string): Map<string, number> {
  const out = new Map<string, number>();
  let last: { n: number; text: string } | undefined;
  for (const line of screen.split('\n')) {
    const m = /^[›✓✗ ] (\d)\. (.+)$/.exec(line);
    if (m) {
      last = { n: Number(m[1]), text: m[2]!.trim() };
      out.set(last.text, last.n);
    } else if (last && /^ {5}\S/.test(line)) {
      // A wrapped option continues on lines indented under its text.
      out.delete(last.text);
      last.text = `${last.text} ${line.trim()}`;
      out.set(last.text, last.n);
    } else last = undefined;
  }
  return out;
}

describe.each(TERMINAL_SIZES)('quiz at %i×%i', (cols, rows) => {
  test('multiple choice: one right, one wrong, then the summary offers a drill', async () => {
    const env = setup();
    const t = await quiz(env, ['--mode', 'choice', '--count', '2'], cols, rows);
    for (const [i, answerRight] of [true, false].entries()) {
      const screen = await t.waitFor(new RegExp(`${i + 1}/2[^]*2\\. [^]*1–\\d or`));
      expectFits(screen, cols, rows);
      const { card, direction } = questionOnScreen(screen);
      const options = optionsOnScreen(screen);
      // Four options when the card has three confusable neighbours (fewer in this small deck).
      expect(options.size).toBeGreaterThanOrEqual(2);
      const right = options.get(optionText(card, direction)!);
      expect(right, screen).toBeDefined();
      const wrong = [...options.values()].find((n) => n !== right)!;
      await press(t, String(answerRight ? right : wrong));
      const after = await t.waitFor(answerRight ? '✓ Right!' : '✗ Not quite.');
      expectFits(after, cols, rows);
      await press(t, 'Space');
    }
    const summary = await t.waitFor('Score 1/2 (50%)');
    expect(summary).toContain('Missed');
    expect(summary).toContain('d/Enter drill');
    expectFits(summary, cols, rows);
    t.keys('d');
    await t.waitFor('round 2');
    t.keys('Escape');
    expect(await t.waitForExit()).toBe(0);
  });
});

test('`amgi quiz` left after one answer: the summary of that answer, then Esc ends the app', async () => {
  const t = await quiz(setup(), ['--mode', 'choice', '--count', '5']);
  const screen = await t.waitFor(/1\/5[\s\S]*1–\d or/);
  const { card, direction } = questionOnScreen(screen);
  await press(t, String(optionsOnScreen(screen).get(optionText(card, direction)!)));
  await t.waitFor('✓ Right!');
  await press(t, 'Escape');
  const summary = await t.waitFor('Score 1/1 (100%)');
  expect(summary).toContain('Left after 1 of 5 questions');
  t.keys('Escape');
  expect(await t.waitForExit()).toBe(0);
});

describe('typed answers', () => {
  test('Hangul with other spacing is right; an English near miss can be accepted', async () => {
    const env = setup();
    let t = await quiz(env, ['--mode', 'typed', '--tag', 'ko-typed']);
    await t.waitFor('통째로 포함하는');
    t.text('가상 머신');
    let screen = await t.waitFor('> 가상 머신');
    // The real cursor sits after the typed text, where an IME draws the composing syllable.
    const fieldRow = screen.split('\n').findIndex((l) => l.startsWith('> 가상 머신'));
    expect(t.format('#{cursor_y}')).toBe(String(fieldRow));
    expect(t.format('#{cursor_x}')).toBe(String(displayWidth('> 가상 머신')));
    await press(t, 'Enter');
    screen = await t.waitFor('✓ Right!');
    expect(screen).toContain('Answer: 가상머신');
    await press(t, 'Space');
    await t.waitFor('Score 1/1');
    t.kill();

    t = await quiz(env, ['--mode', 'typed', '--tag', 'en-typed']);
    await t.waitFor('실행을 맡기는 데몬');
    t.text('containrd');
    // Enter separately: text and Enter sent together arrive as one input.
    await t.waitFor('> containrd');
    await press(t, 'Enter');
    screen = await t.waitFor('Count it as right? (y/n)');
    expect(screen).toContain('You: containrd');
    expect(screen).toContain('Answer: containerd');
    await press(t, 'y');
    await t.waitFor('Counted as right (close).');
    await press(t, 'Enter');
    await t.waitFor('Score 1/1');
  });

  test('at 40×12 a long answer scrolls in its row: the typed end in view, the real cursor where the next character goes', async () => {
    const env = setup();
    const t = await quiz(env, ['--mode', 'typed', '--tag', 'ko-typed'], 40, 12);
    await t.waitFor('통째로 포함하는');
    t.text('아주 긴 답을 입력해 봅니다 여러 줄에 걸쳐서 계속 씁니다');
    let line = '> … 봅니다 여러 줄에 걸쳐서 계속 씁니다';
    const screen = await t.waitFor(line);
    expect(t.format('#{cursor_y}')).toBe(String(screen.split('\n').indexOf(line)));
    expect(Number(t.format('#{cursor_x}'))).toBe(displayWidth(line));
    // Three syllables back (two columns each): the cursor moves, the text stays put.
    await press(t, 'Left', 'Left', 'Left');
    await sleep(200);
    expect(Number(t.format('#{cursor_x}'))).toBe(displayWidth(line) - 6);
    // A syllable typed there goes in before 씁니다; the row scrolls to keep it in view.
    t.text('꼭');
    line = '> …니다 여러 줄에 걸쳐서 계속 꼭씁니다';
    await t.waitFor(line);
    expect(Number(t.format('#{cursor_x}'))).toBe(displayWidth(line) - 6);
    t.kill();

    const u = await quiz(env, ['--mode', 'typed', '--tag', 'en-typed'], 40, 12);
    await u.waitFor('실행을 맡기는 데몬');
    u.text('--publish=0.0.0.0:8081:80 --restart unless-stopped');
    line = '> …0.0:8081:80 --restart unless-stopped';
    await u.waitFor(line);
    expect(Number(u.format('#{cursor_x}'))).toBe(displayWidth(line));
    // All the way back to the start: the start of the answer, the cursor on its first character.
    await press(u, ...Array<string>(55).fill('Left'));
    await u.waitFor('> --publish=0.0.0.0:8081:80 --restart u…');
    await sleep(200);
    expect(Number(u.format('#{cursor_x}'))).toBe(2);
    u.kill();
  });
});

describe('the interviewer judge (issue 12)', () => {
  const JUDGE_CARDS: Card[] = [
    { id: 'df-publish', type: 'typed', front: '컨테이너의 8080 포트를 호스트의 80 포트로 공개하는 docker run 옵션은?', answer: '-p 80:8080', aliases: ['--publish 80:8080'], tags: ['judge'] },
    { id: 'pid-ns', type: 'typed', front: '컨테이너 안의 앱이 PID 1로 보이게 하는 커널 기능은?', answer: 'PID namespace', tags: ['judge'] },
  ];

  test('a reversed port mapping is wrong, a Korean answer for an English term is right, an overruled verdict records the chosen grade', async () => {
    const home = newHome('amgi-judge-e2e-');
    const decks = join(home, 'judge-decks');
    mkdirSync(decks, { recursive: true });
    writeFileSync(join(decks, 'judge.json'), JSON.stringify({ id: 'judge', title: 'judge', description: 'issue 12 judge cards', language: 'ko', cards: JUDGE_CARDS }, null, 2));
    const t = await quiz({ home, decks }, ['--mode', 'typed', '--count', '2']);
    const answered = new Map<string, string>();
    for (let i = 1; i <= 2; i++) {
      const screen = await t.waitFor(new RegExp(`${i}/2`));
      if (screen.includes('포트로 공개하는')) {
        t.text('-p 8080:80');
        await t.waitFor('> -p 8080:80');
        await press(t, 'Enter');
        const verdict = await t.waitFor(/Not quite|Right!|Count it as right/);
        expect(verdict).toContain('✗ Not quite.');
        expect(verdict).not.toContain('(y/n)');
        expect(verdict).toContain('r I was right');
        // Overrule: "I was right" (Korean IME on: r sends ㄱ).
        t.text('ㄱ');
        await t.waitFor('Recorded as right (your call).');
        answered.set('df-publish', 'overruled');
      } else {
        t.text('PID 네임스페이스');
        await t.waitFor('> PID 네임스페이스');
        await press(t, 'Enter');
        const verdict = await t.waitFor(/Not quite|Right!|Count it as right/);
        expect(verdict).toContain('✓ Right!');
        answered.set('pid-ns', 'right');
      }
      await press(t, 'Enter');
    }
    await t.waitFor('Score 2/2');
    t.kill();
    expect([...answered.keys()].sort()).toEqual(['df-publish', 'pid-ns']);
    // The log holds Good for the overruled answer, not the Again the judge gave.
    const loaded = loadAllDecks({ decksDir: decks, env: {} }).decks;
    const p = openProgress({ home, decks: loaded, now: () => new Date(NOW), fuzz: false });
    expect(p.state('df-publish')).toMatchObject({ cramN: 1 });
    expect(p.state('df-publish')?.cramMiss ?? 0).toBe(0);
    expect(p.state('pid-ns')).toMatchObject({ cramN: 1 });
    p.close();
  });
});

describe('order', () => {
  test('arrange the steps with the keyboard and check', async () => {
    const env = setup();
    const t = await quiz(env, ['--mode', 'order']);
    const card = CARDS.find((c) => c.type === 'order')!;
    if (card.type !== 'order') throw new Error('fixture');
    const screen = await t.waitFor(card.front);
    const shown = [...screen.matchAll(/^[›≡ ] \d\. (.+)$/gm)].map((m) => card.steps.indexOf(m[1]!.trim()));
    expect([...shown].sort()).toEqual([0, 1, 2, 3]);
    // For each place: walk the cursor to the step that belongs there, then move it up with K.
    let cursor = 0;
    for (let pos = 0; pos < shown.length; pos++) {
      const from = shown.indexOf(pos);
      for (let i = cursor; i < from; i++) await press(t, 'Down');
      for (let i = from; i > pos; i--) await press(t, 'K');
      shown.splice(pos, 0, ...shown.splice(from, 1));
      cursor = pos;
    }
    t.keys('Enter');
    const after = await t.waitFor('✓ Right!');
    expect(after).toContain(`✓ 1. ${card.steps[0]}`);
    expect(after).toContain(`✓ 4. ${card.steps[3]}`);
  });
});

describe('mock interview', () => {
  test('think time counts down, then the model answer; a self-grade ends the session', async () => {
    const env = setup();
    // The shortest think time the settings allow.
    const decks = loadAllDecks({ decksDir: env.decks, env: {} }).decks;
    const p = openProgress({ home: env.home, decks, now: () => new Date(NOW), fuzz: false });
    p.saveSettings({ thinkSeconds: 5 });
    p.close();

    const t = await quiz(env, ['--mode', 'interview'], 40, 12);
    let screen = await t.waitFor(/Think: 0:0[45]/);
    expect(screen).toContain('컨테이너와 가상머신의');
    expectFits(screen, 40, 12);
    screen = await t.waitFor(/Think: 0:0[0-3]/, 8_000);
    screen = await t.waitFor('Time is up.', 10_000);
    expect(screen).toContain('• 커널 공유');
    expectFits(screen, 40, 12);
    t.keys('2');
    screen = await t.waitFor('Questions to revisit');
    expect(screen).toContain('컨테이너와 가상머신의');
  });
});
