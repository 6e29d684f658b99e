/**
 * Third walkthrough at 40×12 (both languages): text that was cut mid-word at 40 columns, and
 * Settings rows hidden without a sign. Each test fails on the code before its fix.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Card, LoadedDeck } from '../../src/core/deck/types.js';
import { helpPage } from '../../src/ui/components/HelpOverlay.js';
import { messagesFor } from '../../src/ui/i18n/index.js';
import { Command } from '../../src/ui/keymap.js';
import { GLOBAL_COMMANDS, SCREEN_COMMANDS, type ScreenKind } from '../../src/ui/navigation.js';
import { makeTheme } from '../../src/ui/theme.js';
import { rowWidth, type Row } from '../../src/ui/textLayout.js';
import { expectFits } from '../helpers/fits.js';
import { realServices } from './realStore.js';
import { KEYS, renderApp } from './render.js';

afterEach(() => cleanup());

const COLS = 40;
const ROWS = 12;
const text = (row: Row) => row.map((s) => s.text).join('');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('help rows wrap instead of being cut', () => {
  test('at 40 columns every key\'s description is there whole, continued under itself', () => {
    const all = Object.values(Command);
    for (const lang of ['en', 'ko'] as const) {
      const t = messagesFor(lang);
      const ui = { messages: t, theme: makeTheme(false), columns: COLS };
      const pages: [ScreenKind, readonly Command[] | undefined][] = [...Object.keys(SCREEN_COMMANDS).map((k): [ScreenKind, undefined] => [k as ScreenKind, undefined]), ['review', all]];
      for (const [kind, commands] of pages) {
        const { rows, keysAt } = helpPage(kind, ui, commands);
        for (const r of rows) expect(rowWidth(r), text(r)).toBeLessThanOrEqual(COLS);
        // Key rows in order; a row that starts blank (under the key column) goes on with the one above.
        const listed = [...(commands ?? SCREEN_COMMANDS[kind]), ...GLOBAL_COMMANDS];
        const groups: string[][] = [];
        for (const line of rows.slice(keysAt + 1).map(text)) {
          if (line.startsWith(' ') && groups.length) groups.at(-1)!.push(line);
          else groups.push([line]);
        }
        groups.slice(-listed.length).forEach((g, i) => {
          expect(squash(g.join(' ')).endsWith(squash(t.help.commands[listed[i]!])), `${lang} ${kind}: ${g.join(' / ')}`).toBe(true);
        });
      }
    }
  });

  test('? in a review at 40×12 (Korean): the Space/Enter row goes on to the next line', async () => {
    const app = renderApp(realServices(longQuestionDeck()), { initial: [{ kind: 'review', deckId: 'd' }], lang: 'ko', columns: COLS, rows: ROWS });
    await app.waitFor('질문');
    await app.press('?');
    await app.waitFor('키 · 복습');
    expect(app.frame()).toContain('Space/Enter  정답 보기; 정답 화면에서는\n             알맞음');
    expect(app.frame()).not.toContain('…');
    expectFits(app.frame(), COLS, ROWS);
  });
});

function longQuestionDeck(): LoadedDeck[] {
  const cards: Card[] = [
    { id: 'q', type: 'basic', front: '질문', back: '답' },
    { id: 'typed', type: 'typed', front: 'PID를 격리하는 커널 기능은?', answer: 'PID namespace' },
  ];
  return [{ deck: { id: 'd', title: '덱', description: '', language: 'ko', cards }, file: 'd.json', origin: 'dir', contentHash: 'd' }];
}

describe('the judged-grade line of a typed review fits 40 columns', () => {
  test('"Space/Enter: <grade> (judged)" stays whole; the "1–4" part goes (the grade row above shows 1–4)', async () => {
    for (const [lang, line] of [
      ['en', 'Space/Enter: Good (judged)'],
      ['ko', 'Space/Enter: 알맞음 (채점)'],
    ] as const) {
      const deck = longQuestionDeck();
      deck[0]!.deck.cards.shift();
      const app = renderApp(realServices(deck), { initial: [{ kind: 'review', deckId: 'd' }], lang, columns: COLS, rows: ROWS });
      await app.waitFor('PID를 격리하는');
      await app.press('PID namespace', KEYS.enter);
      await app.waitFor('Space/Enter:');
      const frame = app.frame();
      expect(frame.split('\n')).toContain(line);
      expect(frame).not.toContain('…');
      expectFits(frame, COLS, ROWS);
      app.unmount();
    }
  });
});
