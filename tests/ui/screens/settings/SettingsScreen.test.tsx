/** The settings screen: each change saved through the real store at once. */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, miniDecks, renderApp } from '../../render.js';
import { realServices } from '../../realStore.js';
import { expectFits } from '../../../helpers/fits.js';

afterEach(() => cleanup());

describe('settings', () => {
  test('settings are saved through the store; the language switches at once', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'settings' }], lang: undefined });
    await app.waitFor('New/day, all decks');
    // The line under the list says what the highlighted setting does.
    expect(app.frame()).toContain('New cards a day in an All decks review, counted over every deck together.');
    await app.press(KEYS.right);
    expect(services.progress.settings.newPerDayAll).toBe(21);
    // By 10 with Shift (issue 14), and by 10 with L / H for terminals that drop Shift.
    await app.press('\u001b[1;2C');
    expect(services.progress.settings.newPerDayAll).toBe(31);
    await app.press('H');
    expect(services.progress.settings.newPerDayAll).toBe(21);
    await app.press('j', 'j');
    await app.waitFor('New cards a day per deck; this cap holds inside an All decks review too.');
    await app.press('j', 'j', KEYS.left);
    expect(services.progress.settings.retention).toBe(0.89);
    await app.press('j', 'j', 'l');
    expect(services.progress.settings.thinkSeconds).toBe(75);
    expect(services.progress.settings.typeAnswers).toBe(true);
    await app.press('j', 'l');
    expect(services.progress.settings.typeAnswers).toBe(false);
    await app.press('j', 'l');
    expect(services.progress.settings.language).toBe('ko');
    await app.waitFor('하루 새 카드');
    const ko = renderApp(realServices(miniDecks()), { initial: [{ kind: 'home' }, { kind: 'settings' }], lang: 'ko' });
    await ko.waitFor('전체 덱 복습에서 하루에 나오는 새 카드 수입니다 (모든 덱 합계).');
  });

  test('the footer offers Shift ±10 on the daily limits only; other rows say ←/→ change (both languages)', async () => {
    for (const [lang, big, change] of [
      ['en', '←/→ ±1 · Shift+←/→ ±10', '←/→ change'],
      ['ko', '←/→ ±1 · Shift+←/→ ±10', '←/→ 바꾸기'],
    ] as const) {
      const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'settings' }], lang });
      await app.waitFor(big);
      // The four limits, then retention, day start, think time, type answers, language.
      for (let i = 0; i < 3; i++) {
        await app.press('j');
        expect(app.frame()).toContain(big);
      }
      for (let i = 0; i < 5; i++) {
        await app.press('j');
        await app.waitFor(change);
        expect(app.frame(), `${lang} row ${i + 5}`).not.toContain('±10');
      }
      app.unmount();
    }
  });

  test('at 40×12 the list scrolls with the highlight and says what is hidden (↓ 4 more / ↑ 5개 더)', async () => {
    for (const [lang, down, last, up] of [
      ['en', '↓ 4 more', '› Language', '↑ 5 more'],
      ['ko', '↓ 4개 더', '› 언어', '↑ 5개 더'],
    ] as const) {
      const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'settings' }], lang, columns: 40, rows: 12 });
      await app.waitFor(down);
      expect(app.frame()).not.toContain(last.slice(2));
      expectFits(app.frame(), 40, 12);
      for (let i = 0; i < 8; i++) await app.press('j');
      await app.waitFor(last);
      expect(app.frame()).toContain(up);
      expect(app.frame()).not.toMatch(/↓ \d/);
      expectFits(app.frame(), 40, 12);
      // Back up: the window follows, the first row shows again without an ↑ marker.
      for (let i = 0; i < 8; i++) await app.press('k');
      await app.waitFor(down);
      expect(app.frame()).not.toMatch(/↑ \d/);
      app.unmount();
    }
  });

  test('with --lang the language row says so; a change is saved and applied at once, over the flag', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'settings' }], lang: 'ko', columns: 40, rows: 12 });
    await app.waitFor('설정');
    for (let i = 0; i < 8; i++) await app.press('j');
    await app.waitFor('› 언어');
    // The whole value, not "자동 (LANG…" as before: the short label leaves it room.
    expect(app.frame()).toContain('‹ 한국어 (--lang) ›');
    expect(app.frame()).toContain('--lang을 따릅니다');
    expectFits(app.frame(), 40, 12);
    // → goes on from the language shown (한국어), not from the saved "auto".
    await app.press(KEYS.right);
    expect(services.progress.settings.language).toBe('en');
    await app.waitFor('› Language');
    expect(app.frame()).toContain('‹ English ›');
    expect(app.frame()).not.toContain('--lang');
    expect(app.frame()).toContain('Saved.');
    // And the rest of the app follows: Home in English.
    await app.press(KEYS.esc);
    await app.waitFor('All decks');
  });
});
