/**
 * Pure text layout: rows of styled segments cut to a display width before Ink sees them
 * (Ink's own truncation overflows by a column on Korean), list windows, wrapping.
 */
import { charWidth, displayWidth, graphemes, truncateDisplay, wrapDisplay } from '../core/text/width.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Style } from './theme.js';
import type { Range } from './context.js';
import { Command, DEFAULT_BINDINGS, bindingLabel } from './keymap.js';

/** The smallest terminal every screen is laid out for (App.tsx says so below it). */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

export interface Seg {
  text: string;
  style?: Style;
}
export type Row = Seg[];

export const seg = (text: string, style?: Style): Seg => ({ text, style });

export function rowWidth(row: Row): number {
  return row.reduce((w, s) => w + displayWidth(s.text), 0);
}

/**
 * A segment's text as it reaches the terminal: deck text is sanitised when loaded, but file
 * names, problem messages and typed input also end up in rows, so controls are stripped here too.
 */
export const safeText = (text: string) => sanitizeText(text).replace(/[\n\t]/g, ' ');

/** Rows left for a screen's body inside the frame (components/Frame.tsx): a header and a footer row. */
export function bodyHeight(rows: number): number {
  return Math.max(1, rows - 2);
}

/** Left and right parts on one row, the right part kept when space is short. */
export function splitRow(left: Row, right: Row, width: number): Row {
  const rw = rowWidth(right);
  if (rw + 2 > width) return fitRow(left, width);
  const l = fitRow(left, width - rw - 1);
  return [...l, seg(' '.repeat(Math.max(1, width - rowWidth(l) - rw))), ...right];
}

/** Cut a row to `width` columns; the last kept segment ends with … when something was cut. */
export function fitRow(row: Row, width: number): Row {
  if (rowWidth(row) <= width) return row;
  const out: Row = [];
  let left = width;
  for (const s of row) {
    const w = displayWidth(s.text);
    if (w < left) {
      out.push(s);
      left -= w;
      continue;
    }
    // This segment reaches the edge and more follows: it must end with … even if it fits.
    out.push({ ...s, text: truncateDisplay(w === left ? `${s.text} ` : s.text, left) });
    break;
  }
  return out;
}

const HINT_SEP = ' · ';

/** "q back", "Esc back", "q: back", "q quit": a hint for the Back key (its labels from the keymap). */
const BACK_LABELS = DEFAULT_BINDINGS[Command.Back].map(bindingLabel);
function isBackHint(hint: string): boolean {
  return BACK_LABELS.some((label) => hint.startsWith(`${label} `) || hint.startsWith(`${label}:`));
}

/** "Enter start", "Enter open": the screen's main action (Enter, the Open key). */
const ACTION_LABELS = DEFAULT_BINDINGS[Command.Open].map(bindingLabel);
function isActionHint(hint: string): boolean {
  return ACTION_LABELS.some((label) => hint.startsWith(`${label} `));
}

/**
 * A key-hint row ("u undo · s suspend · b bury · ? keys · q back") cut to `width` by
 * dropping whole hints from the end, so a narrow terminal never shows "q qu…". The way
 * out (q back, q quit, Esc back) goes last and the main action (Enter start) just before
 * it: a setup screen whose footer lost "Enter start" starts on a key nobody was told of.
 * Other rows (one sentence) are cut as fitRow does.
 */
export function fitHint(row: Row, width: number): Row {
  if (rowWidth(row) <= width || row.length !== 1 || !row[0]!.text.includes(HINT_SEP)) return fitRow(row, width);
  const parts = row[0]!.text.split(HINT_SEP);
  while (parts.length > 1 && displayWidth(parts.join(HINT_SEP)) > width) {
    const other = parts.findLastIndex((p) => !isBackHint(p) && !isActionHint(p));
    const drop = other >= 0 ? other : parts.findLastIndex((p) => !isBackHint(p));
    parts.splice(drop >= 0 ? drop : parts.length - 1, 1);
  }
  return fitRow([{ ...row[0]!, text: parts.join(HINT_SEP) }], width);
}

/** Deck text as display rows: sanitised, wrapped to `width`, each row one style. */
export function wrapRows(text: string, width: number, style?: Style, indent = ''): Row[] {
  const inner = Math.max(1, width - displayWidth(indent));
  // A hanging indent: the bullet or number on the first line, spaces under it after.
  const hang = ' '.repeat(displayWidth(indent));
  return wrapDisplay(sanitizeText(text), inner).map((line, i) => (indent ? [seg(i === 0 ? indent : hang), seg(line, style)] : [seg(line, style)]));
}

/**
 * Split `text` into plain and matched segments from [start, end) ranges (overlapping or
 * unsorted ranges are merged), so a search hit can be drawn highlighted.
 */
export function highlightSegments(text: string, ranges: readonly Range[], match: Style, plain?: Style): Row {
  const sorted = ranges
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)] as Range)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Row = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push(seg(text.slice(at, a), plain));
    out.push(seg(text.slice(a, b), match));
    at = b;
  }
  if (at < text.length) out.push(seg(text.slice(at), plain));
  return out;
}

/**
 * Show the first highlighted segment even when it sits far into a long line: drop text
 * before it (marked with …) so the match is inside `width` columns. Only as much is dropped
 * as the line needs: when the rest of the line fits it ends at the right edge, else the
 * match keeps a little context before it and the rest follows.
 */
export function scrollToMatch(row: Row, width: number, match: Style): Row {
  const first = row.findIndex((s) => s.style === match);
  if (first <= 0) return row;
  const total = rowWidth(row);
  const before = rowWidth(row.slice(0, first));
  const matchW = displayWidth(row[first]!.text);
  // fitRow ends a cut line with …: a match in the last column would lose its last character.
  if (total <= width || before + matchW < width) return row;
  // The leading … takes a column; keep a little context before the match.
  let drop = Math.min(total + 1 - width, before - Math.max(4, Math.floor(width / 4)));
  // A match too long to show whole starts near the left edge anyway.
  if (drop <= 0) return row;
  const out: Row = [seg('…')];
  for (const s of row) {
    if (drop <= 0) {
      out.push(s);
      continue;
    }
    let text = '';
    for (const ch of graphemes(s.text)) {
      if (drop > 0) drop -= charWidth(ch);
      else text += ch;
    }
    if (text) out.push({ ...s, text });
  }
  return out;
}

/** Flatten to one line: newlines become " · " (list rows show one line per card). */
export function oneLine(text: string): string {
  return sanitizeText(text).replace(/\s*\n+\s*/g, ' · ');
}

/** The visible slice of a list of `total` rows that keeps `selected` in view. */
export function listWindow(total: number, selected: number, height: number): { start: number; end: number } {
  if (height <= 0 || total <= 0) return { start: 0, end: 0 };
  if (total <= height) return { start: 0, end: total };
  const start = Math.min(Math.max(0, selected - Math.floor(height / 2)), total - height);
  return { start, end: start + height };
}

/** Lay out items (each a row) left to right, breaking to a new row when `width` is reached. */
export function packRows(items: Row[], width: number, separator: Seg): Row[] {
  const rows: Row[] = [];
  let current: Row = [];
  let w = 0;
  for (const item of items) {
    const iw = rowWidth(item);
    const sepW = current.length ? displayWidth(separator.text) : 0;
    if (current.length && w + sepW + iw > width) {
      rows.push(current);
      current = [];
      w = 0;
    }
    if (current.length) {
      current.push(separator);
      w += displayWidth(separator.text);
    }
    current.push(...item);
    w += iw;
  }
  if (current.length) rows.push(current);
  return rows.map((r) => fitRow(r, width));
}

/** A text progress bar `width` columns wide: filled and empty parts. */
export function progressBar(done: number, total: number, width: number): { filled: string; empty: string } {
  const w = Math.max(0, width);
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const n = Math.round(ratio * w);
  return { filled: '█'.repeat(n), empty: '░'.repeat(w - n) };
}

/** Clamp a scroll offset to the content. */
export function clampScroll(offset: number, total: number, height: number): number {
  return Math.max(0, Math.min(offset, Math.max(0, total - height)));
}

type StyledPart = { text: string; style?: Style; space: boolean };

/** The row cut into words (with their per-character styles) and runs of spaces. */
function styledWords(row: Row): StyledPart[][] {
  const tokens: StyledPart[][] = [];
  let word: StyledPart[] = [];
  for (const s of row) {
    for (const part of sanitizeText(s.text).split(/(\s+)/)) {
      if (!part) continue;
      if (/^\s+$/.test(part)) {
        if (word.length) tokens.push(word);
        tokens.push([{ text: part, style: s.style, space: true }]);
        word = [];
      } else word.push({ text: part, style: s.style, space: false });
    }
  }
  if (word.length) tokens.push(word);
  return tokens;
}

/** Lines being filled up to `w` columns, each a row of segments (same-style neighbours merged). */
class StyledLines {
  readonly lines: Row[] = [];
  private line: Row = [];
  width = 0;

  constructor(readonly w: number) {}

  push(text: string, cols: number, style?: Style): void {
    const last = this.line[this.line.length - 1];
    if (last && last.style === style) last.text += text;
    else this.line.push({ text, style });
    this.width += cols;
  }

  breakLine(): void {
    const last = this.line[this.line.length - 1];
    if (last) last.text = last.text.trimEnd();
    this.lines.push(this.line.filter((s) => s.text));
    this.line = [];
    this.width = 0;
  }

  /** Spaces stay on a line they fit on, never start one, and break a line they overflow. */
  addSpace(part: StyledPart): void {
    const tw = displayWidth(part.text);
    if (this.width + tw <= this.w && this.width > 0) this.push(part.text, tw, part.style);
    else if (this.width > 0) this.breakLine();
  }

  /** A word starts a new line when it does not fit; a word longer than a line is cut between graphemes. */
  addWord(word: StyledPart[]): void {
    const tw = word.reduce((n, p) => n + displayWidth(p.text), 0);
    if (this.width + tw > this.w && this.width > 0) this.breakLine();
    for (const p of word) {
      for (const c of graphemes(p.text)) {
        const cw = charWidth(c);
        if (this.width + cw > this.w) this.breakLine();
        this.push(c, cw, p.style);
      }
    }
  }

  finish(): Row[] {
    if (this.line.length || !this.lines.length) this.breakLine();
    return this.lines;
  }
}

/**
 * Word-wrap a styled row to `width` columns (as wrapDisplay does for plain text), keeping
 * each character's style: a cloze answer keeps its filled gaps highlighted across lines.
 */
export function wrapStyledRow(row: Row, width: number): Row[] {
  const out = new StyledLines(Math.max(1, width));
  for (const token of styledWords(row)) {
    if (token[0]!.space) out.addSpace(token[0]!);
    else out.addWord(token);
  }
  return out.finish();
}

/** At most `room` rows: when some are left out, the last place says how many ("… +3"). */
export function capRows(rows: readonly Row[], room: number, more: (hidden: number) => Row): Row[] {
  if (rows.length <= room) return [...rows];
  const shown = rows.slice(0, Math.max(0, room - 1));
  return [...shown, more(rows.length - shown.length)];
}
