import { describe, expect, test } from 'vitest';
import { GLOBAL_COMMANDS, SCREEN_COMMANDS, initialNav, navReducer, topScreen } from '../../src/ui/navigation.js';
import { en } from '../../src/ui/i18n/en.js';
import { ko } from '../../src/ui/i18n/ko.js';
import type { Command } from '../../src/ui/keymap.js';

describe('navReducer', () => {
  test('push opens, pop goes back, popping the last screen quits', () => {
    let s = initialNav();
    expect(topScreen(s)).toEqual({ kind: 'home' });
    s = navReducer(s, { type: 'push', screen: { kind: 'search', query: 'x' } });
    s = navReducer(s, { type: 'push', screen: { kind: 'card', deckId: 'd', cardId: 'c' } });
    expect(topScreen(s).kind).toBe('card');
    s = navReducer(s, { type: 'pop' });
    expect(topScreen(s)).toEqual({ kind: 'search', query: 'x' });
    s = navReducer(s, { type: 'pop' });
    expect(s.quit).toBe(false);
    s = navReducer(s, { type: 'pop' });
    expect(s.quit).toBe(true);
  });

  test('replace swaps the top only; a direct start (review) quits on back', () => {
    let s = initialNav([{ kind: 'home' }, { kind: 'settings' }]);
    s = navReducer(s, { type: 'replace', screen: { kind: 'stats' } });
    expect(s.stack.map((x) => x.kind)).toEqual(['home', 'stats']);
    const direct = navReducer(initialNav([{ kind: 'review' }]), { type: 'pop' });
    expect(direct.quit).toBe(true);
  });

  test('an empty start is Home', () => {
    expect(initialNav([]).stack).toEqual([{ kind: 'home' }]);
  });
});

describe('help texts', () => {
  test('every command any screen lists has a description in both languages', () => {
    const listed = new Set<Command>([...Object.values(SCREEN_COMMANDS).flat(), ...GLOBAL_COMMANDS]);
    for (const c of listed) {
      expect(en.help.commands[c], c).toBeTruthy();
      expect(ko.help.commands[c], c).toBeTruthy();
    }
  });
});
