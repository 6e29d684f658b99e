/**
 * Regressions found by walking through the built app in tmux (80×24 and 40×12): each test
 * fails on the code before its fix.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { displayWidth } from '../../src/core/text/width.js';
import { fitHint, seg } from '../../src/ui/textLayout.js';
import { realServices } from './realStore.js';
import { KEYS, miniDecks, renderApp } from './render.js';
import { openRealStore } from './realStore.js';
import { DECK } from '../core/quiz/fixture.js';
import type { LoadedDeck } from '../../src/core/deck/types.js';
import { EMPTY_FIELD, editField } from '../../src/ui/textField.js';
import { NO_KEY } from '../../src/ui/keymap.js';

afterEach(() => cleanup());

const lines = (frame: string) => frame.split('\n');

describe('help lists only keys that work where it is opened', () => {
  test('a choice question does not list the keys of order, typed or interview questions', async () => {
    const decks: LoadedDeck[] = [{ deck: DECK, file: 'docker.json', origin: 'dir', contentHash: 'test' }];
    const store = openRealStore(decks, () => new Date('2025-03-01T09:00:00Z'));
    try {
      const app = renderApp(store.services, { initial: [{ kind: 'quiz', mode: 'choice', count: 1, seed: 7 }] });
      await app.waitFor(/1–\d or/);
      await app.press('?');
      await app.waitFor('Keys');
      const f = app.frame();
      expect(f).toContain('choose option 1');
      expect(f).toContain('next question');
      for (const wrong of ['pick up', 'near miss', 'Again', 'drill', 'show the answer; once shown: Good']) expect(f).not.toContain(wrong);
    } finally {
      store.close();
    }
  });

  test('Home without a notice does not list x (dismiss); with one it does', async () => {
    const decks = miniDecks();
    const plain = renderApp(realServices(decks));
    await plain.waitFor('Quit');
    await plain.press('?');
    await plain.waitFor('Keys');
    for (let i = 0; i < 8; i++) await plain.press(KEYS.pageDown);
    expect(plain.frame()).toContain('next field / list');
    expect(plain.frame()).not.toContain('dismiss');
    plain.unmount();
    const withNotice = renderApp(realServices(decks, { problems: ['bad.json:3:5: "front" is missing'] }));
    await withNotice.waitFor('Quit');
    await withNotice.press('?');
    await withNotice.waitFor('Keys');
    // Home's help starts with the guide: the keys are further down.
    for (let i = 0; i < 8; i++) await withNotice.press(KEYS.pageDown);
    expect(withNotice.frame()).toContain('dismiss the notice');
  });

  test('the review summary lists undo, not the grades of a card that is no longer there', async () => {
    const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'review', deckId: 'net' }] });
    await app.waitFor('bridge');
    // Easy: graduated, the card does not come back as learning, and the session ends.
    await app.press(' ', '4');
    await app.waitFor('Session done');
    await app.press('?');
    await app.waitFor('Keys');
    expect(app.frame()).toContain('undo');
    expect(app.frame()).not.toContain('Again');
    expect(app.frame()).not.toContain('suspend');
  });

  test('stats at 80×24 (one page) does not list the panel keys of the compact layout', async () => {
    const store = openRealStore(miniDecks(), () => new Date('2025-03-01T09:00:00Z'));
    try {
      const wide = renderApp(store.services, { initial: [{ kind: 'stats' }], columns: 80, rows: 24 });
      await wide.waitFor('Mastery');
      await wide.press('?');
      await wide.waitFor('Keys');
      expect(wide.frame()).not.toContain('next panel');
      wide.unmount();
      const compact = renderApp(store.services, { initial: [{ kind: 'stats' }], columns: 40, rows: 12 });
      await compact.waitFor('Overview');
      await compact.press('?');
      await compact.waitFor('Keys');
      expect(compact.frame()).toContain('next panel');
    } finally {
      store.close();
    }
  });

  test('at 40×12 a help list longer than the screen says there is more and how to scroll', async () => {
    const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'review', deckId: 'mini' }], columns: 40, rows: 12 });
    await app.waitFor('show answer');
    await app.press('?');
    await app.waitFor('Keys');
    expect(app.frame()).toMatch(/↓ \d+ more/);
    expect(app.frame()).toContain('↑/↓ scroll');
    for (let i = 0; i < 12; i++) await app.press('j');
    expect(app.frame()).toContain('Ctrl+C');
    expect(app.frame()).not.toMatch(/↓ \d+ more/);
    expect(lines(app.frame()).length).toBeLessThanOrEqual(11);
  });
});

describe('review and cram', () => {
  test('a choice card shows its options on the front (a "which is NOT…" prompt needs them), the right one ✓ on the back', async () => {
    const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'review', deckId: 'mini' }] });
    await app.waitFor('레이어란?');
    // mini-layer, mini-runtime (its other direction waits for another day), mini-cloze, then mini-choice.
    await app.press(' ', '3', ' ', '3', ' ', '3');
    await app.waitFor('저수준 런타임은?');
    const front = app.frame();
    for (const o of ['• runc', '• containerd', '• CRI-O']) expect(front).toContain(o);
    await app.press(' ');
    await app.waitFor('✓ runc');
    expect(app.frame()).toContain('• containerd');
  });

  test('a cram that leaves the schedule alone does not promise next intervals', async () => {
    const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'cram', options: { deckId: 'mini' } }] });
    await app.waitFor('레이어란?');
    await app.press(' ');
    await app.waitFor('1 Again · 2 Hard · 3 Good · 4 Easy');
    expect(app.frame()).not.toContain('10m');
    const moving = renderApp(realServices(miniDecks()), { initial: [{ kind: 'cram', options: { deckId: 'mini', reschedule: true } }] });
    await moving.waitFor('레이어란?');
    await moving.press(' ');
    await moving.waitFor('3 Good 10m');
  });

  test('Card → r ("review this card now") is called a review that moves the schedule, in the header, the notice and the history', async () => {
    const words = {
      en: { title: 'Review · this card', line: 'Answers move the schedule.', cram: 'Cram', keys: 'Keys · Review', done: 'Session done', history: /Good {2}review/, cramLabel: 'cram' },
      ko: { title: '복습 · 이 카드', line: '답하면 일정이 바뀝니다.', cram: '벼락치기', keys: '키 · 복습', done: '세션 완료', history: /알맞음 {2}복습/, cramLabel: '벼락치기' },
    };
    for (const lang of ['en', 'ko'] as const) {
      const w = words[lang];
      const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'card', deckId: 'mini', cardId: 'mini-layer' }], lang });
      await app.waitFor('레이어란?');
      await app.press('r');
      await app.waitFor(w.title);
      expect(app.frame()).toContain(w.line);
      expect(app.frame()).not.toContain(w.cram);
      // Its help names the keys as a review's.
      await app.press('?');
      await app.waitFor(w.keys);
      await app.press('x');
      await app.waitFor(w.title);
      await app.press(' ', '3');
      await app.waitFor(w.done);
      await app.press('q');
      // The card's history: the answer moved the schedule, so it does not read "cram".
      await app.waitFor(w.history);
      expect(app.frame()).not.toContain(w.cramLabel);
      app.unmount();
    }
  });
});

describe('settings', () => {
  test('↓ ↓ ← arriving in one chunk (key repeat, a loaded machine) change the third field, not the first', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'settings' }] });
    await app.waitFor('New/day, all decks');
    await app.press(KEYS.down + KEYS.down + KEYS.left);
    expect(services.progress.settings.newPerDay).toBe(19);
    expect(services.progress.settings.newPerDayAll).toBe(20);
  });
});

describe('text fields', () => {
  test('Ctrl+U empties the search box (a typo like "runcehzj" needed eight Backspaces)', async () => {
    const decks = miniDecks();
    const app = renderApp(realServices(decks), { initial: [{ kind: 'search', query: 'runcehzj' }] });
    await app.waitFor('› runcehzj');
    await app.press('\u0015');
    await app.waitFor('› type a word');
    await app.press('?');
    await app.waitFor('Keys');
    expect(app.frame()).toContain('Ctrl+U');
  });
});

test('a quiz answer field, like the search field, applies a Backspace that arrives inside a chunk of typed keys', () => {
  const field = editField(EMPTY_FIELD, 'runcx\u007f', NO_KEY);
  expect(field).toEqual({ value: 'runc', cursor: 4 });
  expect(editField(field, '\u007f\u007f중', NO_KEY)).toEqual({ value: 'ru중', cursor: 3 });
});

test('Ctrl+U empties a quiz answer field too (one keymap command, both fields)', () => {
  const field = { value: '컨테이너 런타임', cursor: 8 };
  expect(editField(field, 'u', { ...NO_KEY, ctrl: true })).toEqual(EMPTY_FIELD);
  // Not Ctrl: the letter is text.
  expect(editField(field, 'u', NO_KEY).value).toBe('컨테이너 런타임u');
});

describe('card screen', () => {
  test('↓ ↓ ↓ in one chunk scroll three rows', async () => {
    const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'card', deckId: 'mini', cardId: 'mini-layer' }], columns: 40, rows: 12 });
    await app.waitFor('레이어란?');
    // The state block (state, counts, last answers, blank) is 4 rows, then front, blank, "Key points"…
    await app.press(KEYS.down + KEYS.down + KEYS.down);
    // Three rows scrolled away; the row under the ↑ marker is counted too: 3 + 1.
    expect(lines(app.frame())[1]).toContain('↑ 4 more');
    expect(lines(app.frame())[2]).toContain('레이어란?');
    await app.press(KEYS.up);
    expect(lines(app.frame())[1]).toContain('↑ 3 more');
    expect(lines(app.frame())[2]).toMatch(/^\s*$/);
  });
});

describe('narrow terminals and labels', () => {
  test('key hints drop whole items at 40 columns instead of cutting one ("q qu…")', async () => {
    const row = fitHint([seg('Enter select · / search · ? keys · q quit')], 38);
    // The way out is dropped last (see "footers keep the back / quit hint" below).
    expect(row.map((s) => s.text).join('')).toBe('Enter select · / search · q quit');
    // A sentence (a flash message) is still cut with …
    expect(fitHint([seg('Suspended — it will not come back until unsuspended.')], 20)[0]!.text.endsWith('…')).toBe(true);
    const app = renderApp(realServices(miniDecks()), { columns: 40, rows: 12 });
    await app.waitFor('Enter select');
    expect(app.frame()).not.toContain('q qu…');
    for (const l of lines(app.frame())) expect(displayWidth(l)).toBeLessThanOrEqual(40);
  });

  test('Home says which deck Quiz will use, as it does for Review and Cram', async () => {
    const app = renderApp(realServices(miniDecks()));
    await app.waitFor('Quit');
    // Tab: the deck list takes ↓; one cursor at a time.
    await app.press(KEYS.tab, KEYS.down);
    await app.waitFor('Review · 미니 덱');
    expect(app.frame()).toContain('Quiz · 미니 덱');
    expect(app.frame().match(/›/g)).toHaveLength(1);
    expect(app.frame()).toContain('› 미니 덱');
    // Shift+Tab goes back to the menu: its cursor, not the deck's.
    await app.press('\u001b[Z');
    expect(app.frame()).toContain('› Review · 미니 덱');
    expect(app.frame().match(/›/g)).toHaveLength(1);
  });

  test('Enter on a focused deck row reviews that deck', async () => {
    const app = renderApp(realServices(miniDecks()));
    await app.waitFor('Quit');
    await app.press(KEYS.tab, KEYS.down, KEYS.enter);
    await app.waitFor('Review · 미니 덱');
    expect(app.frame()).toContain('레이어란?');
  });
});

describe('home at 40×12', () => {
  test('a menu cut short by the terminal says how many items are hidden, and they scroll into view', async () => {
    const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'home' }], columns: 40, rows: 12 });
    await app.waitFor('Review');
    const hidden = /↑\/↓ (\d+) more/.exec(app.frame());
    expect(hidden).not.toBeNull();
    expect(app.frame()).not.toContain('Quit');
    for (let i = 0; i < 8; i++) await app.press(KEYS.down);
    await app.waitFor('› Quit');
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(11);
  });
});
