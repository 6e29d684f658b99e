import { describe, expect, test } from 'vitest';
import { EMPTY_FIELD, editField, fieldWindow, insertText } from '../../src/ui/textField.js';
import { displayWidth } from '../../src/core/text/width.js';
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

describe('a field longer than its row scrolls to the cursor', () => {
  const ascii = '--publish=0.0.0.0:8081:80 --restart unless-stopped';
  const korean = '아주 긴 답을 입력해 봅니다 여러 줄에 걸쳐서 계속 씁니다';
  const end = (value: string) => ({ value, cursor: [...value].length });

  test('typing at the end shows the newest characters, … where the start was cut', () => {
    expect(fieldWindow(end(ascii), 38)).toEqual({ text: '…0.0:8081:80 --restart unless-stopped', cursor: 37 });
    expect(fieldWindow(end(korean), 38)).toEqual({ text: '… 봅니다 여러 줄에 걸쳐서 계속 씁니다', cursor: 37 });
  });

  test('a field that fits is shown whole, the cursor after the last character', () => {
    expect(fieldWindow(end('docker ps'), 38)).toEqual({ text: 'docker ps', cursor: 9 });
  });

  test('← to the start shows the start, cut with … at the right', () => {
    expect(fieldWindow({ value: ascii, cursor: 2 }, 38)).toEqual({ text: '--publish=0.0.0.0:8081:80 --restart u…', cursor: 2 });
    expect(fieldWindow({ value: korean, cursor: 2 }, 38)).toEqual({ text: '아주 긴 답을 입력해 봅니다 여러 줄에 …', cursor: 4 });
  });

  test('every cursor position: the row fits, whole characters, the cursor on the character it is before', () => {
    for (const value of [ascii, korean, `${korean} ${ascii} ${korean}`]) {
      const chars = [...value];
      for (const width of [20, 31, 38, 40]) {
        for (let cursor = 0; cursor <= chars.length; cursor++) {
          const { text, cursor: x } = fieldWindow({ value, cursor }, width);
          expect(displayWidth(text)).toBeLessThanOrEqual(width);
          expect(x).toBeLessThan(width);
          // The window is a piece of the value between the … marks: no syllable cut in half.
          const inner = text.replace(/^…/, '').replace(/…$/, '');
          expect(value).toContain(inner);
          // What stands at the cursor's column is the character the cursor is before (or nothing at the end).
          const shown = [...text];
          let col = 0;
          let i = 0;
          while (col < x) col += displayWidth(shown[i++]!);
          expect(col).toBe(x);
          expect(shown[i] ?? '').toBe(chars[cursor] ?? '');
          if (cursor > 0 && x > 1) expect(shown[i - 1]).toBe(chars[cursor - 1]);
        }
      }
    }
  });

  test('a field one or two columns wide: never wider than that; the character under the cursor when it fits', () => {
    for (const value of [ascii, korean]) {
      const chars = [...value];
      for (const width of [1, 2, 3, 4]) {
        for (let cursor = 0; cursor <= chars.length; cursor++) {
          const { text, cursor: x } = fieldWindow({ value, cursor }, width);
          expect(displayWidth(text), `${width} ${cursor}`).toBeLessThanOrEqual(width);
          expect(x).toBeLessThan(width);
        }
      }
    }
    expect(fieldWindow({ value: ascii, cursor: 3 }, 2)).toEqual({ text: ascii[3], cursor: 0 });
    expect(fieldWindow({ value: korean, cursor: 3 }, 2)).toEqual({ text: [...korean][3], cursor: 0 });
  });

  test('moving ← inside the shown part does not shift the text', () => {
    const value = `${korean} ${ascii} ${korean}`;
    const texts = new Set<string>();
    for (let cursor = [...value].length; cursor >= 0; cursor--) texts.add(fieldWindow({ value, cursor }, 38).text);
    // Far fewer views than cursor positions: the text jumps by pages, not by one character.
    expect(texts.size).toBeLessThan(8);
  });
});

describe('Home / End (Ctrl+A / Ctrl+E) in a text field', () => {
  test('to the start and the end of the text, in code points', () => {
    const field = { value: '레이어 layer', cursor: 4 };
    expect(editField(field, '', { ...NO_KEY, home: true }).cursor).toBe(0);
    expect(editField(field, 'a', { ...NO_KEY, ctrl: true }).cursor).toBe(0);
    expect(editField(field, '', { ...NO_KEY, end: true }).cursor).toBe(9);
    expect(editField(field, 'e', { ...NO_KEY, ctrl: true }).cursor).toBe(9);
    // The text is unchanged, and a plain `a` still types.
    expect(editField(field, '', { ...NO_KEY, home: true }).value).toBe('레이어 layer');
    expect(editField(field, 'a', NO_KEY).value).toBe('레이어 alayer');
  });
});
