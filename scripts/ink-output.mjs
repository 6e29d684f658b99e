// Ink 6.8's Output (node_modules/ink/build/output.js) with its work kept between frames; the
// bundle uses this file in its place (scripts/inkPatches.mjs). Same API and same output.
//
// Ink builds every frame in a new Output whose caches start empty, so each key press tokenised
// every visible line, cut it to the clip (slice-ansi), measured every character and turned every
// row of cells back into a string: about half of a key's time on an 80×24 screen of Korean text,
// though a key changes a few rows (measured with bench/tui.bench.ts). Here the caches outlive the
// frame (emptied past a bound, so a long session cannot grow them without end), and a row is
// known by what was written on it (where, and which text): a row written as in any earlier frame
// takes that frame's string without building its cells. A list that scrolls by one row shows
// rows drawn before, one row lower or higher.
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';

const MAX_ENTRIES = 20_000;

/**
 * Characters besides printable ASCII, Hangul syllables and compatibility jamo that rows use often,
 * with their width as string-width gives it. None joins a neighbour into one grapheme (no mark,
 * joiner or conjoining jamo), so a text of such characters is as wide as their widths added up.
 */
const SIMPLE = new Map([...'·‹›←↑→↓…—–•'].map((c) => [c.charCodeAt(0), stringWidth(c)]));

/**
 * string-width, without its grapheme segmenter when every character is one of a known width:
 * a row of Korean text took it about 0.1 ms, once per new line, in layout (measure-text) and in
 * every frame's new rows. Any other character: string-width itself.
 */
export function fastStringWidth(text) {
  const s = text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text;
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) width += 1;
    // Hangul syllables; compatibility jamo but the filler U+3164, which is invisible.
    else if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3131 && c <= 0x318e && c !== 0x3164)) width += 2;
    else {
      const w = SIMPLE.get(c);
      if (w === undefined) return stringWidth(text);
      width += w;
    }
  }
  return width;
}

class OutputCaches {
  widths = new Map();
  blockWidths = new Map();
  styledChars = new Map();
  slices = new Map();
  /** A row's string by its writes (rowKey). */
  rowStrings = new Map();

  get size() {
    return this.widths.size + this.blockWidths.size + this.styledChars.size + this.slices.size + this.rowStrings.size;
  }

  getStyledChars(line) {
    let cached = this.styledChars.get(line);
    if (cached === undefined) {
      cached = styledCharsFromTokens(tokenize(line));
      this.styledChars.set(line, cached);
    }
    return cached;
  }

  getStringWidth(text) {
    let cached = this.widths.get(text);
    if (cached === undefined) {
      cached = fastStringWidth(text);
      this.widths.set(text, cached);
    }
    return cached;
  }

  getWidestLine(text) {
    let cached = this.blockWidths.get(text);
    if (cached === undefined) {
      let lineWidth = 0;
      for (const line of text.split('\n')) lineWidth = Math.max(lineWidth, this.getStringWidth(line));
      cached = lineWidth;
      this.blockWidths.set(text, cached);
    }
    return cached;
  }

  getSlice(line, from, to) {
    const key = `${from}:${to}:${line}`;
    let cached = this.slices.get(key);
    if (cached === undefined) {
      cached = sliceAnsi(line, from, to);
      this.slices.set(key, cached);
    }
    return cached;
  }
}

/** Never changed once made: a cell is replaced, not edited. */
const BLANK = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });

/** What decides a row's string: the width and each write on it (x and text, lengths first so no text can fake a boundary). */
function rowKey(width, writes) {
  let key = `${width}`;
  for (let i = 0; i < writes.length; i += 2) key += `|${writes[i]}:${writes[i + 1].length}:${writes[i + 1]}`;
  return key;
}

let shared = new OutputCaches();

/**
 * widest-line, remembered and with fastStringWidth: Ink's renderNodeToOutput measures every text
 * node of the tree on every frame, and its layout (measure-text) every new text (inkPatches.mjs
 * points their imports here).
 */
export function widestLine(text) {
  return shared.getWidestLine(text);
}

export default class Output {
  width;
  height;
  operations = [];
  caches;

  constructor(options) {
    const { width, height } = options;
    this.width = width;
    this.height = height;
    if (shared.size > MAX_ENTRIES) shared = new OutputCaches();
    this.caches = shared;
  }

  write(x, y, text, options) {
    const { transformers } = options;
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers });
  }

  clip(clip) {
    this.operations.push({ type: 'clip', clip });
  }

  unclip() {
    this.operations.push({ type: 'unclip' });
  }

  get() {
    // Per row, its writes in order: x, line, x, line…
    const writes = Array.from({ length: this.height }, () => []);
    const clips = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      if (operation.type === 'unclip') clips.pop();
      if (operation.type !== 'write') continue;
      const { text, transformers } = operation;
      let { x, y } = operation;
      let lines = text.split('\n');
      const clip = clips.at(-1);
      if (clip) {
        const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
        const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
        // Text wholly outside the clip: nothing to draw.
        if (clipHorizontally) {
          const width = this.caches.getWidestLine(text);
          if (x + width < clip.x1 || x > clip.x2) continue;
        }
        if (clipVertically) {
          const height = lines.length;
          if (y + height < clip.y1 || y > clip.y2) continue;
        }
        if (clipHorizontally) {
          lines = lines.map((line) => {
            const from = x < clip.x1 ? clip.x1 - x : 0;
            const width = this.caches.getStringWidth(line);
            const to = x + width > clip.x2 ? clip.x2 - x : width;
            return this.caches.getSlice(line, from, to);
          });
          if (x < clip.x1) x = clip.x1;
        }
        if (clipVertically) {
          const from = y < clip.y1 ? clip.y1 - y : 0;
          const height = lines.length;
          const to = y + height > clip.y2 ? clip.y2 - y : height;
          lines = lines.slice(from, to);
          if (y < clip.y1) y = clip.y1;
        }
      }
      let offsetY = 0;
      for (let [index, line] of lines.entries()) {
        const row = writes[y + offsetY];
        // Text taller than the output: the rest is not drawn (as in Ink, the row index stays put).
        if (!row) continue;
        for (const transformer of transformers) line = transformer(line, index);
        row.push(x, line);
        offsetY++;
      }
    }
    const rows = [];
    for (const rowWrites of writes) {
      const key = rowKey(this.width, rowWrites);
      let text = this.caches.rowStrings.get(key);
      if (text === undefined) {
        text = this.drawRow(rowWrites);
        this.caches.rowStrings.set(key, text);
      }
      rows.push(text);
    }
    return { output: rows.join('\n'), height: this.height };
  }

  /** One row's cells from its writes, as Ink draws them, and their string. */
  drawRow(rowWrites) {
    const currentLine = new Array(this.width).fill(BLANK);
    for (let w = 0; w < rowWrites.length; w += 2) {
      let offsetX = rowWrites[w];
      for (const character of this.caches.getStyledChars(rowWrites[w + 1])) {
        currentLine[offsetX] = character;
        // The printed width as string-width measures it, to agree with layout.
        const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
        // A wide character: the cells it covers are cleared, so no stray space shows.
        for (let i = 1; i < characterWidth; i++) currentLine[offsetX + i] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
        offsetX += characterWidth;
      }
    }
    // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742 (holes in a row).
    return styledCharsToString(currentLine.filter((item) => item !== undefined)).trimEnd();
  }
}
