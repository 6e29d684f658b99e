/**
 * scripts/ink-output.mjs stands in for Ink's Output in the bundle: every frame it draws must be
 * the frame Ink's own draws, also when it reuses work from the frames before.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// @ts-expect-error plain JavaScript, no types
import KeptOutput, { fastStringWidth } from '../../scripts/ink-output.mjs';
import stringWidth from 'string-width';
// Ink's internal file, outside its exports: imported by path.
import InkOutput from '../../node_modules/ink/build/output.js';

type Op = { type: 'write'; x: number; y: number; text: string } | { type: 'clip'; clip: { x1?: number; x2?: number; y1?: number; y2?: number } } | { type: 'unclip' };

const piece = fc.constantFrom('a', 'Quit', ' ', '레이어', '컨테이너 ', '→', '›', '😀', 'x\ny', '\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[7m', '\u001b[27m');
const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('write' as const), x: fc.integer({ min: 0, max: 12 }), y: fc.integer({ min: 0, max: 5 }), text }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('clip' as const), clip: fc.record({ x1: fc.integer({ min: 0, max: 6 }), x2: fc.integer({ min: 4, max: 14 }), y1: fc.integer({ min: 0, max: 3 }), y2: fc.integer({ min: 2, max: 6 }) }, { requiredKeys: [] }) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'unclip' as const }) },
);

// biome-ignore lint/suspicious/noExplicitAny: Ink's Output class is untyped (a build-time import of its JS file)
function draw(Output: any, width: number, height: number, ops: Op[]): string {
  const out = new Output({ width, height });
  for (const o of ops) {
    if (o.type === 'write') out.write(o.x, o.y, o.text, { transformers: [] });
    else if (o.type === 'clip') out.clip(o.clip);
    else out.unclip();
  }
  return out.get().output;
}

describe('Output kept between frames (scripts/ink-output.mjs)', () => {
  it('draws what Ink draws, frame after frame', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 10 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 6 }), (frames, width, height) => {
        // A frame repeated: the second time it is drawn from what the first left.
        for (const ops of [...frames, ...frames]) expect(draw(KeptOutput, width, height, ops)).toBe(draw(InkOutput, width, height, ops));
      }),
      { numRuns: 300 },
    );
  });

  it('reuses a row only when its cells are the same: the same letters in another style are drawn anew', () => {
    const a = [{ type: 'write' as const, x: 0, y: 0, text: '\u001b[7m레이어\u001b[27m' }, { type: 'write' as const, x: 0, y: 1, text: '컨테이너' }];
    const b = [{ type: 'write' as const, x: 0, y: 0, text: '레이어' }, { type: 'write' as const, x: 0, y: 1, text: '\u001b[7m컨테이너\u001b[27m' }];
    for (const ops of [a, b, a, b]) expect(draw(KeptOutput, 20, 2, ops)).toBe(draw(InkOutput, 20, 2, ops));
  });

  it('measures text as string-width does, also where a character joins its neighbour or has no width', () => {
    // Known-width characters, and ones that must send the text to string-width: a combining mark,
    // conjoining jamo (ᄒ+ᅡ is one syllable), the invisible Hangul filler, emoji with a modifier or joiner, a tab, C1 CSI.
    const ch = fc.constantFrom('a', ' ', '~', '레', '힣', 'ㄹ', 'ㅏ', '·', '›', '‹', '→', '↓', '…', '—', '\u0301', '\u1112', '\u1161', '\u11ab', '\u3164', '😀', '\u{1F3FD}', '\u200d', '\ufe0f', '\t', '\u009b', '\u001b[31m', '\u001b[39m', '\u001b[1m', 'Ａ', 'ﾞ');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(fastStringWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });
});
