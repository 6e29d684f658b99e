/** The search screen with the real engine over the mini decks. */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { buildSearchIndex } from '../../../../src/core/search/index.js';
import type { SearchEngine } from '../../../../src/ui/context.js';
import { displayWidth } from '../../../../src/core/text/width.js';
import type { Card, LoadedDeck } from '../../../../src/core/deck/types.js';
import { KEYS, miniDecks, renderApp } from '../../render.js';
import { realServices } from '../../realStore.js';

afterEach(() => cleanup());

const lines = (frame: string) => frame.split('\n');

describe('search', () => {
  const withRealSearch = () => {
    const decks = miniDecks();
    return { ...realServices(decks), loadSearch: async () => buildSearchIndex(decks) };
  };

  test('type as you go in Korean, 초성 too; Enter opens the card with its source; Esc back', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'home' }, { kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('레이어');
    await app.waitFor('레이어란?');
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await app.press('ㄹㅇㅇ');
    await app.waitFor('레이어란?');
    await app.press(KEYS.enter);
    await app.waitFor('Card · mini-layer');
    expect(app.frame()).toContain('이미지를 이루는 읽기 전용 층');
    expect(app.frame()).toContain('Deck: 미니 덱');
    await app.press(KEYS.esc);
    await app.waitFor('› ㄹㅇㅇ');
    await app.press(KEYS.esc);
    await app.waitFor('Quit');
  });

  test('Home / End and Ctrl+A / Ctrl+E move the cursor to the start and end of the box', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('이미지', '\u0001', '레');
    await app.waitFor('› 레이미지');
    await app.press('\u0005', '!');
    await app.waitFor('› 레이미지!');
    await app.press('\u001b[H', 'x', '\u001b[F', 'y');
    await app.waitFor('› x레이미지!y');
  });

  test('letters are text in the box: q types, it does not go back', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'home' }, { kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('q', 'ㅂ');
    expect(app.frame()).toContain('› qㅂ');
  });

  test('the header counts every match, not the 100 the list holds', async () => {
    const [mini] = miniDecks();
    const cards: Card[] = Array.from({ length: 130 }, (_, i) => ({ id: `n${i}`, type: 'basic', front: `네임스페이스 질문 ${i}`, back: '-' }));
    const decks: LoadedDeck[] = [{ ...mini!, deck: { ...mini!.deck, cards } }];
    const app = renderApp({ ...realServices(decks), loadSearch: async () => buildSearchIndex(decks) }, { initial: [{ kind: 'search', query: '네임스페이스' }] });
    await app.waitFor('130 matches');
  });

  test('each key ranks a first page, not the whole list; moving down past it brings the rest after it, the first page unmoved', async () => {
    const [mini] = miniDecks();
    const cards: Card[] = Array.from({ length: 130 }, (_, i) => ({ id: `n${i}`, type: 'basic', front: `네임스페이스 질문 ${i}`, back: '-' }));
    const decks: LoadedDeck[] = [{ ...mini!, deck: { ...mini!.deck, cards } }];
    const real = buildSearchIndex(decks);
    const limits: number[] = [];
    // The longer ranking orders the cards otherwise (as a real one may): the shown page must not move.
    const engine: SearchEngine = {
      size: real.size,
      search: (q, o) => engine.find(q, o).hits,
      find: (q, o = {}) => {
        limits.push(o.limit ?? 20);
        const r = real.find(q, o);
        return (o.limit ?? 20) > 20 ? { ...r, hits: [...r.hits].reverse() } : r;
      },
    };
    const app = renderApp({ ...realServices(decks), loadSearch: async () => engine }, { initial: [{ kind: 'search', query: '네임스페이스' }], rows: 24 });
    await app.waitFor('130 matches');
    const firstPage = app.frame();
    expect(limits.length).toBeGreaterThan(0);
    expect(Math.max(...limits)).toBe(20);
    const listed = (frame: string) => [...frame.matchAll(/질문 (\d+)/g)].map((m) => Number(m[1]));
    const page = real.find('네임스페이스', { limit: 20 }).hits.map((h) => Number(h.card.id.slice(1)));
    expect(listed(firstPage)).toEqual(page.slice(0, listed(firstPage).length));
    // Down until the window could reach the page's end: the rest is asked for, and what shows is
    // still the first page's cards in the first page's order.
    for (let i = 0; i < 12; i++) await app.press(KEYS.down);
    expect(Math.max(...limits)).toBe(100);
    const shown = listed(app.frame());
    const from = page.indexOf(shown[0]!);
    expect(shown).toEqual(page.slice(from, from + shown.length));
    // Past the page: cards it did not hold, none listed twice.
    for (let i = 0; i < 15; i++) await app.press(KEYS.down);
    const later = listed(app.frame());
    expect(later.some((n) => !page.includes(n))).toBe(true);
    expect(new Set(later).size).toBe(later.length);
  });

  test('# alone lists the tags with counts and deck: the decks; Enter fills the query and searches', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('#');
    await app.waitFor('#image  1 card');
    expect(app.frame()).not.toContain('No matches');
    await app.press(KEYS.enter);
    await app.waitFor('› #image\n');
    await app.waitFor('레이어란?');
    await app.press('deck:');
    await app.waitFor('deck:net  Network · 1 card');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('› #image deck:net\n');
    await app.waitFor('No matches');
  });

  test.each([
    ['en', 'No matches.', 'Try fewer words, 초성 ㄷㅋ, 도커/docker'],
    ['ko', '결과가 없습니다.', '단어 줄이기 · 초성 ㄷㅋ · 도커/docker'],
  ] as const)('nothing found (%s): a muted line under it says what to try, whole at 40 columns', async (lang, none, hint) => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'search' }], lang, columns: 40, rows: 12 });
    await app.press('zzqqxxyy');
    await app.waitFor(none);
    const at = lines(app.frame()).findIndex((l) => l.includes(none));
    expect(lines(app.frame())[at + 1]!.trimEnd()).toBe(hint);
    expect(displayWidth(hint)).toBeLessThanOrEqual(40);
    await app.press(KEYS.backspace.repeat(8), '레이어');
    await app.waitFor('레이어란?');
    expect(app.frame()).not.toContain(hint);
  });

  test('the help lists Esc for back, not q, which types in the box', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'home' }, { kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('?');
    await app.waitFor('Keys');
    const back = lines(app.frame()).find((l) => /\bback\b/i.test(l) && l.includes('Esc'));
    expect(back).toBeDefined();
    expect(back).not.toContain('Esc/q');
  });

  test('text sent in the same chunk as / lands in the search box (walkthrough D18)', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'home' }] });
    await app.waitFor('Quit');
    app.stdin.write('/레이어');
    await app.waitFor('› 레이어');
    await app.waitFor('레이어란?');
  });

  test('keys written one by one right after / (before the search screen has drawn) all land in the box (walkthrough D18)', async () => {
    for (const first of ['home', 'review'] as const) {
      const app = renderApp(withRealSearch(), { initial: [{ kind: first }] });
      await app.waitFor(first === 'home' ? 'Quit' : /New|new/);
      // Four writes in one tick: the screen pushed by `/` has not had a passive effect yet.
      for (const k of ['/', '레', '이', '어']) app.stdin.write(k);
      await app.waitFor('› 레이어');
      await app.waitFor('레이어란?');
      app.stdin.write(KEYS.esc);
      app.unmount();
    }
  });

  test('keys right after Ctrl+U go into the emptied box, not after the old text (walkthrough D18)', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('#');
    await app.waitFor('› #');
    app.stdin.write('\u0015deck:');
    await app.waitFor('› deck:');
    app.stdin.write('\u0015');
    app.stdin.write('ㄹㅇㅇ');
    await app.waitFor('› ㄹㅇㅇ\n');
  });

  test('a query longer than the box at 40 columns scrolls: the end while typing there, the start after ← to it', async () => {
    const query = '컨테이너 런타임 이미지 레이어 네트워크 볼륨 설정';
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'search', query }], columns: 40, rows: 12 });
    await app.waitFor('› …임 이미지 레이어 네트워크 볼륨 설정\n');
    await app.press(...Array<string>(30).fill(KEYS.left));
    await app.waitFor('› 컨테이너 런타임 이미지 레이어 네트워…\n');
    for (const l of lines(app.frame())) expect(displayWidth(l)).toBeLessThanOrEqual(40);
  });

  test('↓ moves the highlight; a far match is scrolled into view', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'search', query: '런타임' }], columns: 40, rows: 12 });
    await app.waitFor(/matches?/);
    const before = app.frame();
    await app.press(KEYS.down);
    expect(app.frame()).not.toBe(before);
    for (const l of lines(app.frame())) expect(displayWidth(l)).toBeLessThanOrEqual(40);
  });
});
