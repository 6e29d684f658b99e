import { describe, expect, test } from 'vitest';
import { fieldCursor, fieldRow } from '../../../../src/ui/screens/quiz/AnswerField.js';
import { displayWidth } from '../../../../src/core/text/width.js';
import { makeTheme } from '../../../../src/ui/theme.js';

const THEME = makeTheme(false);

const text = (row: { text: string }[]) => row.map((s) => s.text).join('');

/** The character drawn at column `x` of `line` ('' past its end). */
function charAt(line: string, x: number): string {
  let col = 0;
  for (const ch of line) {
    if (col === x) return ch;
    col += displayWidth(ch);
  }
  return '';
}

describe('the answer field at 40 columns', () => {
  const korean = '아주 긴 답을 입력해 봅니다 여러 줄에 걸쳐서 계속 씁니다';
  const ascii = '--publish=0.0.0.0:8081:80 --restart unless-stopped';

  for (const label of ['', '빈칸 1/2 ', 'Gap 2/2 ']) {
    test(`label ${JSON.stringify(label)}: the row fits and the real cursor stands where the next character goes`, () => {
      for (const value of [korean, ascii]) {
        const n = [...value].length;
        for (const cursor of [n, n - 5, n - 20, 3, 0]) {
          const field = { value, cursor };
          const line = text(fieldRow(field, 40, THEME, label));
          const { x, y } = fieldCursor(field, displayWidth(label), 4, 40);
          expect(y).toBe(4);
          expect(displayWidth(line)).toBeLessThanOrEqual(40);
          expect(x).toBeLessThan(40);
          expect(charAt(line, x)).toBe([...value][cursor] ?? '');
          if (cursor > 0) expect(charAt(line, x - displayWidth([...value][cursor - 1]!))).toBe([...value][cursor - 1]);
        }
      }
    });
  }

  test('typing at the end shows the last characters typed, not the first ones cut with …', () => {
    const line = text(fieldRow({ value: korean, cursor: [...korean].length }, 40, THEME));
    expect(line).toBe('> … 봅니다 여러 줄에 걸쳐서 계속 씁니다');
  });
});
