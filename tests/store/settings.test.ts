/** F8: a settings file written by a newer amgi is read as far as possible, warned about, never saved over. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isAmgiError } from '../../src/core/errors.js';
import { isNewerVersion, openSettings, preloadConf, sanitizeSettings, settingsNeedMigration } from '../../src/store/settings.js';
import { amgi } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';

let t: ReturnType<typeof tmpHome>;
let file: string;
const NEWER = `${JSON.stringify({ newPerDay: 30, newPerDayAll: 100, futureOption: { mode: 'x' }, retention: 1.5, __internal__: { migrations: { version: '9.0.0' } } }, null, 2)}\n`;
beforeEach(() => {
  t = tmpHome();
  file = join(t.home, 'settings.json');
  writeFileSync(file, NEWER);
});
afterEach(() => t.cleanup());

describe('a settings file from a newer amgi (F8)', () => {
  test('amgi status and stats leave it byte for byte, use what they can read, and warn in one line', () => {
    for (const cmd of ['status', 'stats']) {
      const r = amgi([cmd, '--json'], { AMGI_HOME: t.home, AMGI_NOW: '2026-03-02T10:00:00Z' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.trim().split('\n')).toEqual([
        `amgi: ${file} was written by a newer amgi (settings version 9.0.0; this one knows 1.0.0): it is read as far as possible and never saved over`,
      ]);
      expect(readFileSync(file, 'utf8')).toBe(NEWER);
    }
    // newPerDay 30 was read: the images deck offers 30 new cards, not the default 20 (the collection cap is 100).
    const status = JSON.parse(amgi(['status', '--json'], { AMGI_HOME: t.home, AMGI_NOW: '2026-03-02T10:00:00Z' }).stdout);
    expect(status.decks.find((d: { id: string }) => d.id === 'images').new).toBe(30);
  });

  test('saving a setting is refused with one clear error; the file is unchanged', async () => {
    await preloadConf();
    const s = openSettings(t.home, () => new Date());
    expect(s.settings.newPerDay).toBe(30);
    expect(s.settings.retention).toBe(0.9); // out of our range: our default, without a second notice
    expect(s.notices).toHaveLength(1);
    let error: unknown;
    try {
      s.save({ newPerDay: 10 });
    } catch (e) {
      error = e;
    }
    expect(isAmgiError(error) && error.code).toBe('STORE_ERROR');
    expect((error as Error).message).toBe(`settings are not saved: ${file} belongs to a newer amgi (update amgi to change settings)`);
    expect(readFileSync(file, 'utf8')).toBe(NEWER);
  });

  test('isNewerVersion compares numerically; an unreadable version is not newer', () => {
    expect(isNewerVersion('9.0.0', '1.0.0')).toBe(true);
    expect(isNewerVersion('1.10.0', '1.9.0')).toBe(true);
    expect(isNewerVersion('1.0.0', '1.0.0')).toBe(false);
    expect(isNewerVersion('0.9', '1.0.0')).toBe(false);
    expect(isNewerVersion('1.0.0.1', '1.0.0')).toBe(true);
    expect(isNewerVersion('banana', '1.0.0')).toBe(false);
    expect(isNewerVersion(undefined, '1.0.0')).toBe(false);
  });
});

describe('settingsNeedMigration (the TUI loads conf before its first frame only then)', () => {
  test('only a settings.json of an older layout needs conf now', async () => {
    const home = t.home;
    rmSync(file);
    expect(settingsNeedMigration(home)).toBe(false); // none yet
    await preloadConf();
    openSettings(home, () => new Date()).save({ newPerDay: 7 });
    expect(settingsNeedMigration(home)).toBe(false); // written by this amgi
    writeFileSync(file, JSON.stringify({ newCardsPerDay: 7, language: 'en' }));
    expect(settingsNeedMigration(home)).toBe(true); // the old layout, no version
    writeFileSync(file, JSON.stringify({ __internal__: { migrations: { version: '99.0.0' } } }));
    expect(settingsNeedMigration(home)).toBe(false); // a newer amgi's: read as it is
    writeFileSync(file, '{ not json');
    expect(settingsNeedMigration(home)).toBe(false); // moved aside, not migrated
  });
});

describe('the recorded interview plan (Home shows it)', () => {
  test('a plan of a date, a deck or a tag is kept; anything else is named and dropped', () => {
    expect(sanitizeSettings({ plan: { until: '2026-03-05', deckId: 'images' } })).toMatchObject({ settings: { plan: { until: '2026-03-05', deckId: 'images' } }, invalid: [] });
    expect(sanitizeSettings({ plan: { until: '2026-03-05', tag: 'layer' } }).settings.plan).toEqual({ until: '2026-03-05', tag: 'layer' });
    for (const plan of [{ until: 'soon' }, { deckId: 'images' }, { until: '2026-03-05', tag: 3 }, 'x']) {
      const r = sanitizeSettings({ plan });
      expect(r.settings.plan).toBeUndefined();
      expect(r.invalid).toEqual(['plan']);
    }
  });
});

describe('a patch that sets some keys and removes others', () => {
  test('is one write of the settings file: a kill between two writes could keep half of it', async () => {
    const { watch } = await import('node:fs');
    rmSync(file); // this file's other tests start from a newer amgi's settings: none here
    await preloadConf();
    const s = openSettings(t.home, () => new Date());
    s.save({ plan: { until: '2030-01-02' }, newPerDay: 9 });
    let writes = 0;
    const watcher = watch(t.home, (_event, name) => {
      if (name === 'settings.json') writes++;
    });
    s.save({ pickers: { cram: { scope: 'all', weakest: 'off', until: '' } }, plan: undefined });
    await new Promise((r) => setTimeout(r, 200));
    watcher.close();
    expect(writes).toBe(1);
    const saved = JSON.parse(readFileSync(join(t.home, 'settings.json'), 'utf8'));
    expect(saved.plan).toBeUndefined();
    expect(saved.pickers.cram.until).toBe('');
    expect(saved.newPerDay).toBe(9);
  });
});
