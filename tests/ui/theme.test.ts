import { describe, expect, test } from 'vitest';
import { colorEnabled, makeTheme } from '../../src/ui/theme.js';

describe('theme', () => {
  test('without colour no token carries a colour, but highlights keep bold/underline', () => {
    const plain = makeTheme(false);
    expect(JSON.stringify(plain)).not.toContain('"color":"');
    expect(plain.match.bold).toBe(true);
    expect(makeTheme(true).grade.again.color).toBe('red');
    expect(colorEnabled({ NO_COLOR: '1' }, false)).toBe(false);
    expect(colorEnabled({}, true)).toBe(false);
    expect(colorEnabled({ NO_COLOR: '' }, false)).toBe(true);
  });
});
