// Ink 6.8's Output (node_modules/ink/build/output.js) with its work kept between frames; the
// bundle uses this file in its place (scripts/inkPatches.mjs). Same API and same output.
//
// Ink builds every frame in a new Output whose caches start empty, so each key press tokenised
// every visible line, cut it to the clip (slice-ansi), measured every character and turned every
// row of cells back into a string: about half of a key's time on an 80×24 screen of Korean text,
// though a key changes a few rows (measured with bench/tui.bench.ts). Here the caches outlive the
// frame (emptied past a bound, so a long session cannot grow them without end), and a row whose
// cells are the very cell objects of the last frame's row reuses that row's string.
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';

const MAX_ENTRIES = 20_000;

class OutputCaches {
  widths = new Map();
  blockWidths = new Map();
  styledChars = new Map();
  slices = new Map();
  /** Per output row: the cells drawn there last frame and their string. */
  rows = [];

  get size() {
    return this.widths.size + this.blockWidths.size + this.styledChars.size + this.slices.size;
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
      cached = stringWidth(text);
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

  /** The string of a row of cells: the last frame's when the cells are the same objects. */
  rowString(y, cells) {
    const last = this.rows[y];
    if (last && last.cells.length === cells.length && last.cells.every((c, i) => sameCell(c, cells[i]))) return last.text;
    const text = styledCharsToString(cells).trimEnd();
    this.rows[y] = { cells, text };
    return text;
  }
}

/** The cells after a wide character are made anew each frame: equal when they carry the same styles. */
const sameCell = (a, b) => a === b || (a.value === '' && b.value === '' && a.styles === b.styles);

/** Never changed once made: a cell is replaced, not edited. */
const BLANK = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });

let shared = new OutputCaches();

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
    const output = [];
    for (let y = 0; y < this.height; y++) output.push(new Array(this.width).fill(BLANK));
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
        const currentLine = output[y + offsetY];
        // Text taller than the output: the rest is not drawn.
        if (!currentLine) continue;
        for (const transformer of transformers) line = transformer(line, index);
        let offsetX = x;
        for (const character of this.caches.getStyledChars(line)) {
          currentLine[offsetX] = character;
          // The printed width as string-width measures it, to agree with layout.
          const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
          // A wide character: the cells it covers are cleared, so no stray space shows.
          for (let i = 1; i < characterWidth; i++) currentLine[offsetX + i] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
          offsetX += characterWidth;
        }
        offsetY++;
      }
    }
    // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742 (holes in a row).
    const generatedOutput = output.map((line, y) => this.caches.rowString(y, line.filter((item) => item !== undefined))).join('\n');
    return { output: generatedOutput, height: output.length };
  }
}
