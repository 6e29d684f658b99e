/** The settings screen: each change saved through the real store at once. */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, miniDecks, renderApp } from '../../render.js';
import { realServices } from '../../realStore.js';

afterEach(() => cleanup());

describe('settings', () => {
  test('settings are saved through the store; the language switches at once', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'settings' }], lang: undefined });
    await app.waitFor('New/day, all decks');
    // The line under the list says what the highlighted setting does.
    expect(app.frame()).toContain('all decks together');
    await app.press(KEYS.right);
    expect(services.progress.settings.newPerDayAll).toBe(21);
    // By 10 with Shift (issue 14), and by 10 with L / H for terminals that drop Shift.
    await app.press('\u001b[1;2C');
    expect(services.progress.settings.newPerDayAll).toBe(31);
    await app.press('H');
    expect(services.progress.settings.newPerDayAll).toBe(21);
    await app.press('j', 'j');
    await app.waitFor('from any one deck');
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
  });
});
