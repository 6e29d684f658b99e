import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eastAsianWidth } from 'get-east-asian-width';
import { charWidth, displayWidth, graphemes, padDisplay, truncateDisplay, wrapDisplay } from '../../../src/core/text/width.js';

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
  it('every precomposed syllable (answered before the width table) is the table\'s two columns and a character of its own', () => {
    for (let cp = 0xac00; cp <= 0xd7a3; cp++) {
      const ch = String.fromCodePoint(cp);
      if (charWidth(ch) !== eastAsianWidth(cp) || graphemes(`a${ch}\u0301`).length !== 2) throw new Error(`U+${cp.toString(16)}`);
    }
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

describe('display width of emoji, marks and jamo (as a terminal draws them)', () => {
  it('counts wide emoji as two columns', () => {
    for (const e of ['🚀', '☕', '⌚', '🫠']) expect(displayWidth(e)).toBe(2);
    expect(displayWidth('🚀 deploy')).toBe(9);
  });
  it('counts an emoji sequence (ZWJ, skin tone, VS16, flag, keycap) as one two-column character', () => {
    for (const e of ['👩‍💻', '👨‍👩‍👧', '👍🏽', '❤️', '🇰🇷', '🏳️‍🌈', '1️⃣']) {
      expect(graphemes(e)).toEqual([e]);
      expect(displayWidth(e)).toBe(2);
    }
    expect(graphemes('🇰🇷🇯🇵')).toEqual(['🇰🇷', '🇯🇵']);
    expect(displayWidth('a👩‍💻b')).toBe(4);
  });
  it('gives combining marks and invisible format characters no column', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(graphemes('e\u0301x')).toEqual(['e\u0301', 'x']);
    expect(displayWidth('soft\u00adhyphen')).toBe(10);
    expect(displayWidth('a\u200bb')).toBe(2);
  });
  it('draws Hangul syllables, compatibility jamo and conjoining jamo sequences two columns wide', () => {
    expect(displayWidth('한')).toBe(2);
    expect(displayWidth('ㄹㅇㅇ')).toBe(6);
    // ᄒ + ᅡ + ᆫ: a leading consonant with its vowel and final is one syllable on screen.
    expect(graphemes('\u1112\u1161\u11ab')).toHaveLength(1);
    expect(displayWidth('\u1112\u1161\u11ab')).toBe(2);
  });
  it('never cuts an emoji sequence when truncating or wrapping', () => {
    expect(truncateDisplay('👩‍💻👩‍💻👩‍💻', 5)).toBe('👩‍💻👩‍💻…');
    expect(wrapDisplay('👩‍💻👩‍💻👩‍💻', 4)).toEqual(['👩‍💻👩‍💻', '👩‍💻']);
    expect(displayWidth(padDisplay('🇰🇷 한국', 9))).toBe(9);
  });
});

/** The string-width that Ink measures with, resolved from Ink's own package (not a dependency of ours). */
async function inkStringWidth(): Promise<(text: string) => number> {
  const inkMain = fileURLToPath(import.meta.resolve('ink'));
  const path = createRequire(inkMain).resolve('string-width');
  return ((await import(pathToFileURL(path).href)) as { default: (text: string) => number }).default;
}

describe('displayWidth agrees with the string-width Ink uses', () => {
  // Ink lays out by string-width; the rows amgi cuts are measured by displayWidth. Where the two
  // disagree a row Ink thinks too wide wraps (a screen one line taller), too narrow leaves a gap.
  const samples = [
    'plain ASCII, punctuation: [x] {y} ~!@#$%^&*()',
    '컨테이너 런타임', // Hangul syllables
    '\u1112\u1161\u11ab\u1100\u1173\u11af', // conjoining jamo: 한글 as L V T, L V T
    '漢字かなカナ　全角ＡＢＣ', // CJK, kana, the ideographic space, fullwidth Latin
    'ｶﾀｶﾅ', // halfwidth katakana
    '🚀 ☕ ✅ ⭐', // emoji of presentation width 2
    '❤️ ☺️ 1️⃣', // text symbols with VS16, a keycap
    '👨‍👩‍👧 👩‍💻 🏳️‍🌈', // ZWJ sequences
    '👍🏽 🇰🇷', // a skin tone, a flag
    'e\u0301 a\u0308 n\u0303 가\u0301', // combining marks
    'soft\u00adhyphen zero\u200bwidth', // invisible format characters
  ];
  it.each(samples)('%s', async (s) => {
    const stringWidth = await inkStringWidth();
    expect(displayWidth(s)).toBe(stringWidth(s));
    for (const g of graphemes(s)) expect([g, displayWidth(g)]).toEqual([g, stringWidth(g)]);
  });
});
