import { describe, expect, test } from 'vitest';
import { chooseLang, langFromEnv, messagesFor } from '../../../src/ui/i18n/index.js';

describe('language', () => {
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
});
