import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/core/schedule/types.js';
import { MENU, homeLayout, homeReducer, initialHome, menuTarget } from '../../../../src/ui/screens/home/homeModel.js';
import { SETTING_FIELDS, formatSetting, stepSetting } from '../../../../src/ui/screens/settings/settingsModel.js';
import { chooseLang, langFromEnv, messagesFor } from '../../../../src/ui/i18n/index.js';
import { colorEnabled, makeTheme } from '../../../../src/ui/theme.js';
import { formatElapsed, formatSpan, formatWhen } from '../../../../src/ui/format.js';
import { en } from '../../../../src/ui/i18n/en.js';

describe('home', () => {
  test('the layout never uses more rows than the body, from 40×12 up', () => {
    for (let body = 4; body <= 60; body++) {
      for (const used of [0, 1, 2, 5]) {
        for (const decks of [0, 1, 3, 40]) {
          const l = homeLayout(body, used, decks, MENU.length);
          const total = used + l.deckHeight + l.menuHeight + (l.gap ? 1 : 0);
          if (body - used >= 3) expect(total, `${body} ${used} ${decks}`).toBeLessThanOrEqual(body);
          expect(l.menuHeight).toBeGreaterThanOrEqual(3);
          expect(l.deckHeight).toBeLessThanOrEqual(decks + 1);
        }
      }
    }
  });

  test('at 80×24 every deck and the whole menu fit', () => {
    expect(homeLayout(21, 1, 6, 8)).toEqual({ deckHeight: 7, menuHeight: 8, gap: true });
  });

  test('menu entries open screens for the highlighted deck; Quiz and Cram open their pickers', () => {
    expect(menuTarget('review', 'docker')).toEqual({ screen: { kind: 'review', deckId: 'docker' } });
    expect(menuTarget('cram', undefined)).toEqual({ screen: { kind: 'cramPicker', deckId: undefined } });
    expect(menuTarget('quiz', 'docker')).toEqual({ screen: { kind: 'quizPicker', deckId: 'docker' } });
    expect(menuTarget('browse', 'docker')).toEqual({ screen: { kind: 'browse' } });
    expect(menuTarget('help', undefined)).toEqual({ help: true });
    expect(menuTarget('quit', undefined)).toEqual({ quit: true });
  });

  test('both lists wrap around; Tab / Shift+Tab switch the focus between them', () => {
    let s = initialHome;
    expect(s.focus).toBe('menu');
    s = homeReducer(s, { type: 'menu', by: -1 });
    expect(s.menu).toBe(MENU.length - 1);
    s = homeReducer(s, { type: 'menu', by: 1 });
    expect(s.menu).toBe(0);
    s = homeReducer(s, { type: 'focus' });
    expect(s.focus).toBe('decks');
    s = homeReducer(s, { type: 'deck', by: -1, count: 3 });
    expect(s.deck).toBe(2);
    s = homeReducer(homeReducer(s, { type: 'deck', by: 1, count: 3 }), { type: 'deck', by: 1, count: 3 });
    expect(s.deck).toBe(1);
    expect(homeReducer(s, { type: 'deck', by: 1, count: 0 }).deck).toBe(0);
    expect(homeReducer(s, { type: 'focus' }).focus).toBe('menu');
  });
});

describe('settings', () => {
  test('retention steps by whole percents without float drift and stays in 70–99%', () => {
    let s = { ...DEFAULT_SETTINGS };
    for (let i = 0; i < 5; i++) s = { ...s, ...stepSetting(s, 'retention', 1) };
    expect(s.retention).toBe(0.95);
    for (let i = 0; i < 40; i++) s = { ...s, ...stepSetting(s, 'retention', -1) };
    expect(s.retention).toBe(0.7);
    expect(formatSetting(s, 'retention', en.settings)).toBe('70%');
  });

  test('limits never go negative; the day start wraps; language cycles', () => {
    expect(stepSetting({ ...DEFAULT_SETTINGS, newPerDay: 0 }, 'newPerDay', -1)).toEqual({ newPerDay: 0 });
    expect(stepSetting({ ...DEFAULT_SETTINGS, dayStartHour: 23 }, 'dayStartHour', 1)).toEqual({ dayStartHour: 0 });
    expect(stepSetting(DEFAULT_SETTINGS, 'language', 1)).toEqual({ language: 'ko' });
    expect(stepSetting(DEFAULT_SETTINGS, 'language', -1)).toEqual({ language: 'en' });
    expect(SETTING_FIELDS).toContain('reviewsPerDay');
    // The mock interview's think time is a setting (issue 6): reachable from the Settings screen.
    expect(SETTING_FIELDS).toContain('thinkSeconds');
    expect(stepSetting(DEFAULT_SETTINGS, 'thinkSeconds', 1)).toEqual({ thinkSeconds: 75 });
    expect(stepSetting({ ...DEFAULT_SETTINGS, thinkSeconds: 15 }, 'thinkSeconds', -1)).toEqual({ thinkSeconds: 15 });
    expect(formatSetting({ ...DEFAULT_SETTINGS, thinkSeconds: 90 }, 'thinkSeconds', en.settings)).toBe('1:30');
  });

  test('type answers in review: on by default, ←/→ toggle it', () => {
    expect(DEFAULT_SETTINGS.typeAnswers).toBe(true);
    expect(SETTING_FIELDS).toContain('typeAnswers');
    expect(stepSetting(DEFAULT_SETTINGS, 'typeAnswers', 1)).toEqual({ typeAnswers: false });
    expect(stepSetting({ ...DEFAULT_SETTINGS, typeAnswers: false }, 'typeAnswers', -1)).toEqual({ typeAnswers: true });
    expect(formatSetting(DEFAULT_SETTINGS, 'typeAnswers', en.settings)).toBe('on');
  });
});

describe('language, theme, formats', () => {
  test('--lang beats the setting, which beats LC_ALL / LANG', () => {
    expect(langFromEnv({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LANG: 'ko_KR.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'ko' })).toBe('ko');
    expect(langFromEnv({ LANG: 'kok_IN' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
    expect(chooseLang('en', 'ko', { LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(chooseLang(undefined, 'ko', { LANG: 'en_US' })).toBe('ko');
    expect(chooseLang(undefined, 'auto', { LANG: 'ko_KR' })).toBe('ko');
    expect(messagesFor('ko').menu.review).toBe('복습');
  });

  test('without colour no token carries a colour, but highlights keep bold/underline', () => {
    const plain = makeTheme(false);
    expect(JSON.stringify(plain)).not.toContain('"color":"');
    expect(plain.match.bold).toBe(true);
    expect(makeTheme(true).grade.again.color).toBe('red');
    expect(colorEnabled({ NO_COLOR: '1' }, false)).toBe(false);
    expect(colorEnabled({}, true)).toBe(false);
    expect(colorEnabled({ NO_COLOR: '' }, false)).toBe(true);
  });

  test('spans and elapsed times', () => {
    expect(formatSpan(45_000, en)).toBe('45s');
    expect(formatSpan(10 * 60_000, en)).toBe('10m');
    expect(formatSpan(9 * 86_400_000, en)).toBe('9d');
    expect(formatElapsed(125_000, en)).toBe('2m 05s');
    const now = new Date('2025-01-01T00:00:00Z');
    expect(formatWhen(new Date(now.getTime() + 3_600_000), now, en)).toBe('in 1h');
    expect(formatWhen(now, now, messagesFor('ko'))).toBe('지금');
  });
});
