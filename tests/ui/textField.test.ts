import { describe, expect, test } from 'vitest';
import { EMPTY_FIELD, insertText } from '../../src/ui/textField.js';
import { NO_KEY } from '../../src/ui/keymap.js';
import { searchKey } from '../../src/ui/searchKey.js';

describe('keys that arrive in one chunk', () => {
  test('Ctrl+U inside a chunk clears what came before it', () => {
    expect(insertText({ value: '#', cursor: 1 }, '\u0015deck:')).toEqual({ value: 'deck:', cursor: 5 });
    expect(insertText({ value: 'ab', cursor: 2 }, 'c\u0015d\u0015ef')).toEqual({ value: 'ef', cursor: 2 });
    expect(insertText({ value: 'ab', cursor: 2 }, '\u0015')).toEqual(EMPTY_FIELD);
  });

  test('/ and the text after it: search opens with that text as the query', () => {
    expect(searchKey('/', NO_KEY)).toBe('');
    expect(searchKey('/레이어', NO_KEY)).toBe('레이어');
    expect(searchKey('레이어', NO_KEY)).toBeUndefined();
    expect(searchKey('/', { ...NO_KEY, ctrl: true })).toBeUndefined();
  });
});
