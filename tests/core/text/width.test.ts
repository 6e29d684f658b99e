import { describe, expect, it } from 'vitest';
import { displayWidth, padDisplay, truncateDisplay, wrapDisplay } from '../../../src/core/text/width.js';

describe('display width', () => {
  it('counts Hangul as two columns', () => {
    expect(displayWidth('레이어')).toBe(6);
    expect(displayWidth('runc 런타임')).toBe(11);
  });
  it('truncates by columns, never overflowing on Korean at even widths', () => {
    for (let w = 1; w <= 12; w++) expect(displayWidth(truncateDisplay('컨테이너 런타임 runc', w))).toBeLessThanOrEqual(w);
    expect(truncateDisplay('컨테이너', 6)).toBe('컨테…');
    expect(truncateDisplay('abc', 3)).toBe('abc');
  });
  it('pads to an exact width', () => {
    expect(displayWidth(padDisplay('도커', 7))).toBe(7);
    expect(displayWidth(padDisplay('도커파일 빌드 컨텍스트', 7))).toBe(7);
  });
  it('wraps to lines no wider than the width', () => {
    const lines = wrapDisplay('컨테이너는 호스트 OS의 커널을 공유하는 격리된 프로세스입니다', 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(12);
    expect(lines.join('').replace(/ /g, '')).toBe('컨테이너는호스트OS의커널을공유하는격리된프로세스입니다');
  });
});
