/**
 * Second tmux walkthrough at 40×12 (and --lang ko): each test fails on the code before its
 * fix. Every frame keeps to rows − 1 lines and the terminal's width.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Card, LoadedDeck } from '../../src/core/deck/types.js';
import { displayWidth } from '../../src/core/text/width.js';
import { formatInterval } from '../../src/ui/format.js';
import { messagesFor } from '../../src/ui/i18n/index.js';
import { fitHint, fitRow, highlightSegments, rowWidth, scrollToMatch, seg } from '../../src/ui/textLayout.js';
import { deckHeading } from '../../src/ui/screens/home/homeModel.js';
import { expectFits } from '../helpers/fits.js';
import { realServices } from './realStore.js';
import { KEYS, miniDecks, renderApp } from './render.js';
import { openRealStore } from './realStore.js';

afterEach(() => cleanup());

const COLS = 40;
const ROWS = 12;
const T0 = () => new Date('2025-03-01T09:00:00Z');
const lines = (frame: string) => frame.split('\n');
const lastLine = (frame: string) => lines(frame).at(-1) ?? '';

const TITLES = ['Docker 아키텍처', 'CNCF와 클라우드 네이티브', 'Dockerfile 명령어', '이미지와 컨테이너', '이미지 레지스트리', '컨테이너 런타임과 OCI', '가상화: 가상머신과 컨테이너'];

/** Seven decks, as shipped: Home lists "All decks" and these (eight rows). */
function sevenDecks(): LoadedDeck[] {
  return TITLES.map((title, i) => {
    const cards: Card[] = [{ id: `d${i}-a`, type: 'basic', front: `${title} 질문`, back: '답' }];
    return { deck: { id: `d${i}`, title, description: '', language: 'ko', cards }, file: `d${i}.json`, origin: 'dir', contentHash: `d${i}` };
  });
}

describe('1. Home at 40×12 says when decks are hidden', () => {
  test('the table header counts the decks above and below its window, and ↓ in the focused list reaches them all', async () => {
    const app = renderApp(realServices(sevenDecks()), { columns: COLS, rows: ROWS });
    await app.waitFor('All decks');
    // Eight rows, two shown: six hidden below.
    expect(app.frame()).toContain('Deck ↓ 6 more');
    expectFits(app.frame(), COLS, ROWS);
    await app.press(KEYS.tab, KEYS.down, KEYS.down, KEYS.down);
    await app.waitFor(`› ${TITLES[2]}`);
    expect(app.frame()).toContain('Deck ↑ 2 ↓ 4 more');
    expectFits(app.frame(), COLS, ROWS);
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down);
    await app.waitFor('Deck ↑ 6 more');
    expectFits(app.frame(), COLS, ROWS);
  });

  test('in Korean too; with every deck in view the header is just "Deck"', async () => {
    const ko = renderApp(realServices(sevenDecks()), { columns: COLS, rows: ROWS, lang: 'ko' });
    await ko.waitFor('덱 ↓ 6개 더');
    expectFits(ko.frame(), COLS, ROWS);
    ko.unmount();
    const big = renderApp(realServices(sevenDecks()), { columns: 80, rows: 24 });
    await big.waitFor('All decks');
    expect(big.frame()).not.toMatch(/Deck [↑↓]/);
    expect(deckHeading(messagesFor('en'), 0, 0)).toBe('Deck');
  });
});

describe('2. Stats at 40×12: every deck\'s mastery is reachable', () => {
  test('↓/PgDn scroll the overview to the last deck with ↑/↓ markers; ←/→ still switch panels', async () => {
    const store = openRealStore(sevenDecks(), T0);
    try {
      const app = renderApp(store.services, { initial: [{ kind: 'stats' }], columns: COLS, rows: ROWS });
      await app.waitFor('[Overview]');
      expect(app.frame()).toMatch(/↓ \d+ more/);
      expect(app.frame()).not.toContain('… +');
      expect(app.frame()).not.toContain('가상화');
      expect(lastLine(app.frame())).toContain('↑/↓ scroll');
      expectFits(app.frame(), COLS, ROWS);
      await app.press(KEYS.pageDown);
      await app.waitFor('가상화');
      expect(app.frame()).toMatch(/↑ \d+ more/);
      expect(app.frame()).not.toMatch(/↓ \d+ more/);
      expectFits(app.frame(), COLS, ROWS);
      await app.press(KEYS.up, KEYS.up, KEYS.up);
      await app.waitFor('Retention');
      await app.press(KEYS.down);
      await app.waitFor(/↑ \d+ more/);
      // Panels still switch; a panel starts at its top.
      await app.press(KEYS.right);
      await app.waitFor('[Forecast]');
      expect(app.frame()).toContain('Due, next 30 days');
      expectFits(app.frame(), COLS, ROWS);
      await app.press(KEYS.left);
      await app.waitFor('[Overview]');
      expect(app.frame()).toContain('Retention');
      // ? lists the scroll keys on a panel that scrolls.
      await app.press('?');
      await app.waitFor('Keys');
      expect(app.frame()).toContain('scroll down');
      app.unmount();
    } finally {
      store.close();
    }
  });
});

describe('3. Search at 40×12 uses the width', () => {
  const CARDS: Card[] = [
    { id: 'pull', type: 'basic', front: 'docker pull 할 때 이미 로컬에 있는 레이어는?', back: 'digest가 같으면 다시 받지 않는다' },
    { id: 'image', type: 'basic', front: '도커 이미지 레이어를 설명하세요', back: '읽기 전용 층' },
  ];
  const decks = (): LoadedDeck[] => [{ deck: { id: 'img', title: '이미지', description: '', language: 'ko', cards: CARDS }, file: 'img.json', origin: 'dir', contentHash: 'img' }];

  test('a snippet cut on the left keeps the match and fills the line', async () => {
    const app = renderApp(realServices(decks()), { initial: [{ kind: 'search', query: '레이어' }], columns: COLS, rows: ROWS });
    await app.waitFor('2 matches');
    const hit = lines(app.frame()).find((l) => l.includes('로컬에'));
    // Before: "  …에 있는 레이어는?" (20 of 38 columns).
    expect(hit?.slice(2)).toBe('…pull 할 때 이미 로컬에 있는 레이어는?');
    expect(displayWidth(hit!)).toBeGreaterThanOrEqual(COLS - 1);
    expectFits(app.frame(), COLS, ROWS);
  });

  test('scrollToMatch: only as much is dropped as needed; a match at the right edge is not cut by the trailing …', () => {
    const M = { bold: true };
    const text = (row: ReturnType<typeof fitRow>) => row.map((s) => s.text).join('');
    const short = 'docker pull 할 때 이미 로컬에 있는 레이어는?';
    const at = short.indexOf('레이어');
    const shown = fitRow(scrollToMatch(highlightSegments(short, [[at, at + 3]], M), 38, M), 38);
    expect(rowWidth(shown)).toBeGreaterThanOrEqual(37);
    expect(text(shown).endsWith('레이어는?')).toBe(true);
    // The match ends in the last column and more follows: fitRow's … would eat its last character.
    const edge = `${'a'.repeat(17)}레이어 그 뒤로 더 긴 이야기`;
    const cut = fitRow(scrollToMatch(highlightSegments(edge, [[17, 20]], M), 23, M), 23);
    expect(cut.find((s) => s.style === M)?.text).toBe('레이어');
    // A long line keeps a little context before the match, then the rest up to the edge.
    const long = `${'가'.repeat(50)}레이어 ${'나'.repeat(40)}`;
    const far = fitRow(scrollToMatch(highlightSegments(long, [[50, 53]], M), 30, M), 30);
    expect(far.find((s) => s.style === M)?.text).toBe('레이어');
    expect(rowWidth(far)).toBeGreaterThanOrEqual(29);
  });
});

describe('4. Grade intervals in the interface language', () => {
  test('--lang ko: 1분 · 6분 · 10분 · 8일; English stays 1m · 6m · 10m · 8d', async () => {
    const ko = renderApp(realServices(miniDecks()), { initial: [{ kind: 'review', deckId: 'mini' }], columns: COLS, rows: ROWS, lang: 'ko' });
    await ko.waitFor('레이어란?');
    await ko.press(' ');
    await ko.waitFor('1 다시 1분');
    const f = ko.frame();
    for (const s of ['2 어려움 6분', '3 알맞음 10분', '4 쉬움 8일']) expect(f).toContain(s);
    expect(f).not.toMatch(/\d+[mhd]\b/);
    expectFits(f, COLS, ROWS);
    ko.unmount();
    const en = renderApp(realServices(miniDecks()), { initial: [{ kind: 'review', deckId: 'mini' }], columns: COLS, rows: ROWS });
    await en.waitFor('레이어란?');
    await en.press(' ');
    await en.waitFor('1 Again 1m · 2 Hard 6m · 3 Good 10m');
    expect(en.frame()).toContain('4 Easy 8d');
  });

  test('the real scheduler\'s previews, in Korean', async () => {
    const store = openRealStore(miniDecks(), T0);
    try {
      const app = renderApp(store.services, { initial: [{ kind: 'review', deckId: 'net' }], columns: COLS, rows: ROWS, lang: 'ko' });
      await app.waitFor('bridge');
      await app.press(' ');
      await app.waitFor('1 다시 1분');
      expect(app.frame()).toMatch(/4 쉬움 \d+일/);
      expectFits(app.frame(), COLS, ROWS);
    } finally {
      store.close();
    }
  });

  test('every unit: 분, 시간, 일, 개월, 년 (m, h, d, mo, y in English)', () => {
    const from = Date.parse('2025-03-01T09:00:00Z');
    const at = (ms: number) => new Date(from + ms);
    const MIN = 60_000;
    const DAY = 86_400_000;
    const cases: [number, string, string][] = [
      [MIN, '1분', '1m'],
      [10 * MIN, '10분', '10m'],
      [3 * 60 * MIN, '3시간', '3h'],
      [9 * DAY, '9일', '9d'],
      [90 * DAY, '3개월', '3mo'],
      [438 * DAY, '1.2년', '1.2y'],
    ];
    for (const [ms, ko, en] of cases) {
      expect(formatInterval(at(ms), from, messagesFor('ko'))).toBe(ko);
      expect(formatInterval(at(ms), from, messagesFor('en'))).toBe(en);
    }
  });
});

describe('5. Order question: the footer says what Space does now', () => {
  for (const [lang, pickUp, drop] of [
    ['en', 'Space pick up', 'Space drop'],
    ['ko', 'Space 집기', 'Space 놓기'],
  ] as const) {
    test(`${lang}: "${pickUp}", then "${drop}" while a step is held (≡)`, async () => {
      const store = openRealStore(miniDecks(), T0);
      try {
        const app = renderApp(store.services, { initial: [{ kind: 'quiz', mode: 'order', deckId: 'mini', count: 1, seed: 1 }], columns: COLS, rows: ROWS, lang });
        await app.waitFor(pickUp);
        await app.press(' ');
        await app.waitFor('≡');
        expect(lastLine(app.frame())).toContain(drop);
        expect(app.frame()).not.toContain(pickUp);
        expectFits(app.frame(), COLS, ROWS);
        await app.press(' ');
        await app.waitFor(pickUp);
        expect(app.frame()).not.toContain('≡');
      } finally {
        store.close();
      }
    });
  }
});

describe('6. Footers cut at 40 columns keep the way out', () => {
  test('Home keeps "q quit", review keeps "q back" (English and Korean); other hints go first', async () => {
    const home = renderApp(realServices(miniDecks()), { columns: COLS, rows: ROWS });
    await home.waitFor('Enter select');
    expect(lastLine(home.frame())).toBe('Enter select · / search · q quit');
    home.unmount();
    for (const [lang, back] of [
      ['en', 'q back'],
      ['ko', 'q 뒤로'],
    ] as const) {
      const review = renderApp(realServices(miniDecks()), { initial: [{ kind: 'review', deckId: 'mini' }], columns: COLS, rows: ROWS, lang });
      await review.waitFor('레이어란?');
      expect(lastLine(review.frame()).endsWith(back)).toBe(true);
      expectFits(review.frame(), COLS, ROWS);
      review.unmount();
    }
  });

  test('fitHint drops the hints before the Back key\'s (q or Esc), keeping their order', () => {
    const text = (row: ReturnType<typeof fitHint>) => row.map((s) => s.text).join('');
    // The main action (Enter) goes just before the way out.
    expect(text(fitHint([seg('↑/↓ move · Enter open · Esc back')], 21))).toBe('Enter open · Esc back');
    expect(text(fitHint([seg('↑/↓ move · Enter open · Esc back')], 20))).toBe('Esc back');
    expect(text(fitHint([seg('q back · ? keys · u undo')], 10))).toBe('q back');
    expect(text(fitHint([seg('q: back · u: undo the last answer')], 12))).toBe('q: back');
    // A hint row that already fits is left alone.
    expect(text(fitHint([seg('u undo · s suspend · b bury · ? keys · q back')], 80))).toBe('u undo · s suspend · b bury · ? keys · q back');
  });
});

describe('quiz setup at 40 columns keeps its start key', () => {
  test('the footer drops ←/→ and ↑/↓ before "Enter 시작" (and the way out goes last)', async () => {
    const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'quizPicker' }], columns: COLS, rows: ROWS, lang: 'ko' });
    await app.waitFor('시작');
    const footer = lastLine(app.frame());
    expect(footer).toContain('Enter 시작');
    expect(footer).toContain('Esc 뒤로');
    expect(displayWidth(footer)).toBeLessThanOrEqual(COLS);
    app.unmount();
  });
});
