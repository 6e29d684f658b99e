/** The home screen over the real store: decks with counts, the menu, notices, quitting. */
import { afterEach, describe, expect, onTestFinished, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, miniDecks, renderApp } from '../../render.js';
import { realServices, tickingClock } from '../../realStore.js';
import { tmpHome } from '../../../helpers/tmpHome.js';
import { displayWidth } from '../../../../src/core/text/width.js';
import { dayKey, studyDay } from '../../../../src/core/schedule/day.js';
import { openProgress } from '../../../../src/store/progress.js';
import { initialScreens } from '../../../../src/cli/commands/interactive.js';

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

  test('an interview plan under way: Home shows its day and today\'s answers, the same figure as the picker and the cram header', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'cramPicker' }] });
    await app.waitFor('Interview date');
    await app.press(KEYS.up, KEYS.right, KEYS.right, KEYS.right);
    await app.waitFor('(D-3)');
    expect(app.frame()).not.toContain('Today:');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Interview D-3');
    await app.press(' ', '3');
    await app.waitFor(/Interview D-3[\s\S]*new \d/);
    await app.press('q');
    await app.waitFor('Quit');
    const last = services.progress.settings.pickers!.cram!;
    const preview = services.progress.planPreview({ until: last.until! });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.started).toBe(true);
    expect(app.frame()).toMatch(new RegExp(`^Today: Review ≈ \\d+ answers · \\d+ min\n {7}Cram ≈ ${preview.today} answers · interview D-3$`, 'm'));
    // Cram (one key down the menu) remembers the plan: the picker and the session say the same figure.
    await app.press('j', KEYS.enter);
    await app.waitFor('(D-3)');
    expect(app.frame()).toContain(`${preview.today} today.`);
    await app.press(KEYS.enter);
    await app.waitFor(`new ${preview.today} ·`);
  });

  test('choosing "no date" in the cram picker ends the plan: Home no longer shows it', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'cramPicker' }] });
    await app.waitFor('Interview date');
    await app.press(KEYS.up, KEYS.right, KEYS.right, KEYS.right);
    await app.waitFor('(D-3)');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Interview D-3');
    await app.press(' ', '3');
    await app.waitFor(/Interview D-3[\s\S]*new \d/);
    await app.press('q');
    await app.waitFor('interview D-3');
    // Cram again, the date back to none: a plain cram, and the plan is over.
    await app.press('j', KEYS.enter);
    await app.waitFor('(D-3)');
    await app.press(KEYS.up, KEYS.left, KEYS.left, KEYS.left);
    await app.waitFor(/Interview date\s+‹ none ›|Interview date\s+‹ —/);
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor(/Cram/);
    await app.press('q');
    await app.waitFor('Quit');
    expect(services.progress.settings.plan).toBeUndefined();
    expect(app.frame()).not.toContain('interview D-');
  });

  test('with a plan under way the cram picker opens on its date (a plan 40 days out too): Enter goes on with it, never ends it', async () => {
    for (const days of [3, 40]) {
      const now = tickingClock();
      const until = dayKey(studyDay(now().getTime(), 4) + days);
      const services = realServices(miniDecks(), { now, settings: { plan: { until } } });
      const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'cramPicker' }] });
      await app.waitFor('Interview date');
      expect(app.frame()).toContain(`(D-${days})`);
      await app.press(KEYS.enter);
      await app.waitFor(`Interview D-${days}`);
      expect(services.progress.settings.plan?.until).toBe(until);
      app.unmount();
    }
  });

  test('a plan started on the command line (`amgi cram --until`) shows on the next Home, as one from the picker does', async () => {
    const decks = miniDecks();
    const now = tickingClock();
    const { home, cleanup: removeHome } = tmpHome();
    onTestFinished(removeHome);
    const until = dayKey(studyDay(now().getTime(), 4) + 3);
    // The screens `amgi cram --until DATE` starts with, over the store it opens; one answer, then q back to the shell.
    const cli = openProgress({ home, decks, now, fuzz: false });
    const cram = renderApp({ progress: cli, decks, problems: [], now, loadSearch: () => Promise.reject(new Error('no search')) }, {
      initial: initialScreens({ command: 'cram', args: [], flags: { until } }),
    });
    await cram.waitFor('Interview D-3');
    await cram.press(' ', '3');
    await cram.waitFor(/Interview D-3[\s\S]*new \d/);
    await cram.press('q');
    cli.close();
    cleanup();
    // The next `amgi`: a new store on the same folder.
    const next = openProgress({ home, decks, now, fuzz: false });
    onTestFinished(() => next.close());
    const preview = next.planPreview({ until });
    if (!preview.ok) throw new Error(preview.error);
    const app = renderApp({ progress: next, decks, problems: [], now, loadSearch: () => Promise.reject(new Error('no search')) });
    await app.waitFor('Quit');
    expect(app.frame()).toContain(`       Cram ≈ ${preview.today} answers · interview D-3`);
  });

  // The review's load and the plan's read as one summary under one "today", at 80×24 and 40×12, not two "today" lines.
  test.each([
    ['en', 80, 24, 'Today: ', /^Review ≈ \d+ answers · \d+ min$/, (n: number) => `Cram ≈ ${n} answers · interview D-3`, /today ≈/],
    // 7 + 33 columns: the plan's row fits whole at 40 while its count has one digit (the mini decks).
    ['en', 40, 12, 'Today: ', /^Review ≈ \d+ answers · \d+ min$/, (n: number) => `Cram ≈ ${n} answers · interview D-3`, /today ≈/],
    ['ko', 80, 24, '오늘: ', /^복습 약 \d+번 · \d+분$/, (n: number) => `벼락치기 약 ${n}번 · 면접 D-3`, /오늘 (답 )?약/],
    ['ko', 40, 12, '오늘: ', /^복습 약 \d+번 · \d+분$/, (n: number) => `벼락치기 약 ${n}번 · 면접 D-3`, /오늘 (답 )?약/],
  ] as const)('a plan under way, %s at %i columns: one "today" summary, the review and the plan under it, no line past the width', async (lang, columns, rows, label, review, plan, twice) => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'cramPicker' }], lang, columns, rows });
    await app.press(KEYS.up, KEYS.right, KEYS.right, KEYS.right, KEYS.down, KEYS.enter);
    await app.waitFor(lang === 'en' ? 'Interview D-3' : '면접 D-3');
    await app.press(' ', '3', 'q');
    await app.waitFor(label);
    const preview = services.progress.planPreview({ until: services.progress.settings.plan!.until });
    if (!preview.ok) throw new Error(preview.error);
    const lines = app.frame().split('\n');
    const at = lines.findIndex((l) => l.startsWith(label));
    expect(lines[at]!.slice(label.length)).toMatch(review);
    expect(lines[at + 1]).toBe(' '.repeat(displayWidth(label)) + plan(preview.today));
    expect(app.frame()).not.toMatch(twice);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
  });

  test('Korean: Esc on Home says q: 종료', async () => {
    const app = renderApp(realServices(miniDecks()), { lang: 'ko' });
    await app.waitFor('종료');
    await app.press(KEYS.esc);
    await app.waitFor('q: 종료');
  });
});
