import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasControlCharacters, sanitizeText, normalizeDeckText } from '../../../src/core/text/sanitize.js';

describe('sanitizeText', () => {
  it.each([
    ['OSC title', 'a\u001b]0;evil title\u0007b', 'ab'],
    ['OSC 52 clipboard with ST', 'a\u001b]52;c;ZXZpbA==\u001b\\b', 'ab'],
    ['CSI clear screen', 'a\u001b[2Jb', 'ab'],
    ['SGR hidden text', 'a\u001b[8mhidden\u001b[0m', 'ahidden'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['8-bit OSC', 'a\u009d0;t\u009cb', 'ab'],
    ['DCS', 'a\u001bPq#0\u001b\\b', 'ab'],
    ['BEL, backspace, DEL', 'a\u0007\u0008\u007fb', 'ab'],
    ['bidi override', 'a\u202eb', 'ab'],
    ['lone ESC at end', 'ab\u001b', 'ab'],
    ['keeps newline and tab', 'a\n\tb', 'a\n\tb'],
    ['CRLF becomes LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['keeps Hangul and emoji', '레이어 📦', '레이어 📦'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('never leaves an ESC, C0 (except \\n \\t) or C1 control in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = sanitizeText(s);
        expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(out)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('hasControlCharacters says exactly whether sanitizeText changes a string (line endings aside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(hasControlCharacters(s)).toBe(sanitizeText(s) !== s.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 1000 },
    );
  });

  it('normalizeDeckText composes Hangul', () => {
    expect(normalizeDeckText('\u1105\u1166\u110b\u1175\u110b\u1165')).toBe('레이어');
  });
});
