/** The app around the screens: the screen stack, the help overlay, sizes, the interface language. */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { buildSearchIndex } from '../../src/core/search/index.js';
import { displayWidth } from '../../src/core/text/width.js';
import { KEYS, miniDecks, renderApp } from './render.js';
import { realServices } from './realStore.js';

afterEach(() => cleanup());

const lines = (frame: string) => frame.split('\n');

describe('stack', () => {
  test('a search from a review and back: the review is where it was', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'mini' }] });
    await app.waitFor('레이어란?');
    await app.press(' ', '3', ' ');
    await app.waitFor('new 6 · learn 1 ·');
    await app.press('/');
    await app.waitFor('type a word');
    await app.press(KEYS.esc);
    await app.waitFor('1 Again');
    expect(app.frame()).toContain('컨테이너 런타임');
    expect(app.frame()).toContain('new 6 · learn 1 ·');
  });

  test('back on Home after a review, the counts have moved', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services);
    await app.waitFor('Quit');
    await app.press(KEYS.tab, KEYS.enter);
    await app.waitFor('레이어란?');
    await app.press(' ', '3', 'q');
    await app.waitFor('Quit');
    // One new card answered Good: it is learning now.
    expect(app.frame()).toMatch(/미니 덱\s+6\s+1\s+0/);
    expect(app.frame()).toContain('1 answer today');
  });
});

describe('help, sizes, language', () => {
  test('? shows every key of the current screen; any key closes it and the review is where it was', async () => {
    const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'review', deckId: 'mini' }] });
    await app.waitFor('show answer');
    await app.press(' ', '?');
    await app.waitFor('Keys');
    const f = app.frame();
    for (const k of ['Space/Enter', 'u ', 's ', 'b ', '1 ', '4 ', 'PgDn', 'Esc/q', 'Ctrl+C']) expect(f).toContain(k);
    await app.press('z');
    await app.waitFor('1 Again');
  });

  test('Korean interface', async () => {
    const app = renderApp(realServices(miniDecks()), { lang: 'ko' });
    await app.waitFor('종료');
    expect(app.frame()).toContain('복습');
    expect(app.frame()).toContain('연속 0일');
  });

  test('at 40×12 every screen fits: no frame taller than rows − 1 or wider than 40 columns', async () => {
    const decks = miniDecks();
    const services = { ...realServices(decks), loadSearch: async () => buildSearchIndex(decks) };
    const screens = [
      { kind: 'home' as const },
      { kind: 'review' as const },
      { kind: 'search' as const, query: '컨테이너' },
      { kind: 'card' as const, deckId: 'mini', cardId: 'mini-interview' },
      { kind: 'settings' as const },
    ];
    for (const screen of screens) {
      const app = renderApp(services, { initial: [screen], columns: 40, rows: 12 });
      await app.waitFor(/\S/);
      await app.press(' ');
      const f = app.frame();
      expect(lines(f).length, screen.kind).toBeLessThanOrEqual(11);
      for (const l of lines(f)) expect(displayWidth(l), `${screen.kind}: ${l}`).toBeLessThanOrEqual(40);
      app.unmount();
    }
  });
});
