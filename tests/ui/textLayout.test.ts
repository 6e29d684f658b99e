import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { displayWidth } from '../../src/core/text/width.js';
import { clampScroll, fitRow, highlightSegments, listWindow, oneLine, packRows, progressBar, rowWidth, scrollToMatch, seg, wrapRows, wrapStyledRow } from '../../src/ui/textLayout.js';

const M = { bold: true };
const text = (r: { text: string }[]) => r.map((s) => s.text).join('');

describe('fitRow', () => {
  test('cuts by display width, Hangul counted as two columns', () => {
    const row = [seg('컨테이너 '), seg('런타임', M)];
    const cut = fitRow(row, 9);
    expect(rowWidth(cut)).toBeLessThanOrEqual(9);
    expect(text(cut)).toBe('컨테이너…');
    expect(fitRow(row, 40)).toBe(row);
  });

  test('never wider than asked, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', ' ', '가', '힣', 'ㄱ', '中', 'é') }), { maxLength: 5 }), fc.integer({ min: 1, max: 30 }), (parts, w) => {
        expect(rowWidth(fitRow(parts.map((p) => seg(p)), w))).toBeLessThanOrEqual(w);
      }),
    );
  });
});

describe('highlightSegments', () => {
  test('splits text into plain and matched parts; overlapping ranges merge', () => {
    const r = highlightSegments('도커 이미지 레이어', [[7, 10], [3, 6], [8, 10]], M);
    expect(r.map((s) => [s.text, s.style === M])).toEqual([
      ['도커 ', false],
      ['이미지', true],
      [' ', false],
      ['레이어', true],
    ]);
  });

  test('out-of-range ranges are clipped', () => {
    expect(text(highlightSegments('abc', [[-2, 1], [2, 99]], M))).toBe('abc');
  });
});

test('scrollToMatch brings a far match into view', () => {
  const long = `${'가'.repeat(50)}레이어 끝`;
  const row = highlightSegments(long, [[50, 53]], M);
  const shown = fitRow(scrollToMatch(row, 30, M), 30);
  expect(shown.some((s) => s.style === M && s.text.includes('레이어'))).toBe(true);
  expect(shown[0]!.text).toBe('…');
});

test('listWindow keeps the selection visible and never runs past the end', () => {
  expect(listWindow(5, 2, 10)).toEqual({ start: 0, end: 5 });
  expect(listWindow(10_000, 5000, 20)).toEqual({ start: 4990, end: 5010 });
  expect(listWindow(100, 99, 20)).toEqual({ start: 80, end: 100 });
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (total, h, sel) => {
      const selected = total ? sel % total : 0;
      const { start, end } = listWindow(total, selected, h);
      expect(end - start).toBe(Math.min(total, h));
      if (total) expect(selected >= start && selected < end).toBe(true);
    }),
  );
});

test('packRows wraps grade buttons to the width', () => {
  const items = ['1 Again 1m', '2 Hard 6m', '3 Good 10m', '4 Easy 9d'].map((t) => [seg(t)]);
  const wide = packRows(items, 80, seg(' · '));
  expect(wide).toHaveLength(1);
  expect(text(wide[0]!)).toBe('1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 9d');
  const narrow = packRows(items, 40, seg(' · '));
  expect(narrow.length).toBe(2);
  for (const r of narrow) expect(rowWidth(r)).toBeLessThanOrEqual(40);
});

test('wrapRows wraps Korean by display width and keeps paragraphs', () => {
  const rows = wrapRows('컨테이너는 호스트 커널을 공유한다\n둘째 줄', 12);
  for (const r of rows) expect(rowWidth(r)).toBeLessThanOrEqual(12);
  expect(rows.map(text)).toEqual(['컨테이너는', '호스트', '커널을', '공유한다', '둘째 줄']);
});

test('wrapStyledRow keeps styles across wrapped lines', () => {
  const rows = wrapStyledRow([seg('이미지는 '), seg('읽기 전용', M), seg(' 템플릿이다')], 10);
  for (const r of rows) expect(rowWidth(r)).toBeLessThanOrEqual(10);
  expect(rows.map(text).join('|')).toBe('이미지는|읽기 전용|템플릿이다');
  expect(rows[1]!.every((s) => s.style === M)).toBe(true);
});

test('wrapStyledRow breaks a word longer than the width', () => {
  const rows = wrapStyledRow([seg('가'.repeat(7))], 6);
  expect(rows.map(text)).toEqual(['가가가', '가가가', '가']);
});

test('wrapStyledRow: no line starts with the space that broke it, an empty row is one empty line, a character wider than the width stands alone', () => {
  expect(wrapStyledRow([seg('ab   cd'), seg(' ef', M)], 4).map(text)).toEqual(['ab', 'cd', 'ef']);
  expect(wrapStyledRow([seg('ab  '), seg('c', M)], 10)).toEqual([[seg('ab  '), seg('c', M)]]);
  expect(wrapStyledRow([], 5)).toEqual([[]]);
  expect(wrapStyledRow([seg('가a')], 1).map(text)).toEqual(['', '가', 'a']);
});

test('progressBar, clampScroll, oneLine', () => {
  expect(progressBar(1, 4, 8)).toEqual({ filled: '██', empty: '░░░░░░' });
  expect(progressBar(0, 0, 4).filled).toBe('████');
  expect(clampScroll(50, 10, 4)).toBe(6);
  expect(clampScroll(-3, 10, 4)).toBe(0);
  expect(oneLine('a\n\nb\u001b[31m')).toBe('a · b');
  expect(displayWidth(oneLine('가\n나'))).toBe(7);
});

test('wrapRows with a bullet hangs the continuation lines under the text', () => {
  const rows = wrapRows('이미지는 여러 읽기 전용 레이어를 겹친 것', 16, undefined, '• ');
  expect(rows.map(text)).toEqual(['• 이미지는 여러', '  읽기 전용', '  레이어를 겹친', '  것']);
});
