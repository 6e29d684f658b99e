import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/core/schedule/types.js';
import { SETTING_FIELDS, formatSetting, stepSetting } from '../../../../src/ui/screens/settings/settingsModel.js';
import { en } from '../../../../src/ui/i18n/en.js';

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
