import { describe, expect, test } from 'vitest';
import type { Key } from 'ink';
import { Command, DEFAULT_BINDINGS, JAMO_OF, NO_KEY, bindingLabel, keysLabel, matches } from '../../src/ui/keymap.js';

const key = (k: Partial<Key> = {}): Key => ({ ...NO_KEY, ...k });

describe('matches', () => {
  test('Space and Enter reveal / continue; 1–4 grade', () => {
    expect(matches(Command.Continue, ' ', key())).toBe(true);
    expect(matches(Command.Continue, '', key({ return: true }))).toBe(true);
    expect(matches(Command.Continue, 'x', key())).toBe(false);
    expect(matches(Command.GradeAgain, '1', key())).toBe(true);
    expect(matches(Command.GradeEasy, '4', key())).toBe(true);
    expect(matches(Command.GradeEasy, '3', key())).toBe(false);
  });

  test('Esc (which Ink reports with meta set) and q go back', () => {
    expect(matches(Command.Back, '', key({ escape: true, meta: true }))).toBe(true);
    expect(matches(Command.Back, 'q', key())).toBe(true);
    expect(matches(Command.Back, 'q', key({ meta: true }))).toBe(false);
  });

  test('letters also match the jamo the Korean IME sends for the same key', () => {
    expect(matches(Command.Undo, 'ㅕ', key())).toBe(true);
    expect(matches(Command.Suspend, 'ㄴ', key())).toBe(true);
    expect(matches(Command.Bury, 'ㅠ', key())).toBe(true);
    expect(matches(Command.Back, 'ㅂ', key())).toBe(true);
    expect(matches(Command.ScrollDown, 'ㅓ', key())).toBe(true);
    expect(matches(Command.ScrollUp, 'ㅏ', key())).toBe(true);
    expect(matches(Command.Undo, 'ㄴ', key())).toBe(false);
  });

  test('the jamo table is the full 2-beolsik layout: 26 letters, distinct jamo', () => {
    const lower = Object.keys(JAMO_OF).filter((k) => /^[a-z]$/.test(k));
    expect(lower).toHaveLength(26);
    expect(new Set(lower.map((k) => JAMO_OF[k])).size).toBe(26);
  });

  test('in a text field printable keys are text: only named keys and Ctrl act', () => {
    const tf = { textField: true };
    expect(matches(Command.Back, 'q', key(), tf)).toBe(false);
    expect(matches(Command.Back, 'ㅂ', key(), tf)).toBe(false);
    expect(matches(Command.Back, '', key({ escape: true, meta: true }), tf)).toBe(true);
    expect(matches(Command.Help, '?', key(), tf)).toBe(false);
    expect(matches(Command.ListDown, '', key({ downArrow: true }), tf)).toBe(true);
    expect(matches(Command.Quit, 'c', key({ ctrl: true }), tf)).toBe(true);
  });

  test('Ctrl+C quits; a plain c does not', () => {
    expect(matches(Command.Quit, 'c', key({ ctrl: true }))).toBe(true);
    expect(matches(Command.Quit, 'c', key())).toBe(false);
    // Ctrl held with another binding's letter is not that binding.
    expect(matches(Command.Undo, 'u', key({ ctrl: true }))).toBe(false);
  });
});

describe('labels', () => {
  test('help labels come from the bindings', () => {
    expect(keysLabel(Command.Continue)).toBe('Space/Enter');
    expect(keysLabel(Command.Back)).toBe('Esc/q');
    expect(keysLabel(Command.Quit)).toBe('Ctrl+C');
    expect(bindingLabel({ key: 'upArrow' })).toBe('↑');
  });

  test('every command has at least one binding with a label', () => {
    for (const c of Object.values(Command)) {
      expect(DEFAULT_BINDINGS[c].length, c).toBeGreaterThan(0);
      expect(keysLabel(c), c).not.toBe('');
    }
  });
});

describe('keysLabel in a text field', () => {
  test('names only the keys that act there; a letters-only command keeps its letters', () => {
    expect(keysLabel(Command.Back)).toBe('Esc/q');
    expect(keysLabel(Command.Back, DEFAULT_BINDINGS, { textField: true })).toBe('Esc');
    expect(keysLabel(Command.Help, DEFAULT_BINDINGS, { textField: true })).toBe('?');
  });
});
