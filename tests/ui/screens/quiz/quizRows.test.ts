import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stackBlocks } from '../../../../src/ui/screens/quiz/quizRows.js';
import { followScroll, scrollDelta, viewport, windowRows } from '../../../../src/ui/components/scrollWindow.js';
import { NO_KEY } from '../../../../src/ui/keymap.js';
import { seg, type Row } from '../../../../src/ui/textLayout.js';

const text = (rows: Row[]) => rows.map((r) => r.map((s) => s.text).join(''));
const rows = (...lines: string[]): Row[] => lines.map((l) => (l ? [seg(l)] : []));
const numbered = (n: number) => rows(...Array.from({ length: n }, (_, i) => `r${i}`));
const mark = (dir: 'up' | 'down', n: number): Row => [seg(`${dir === 'up' ? '↑' : '↓'} ${n} more`)];
const draw = (content: Row[], scroll: number, height: number) => text(windowRows(content, viewport(content.length, scroll, height), mark));

describe('scroll window', () => {
  it('shows everything, without markers, when it fits', () => {
    expect(draw(numbered(3), 0, 5)).toEqual(['r0', 'r1', 'r2']);
    expect(draw(numbered(3), 2, 3)).toEqual(['r0', 'r1', 'r2']);
  });

  it('marks rows cut off below, then above and below, then above', () => {
    const content = numbered(10);
    expect(draw(content, 0, 4)).toEqual(['r0', 'r1', 'r2', '↓ 7 more']);
    expect(draw(content, 3, 4)).toEqual(['↑ 4 more', 'r4', 'r5', '↓ 4 more']);
    expect(draw(content, 99, 4)).toEqual(['↑ 7 more', 'r7', 'r8', 'r9']);
  });

  it('never draws more rows than the height, and every row can be scrolled into view', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 3, max: 30 }), (total, height) => {
        const content = numbered(total);
        const seen = new Set<string>();
        for (let s = 0; s <= Math.max(0, total - height); s++) {
          const drawn = draw(content, s, height);
          expect(drawn.length).toBeLessThanOrEqual(height);
          // The markers count every row they stand for.
          const v = viewport(total, s, height);
          expect(v.start + (v.end - v.start) + (total - v.end)).toBe(total);
          for (const l of drawn) if (l.startsWith('r')) seen.add(l);
        }
        expect(seen.size).toBe(total);
      }),
    );
  });

  it('follows a focus: not at all when shown, else just far enough, a tall one from its top', () => {
    // 20 rows in a window of 6: rows 0–4 shown at the top (row 5 is under ↓).
    expect(followScroll(0, 20, 6, { start: 2, end: 4 })).toBe(0);
    const down = followScroll(0, 20, 6, { start: 8, end: 10 });
    expect(viewport(20, down, 6)).toMatchObject({ start: 6, end: 10 });
    const up = followScroll(12, 20, 6, { start: 3, end: 4 });
    expect(viewport(20, up, 6).start).toBe(3);
    expect(followScroll(12, 20, 6, { start: 0, end: 1 })).toBe(0);
    // The last rows: no ↓ marker left.
    expect(viewport(20, followScroll(0, 20, 6, { start: 17, end: 20 }), 6)).toMatchObject({ end: 20, down: false });
    // Taller than the window: its first row, just under the ↑ marker.
    expect(viewport(20, followScroll(0, 20, 6, { start: 8, end: 18 }), 6).start).toBe(8);
  });

  it('scrolls a row with ↓/↑, a page (keeping the row under the marker) with PgDn/PgUp', () => {
    expect(scrollDelta('', { ...NO_KEY, downArrow: true }, 10)).toBe(1);
    expect(scrollDelta('k', NO_KEY, 10)).toBe(-1);
    expect(scrollDelta('', { ...NO_KEY, pageDown: true }, 10)).toBe(8);
    expect(scrollDelta('', { ...NO_KEY, pageUp: true }, 10)).toBe(-8);
    // In a text field j/k are letters; the arrows still scroll.
    expect(scrollDelta('j', NO_KEY, 10, { textField: true })).toBe(0);
    expect(scrollDelta('', { ...NO_KEY, upArrow: true }, 10, { textField: true })).toBe(-1);
    expect(scrollDelta('x', NO_KEY, 10)).toBe(0);
  });
});

describe('stackBlocks', () => {
  it('keeps where each block starts and ends', () => {
    const { rows: all, spans } = stackBlocks([rows('q1', 'q2', ''), rows('1. a'), [], rows('verdict', 'note')]);
    expect(text(all)).toEqual(['q1', 'q2', '', '1. a', 'verdict', 'note']);
    expect(spans).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 4 },
      { start: 4, end: 4 },
      { start: 4, end: 6 },
    ]);
  });
});
