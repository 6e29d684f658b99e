/**
 * Display width in terminal columns (Hangul and other wide characters take two).
 * Ink's own truncation overflows by a column on Korean, so amgi truncates here.
 * Widths are per grapheme cluster as a terminal draws it: East Asian Width from the Unicode
 * data (get-east-asian-width, ≈4 KB) for the base character; an emoji sequence (ZWJ, skin tone,
 * flag, VS16) takes two columns; marks and Hangul vowel/final jamo join the character before.
 * Not string-width: its Intl.Segmenter and emoji regex cost 20–60 ms on the first non-ASCII call.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const MARK = /^\p{M}/u;
/** Marks and invisible format characters (soft hyphen, zero-width space, ZWJ). */
const ZERO_WIDTH = /^[\p{M}\p{Cf}]/u;

/** Hangul medial vowels and finals (conjoining jamo): drawn on the leading consonant before them. */
const isJamoVowelOrFinal = (cp: number) => (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff);
const isRegional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
/** Precomposed Hangul syllables: wide, never a mark. Most of amgi's text: answered before the regexes and the width table. */
const isHangulSyllable = (cp: number) => cp >= 0xac00 && cp <= 0xd7a3;

/** Joins the cluster before it: a mark, ZWJ, variation selector, skin tone, emoji tag or jamo. */
function extendsCluster(cp: number, ch: string): boolean {
  if (cp < 0x300 || isHangulSyllable(cp)) return false;
  return (
    cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    isJamoVowelOrFinal(cp) ||
    MARK.test(ch)
  );
}

/** The text cut into what a terminal draws as one character each (a simplified UAX #29). */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  let prev = 0;
  let flagOpen = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const regional = isRegional(cp);
    if (out.length && (prev === 0x200d || extendsCluster(cp, ch) || (regional && flagOpen))) {
      out[out.length - 1] += ch;
      if (regional) flagOpen = false;
    } else {
      out.push(ch);
      flagOpen = regional;
    }
    prev = cp;
  }
  return out;
}

/** Columns of one grapheme cluster (from graphemes()). */
export function charWidth(cluster: string): number {
  const cp = cluster.codePointAt(0)!;
  if (cp < 0x7f && cluster.length === 1) return 1;
  if (isHangulSyllable(cp)) return 2;
  // Soft hyphen, zero-width space, a mark or jamo with nothing before it.
  if (isJamoVowelOrFinal(cp) || ZERO_WIDTH.test(cluster)) return 0;
  if (cluster.length > 1 && (cluster.includes('\ufe0f') || (isRegional(cp) && isRegional(cluster.codePointAt(2) ?? 0)))) return 2;
  return eastAsianWidth(cp);
}

export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let w = 0;
  for (const g of graphemes(text)) w += charWidth(g);
  return w;
}

/** Cut to at most `max` columns, ending with … when cut. */
export function truncateDisplay(text: string, max: number): string {
  if (max <= 0) return '';
  if (displayWidth(text) <= max) return text;
  let out = '';
  let w = 0;
  for (const ch of graphemes(text)) {
    const cw = charWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Truncate or pad with spaces to exactly `width` columns. */
export function padDisplay(text: string, width: number): string {
  const t = truncateDisplay(text, width);
  return t + ' '.repeat(Math.max(0, width - displayWidth(t)));
}

/** Wrap to lines of at most `width` columns, breaking at spaces where possible. */
export function wrapDisplay(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let lineW = 0;
    for (const word of para.split(/(\s+)/)) {
      if (!word) continue;
      const ww = displayWidth(word);
      if (lineW + ww <= width) {
        line += word;
        lineW += ww;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      lineW = 0;
      if (/^\s+$/.test(word)) continue;
      for (const ch of graphemes(word)) {
        const cw = charWidth(ch);
        if (lineW + cw > width) {
          lines.push(line);
          line = '';
          lineW = 0;
        }
        line += ch;
        lineW += cw;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
