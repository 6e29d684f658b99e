import { describe, expect, it } from 'vitest';
import { fitBody } from '../../../src/ui/screens/quiz/layout.js';
import { seg, type Row } from '../../../src/ui/layout.js';

const text = (rows: Row[]) => rows.map((r) => r.map((s) => s.text).join(''));
const rows = (...lines: string[]): Row[] => lines.map((l) => (l ? [seg(l)] : []));

describe('fitBody', () => {
  it('keeps everything when it fits', () => {
    expect(text(fitBody(rows('q1', 'q2'), rows('a', 'b'), 5, 20))).toEqual(['q1', 'q2', 'a', 'b']);
  });

  it('cuts the prompt, marking the cut, to keep the options', () => {
    expect(text(fitBody(rows('question one', 'question two', ''), rows('1. a', '2. b'), 3, 20))).toEqual(['question on…', '1. a', '2. b']);
  });

  it('does not mark a cut when only blank rows were dropped', () => {
    expect(text(fitBody(rows('question', ''), rows('a', 'b', 'c'), 4, 20))).toEqual(['question', 'a', 'b', 'c']);
  });

  it('keeps the first prompt line even when the bottom is taller than the body', () => {
    expect(text(fitBody(rows('question', ''), rows('a', 'b', 'c', 'd'), 3, 20))).toEqual(['question', 'a', 'b …']);
  });

  it('cuts rows to the width', () => {
    expect(text(fitBody([], rows('가나다라마바'), 2, 7))).toEqual(['가나다…']);
  });
});
