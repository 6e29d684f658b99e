/** The home screen over the real store: decks with counts, the menu, notices, quitting. */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, miniDecks, renderApp } from '../../render.js';
import { realServices } from '../../realStore.js';

afterEach(() => cleanup());

describe('home', () => {
  test('first run: what amgi is, the decks with counts, the menu', async () => {
    const app = renderApp(realServices(miniDecks()));
    await app.waitFor('Quit');
    const f = app.frame();
    expect(f).toContain('Docker flashcards with spaced repetition');
    // 7 of 8 new today: a reversible card's other side waits for another day.
    expect(f).toMatch(/미니 덱\s+7\s+0\s+0/);
    expect(f).toMatch(/Network\s+1\s+0\s+0/);
    expect(f).toContain('All decks');
    expect(f).toContain('streak 0 days');
    for (const item of ['Review', 'Cram', 'Quiz', 'Search', 'Stats', 'Settings', 'Help', 'Quit']) expect(f).toContain(item);
  });

  test('broken deck files are a dismissible notice, not a crash', async () => {
    const decks = miniDecks();
    const app = renderApp(realServices(decks, { problems: ['bad.json:3:5: "front" is missing'] }));
    await app.waitFor('1 deck file has problems');
    expect(app.frame()).toContain('bad.json:3:5');
    await app.press('x');
    expect(app.frame()).not.toContain('bad.json');
  });

  test('q on Home quits; so does Ctrl+C', async () => {
    const services = realServices(miniDecks());
    const a = renderApp(services);
    await a.waitFor('Quit');
    await a.press('q');
    expect(a.frame()).toContain('Quit'); // the last frame stays; the app has exited
    const b = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'settings' }] });
    await b.waitFor('Settings');
    await b.press(KEYS.ctrlC);
    await b.press('j');
    // After Ctrl+C no key is handled any more.
    expect(b.frame()).toContain('› New/day, all decks');
  });

  test('Esc on Home does not quit (Esc, Esc from a screen would leave the app): it says q quits', async () => {
    const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'home' }, { kind: 'settings' }] });
    await app.waitFor('Settings');
    await app.press(KEYS.esc);
    await app.waitFor('Quit');
    await app.press(KEYS.esc);
    await app.waitFor('q to quit');
    expect(app.frame()).not.toContain('Enter select');
    // Still running: the next key moves the menu, and the footer is back.
    await app.press('j');
    await app.waitFor('Enter select');
    expect(app.frame()).toMatch(/› Cram/);
  });

  test('Korean: Esc on Home says q: 끝내기', async () => {
    const app = renderApp(realServices(miniDecks()), { lang: 'ko' });
    await app.waitFor('종료');
    await app.press(KEYS.esc);
    await app.waitFor('q: 끝내기');
  });
});
