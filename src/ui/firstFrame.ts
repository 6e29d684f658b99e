/**
 * Home's first frame, written before React, Ink and yoga have loaded (≈ 100 ms of a start): the
 * rows come from homeView(), as HomeScreen's do, and are turned into the very text Ink's first
 * render writes, so when Ink draws over it nothing on screen changes. Whatever this cannot
 * reproduce exactly (another first screen, a notice, a small terminal, a character whose width
 * Ink measures otherwise, a colour it does not know) gets no early frame: the app starts as
 * before. No React or Ink here (and nothing that imports them).
 */
import chalk from 'chalk';
import type { LoadedDeck } from '../core/deck/types.js';
import { charWidth, graphemes } from '../core/text/width.js';
import type { Progress } from '../store/types.js';
import { chooseLang, messagesFor } from './i18n/index.js';
import { initialHome } from './screens/home/homeModel.js';
import { homeData, homeView } from './screens/home/homeView.js';
import { MIN_COLUMNS, MIN_ROWS, bodyHeight, fitHint, safeText, splitRow, rowWidth, type Row } from './textLayout.js';
import { makeTheme, type Style } from './theme.js';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, BEGIN_SYNC, CURSOR_HOME, END_SYNC, HIDE_CURSOR, SHOW_CURSOR, SIGNAL_EXIT } from './terminal.js';

/** How the output starts when an early frame is drawn (the benchmark tells the two frames apart by it). */
export const FIRST_FRAME_START = ALT_SCREEN_ON + CURSOR_HOME;

/** An SGR style as @alcalzone/ansi-tokenize keeps it (Ink's Output): opening and closing sequence. */
interface Code {
  open: string;
  close: string;
}
const sgr = (open: number, close: number): Code => ({ open: `\x1b[${open}m`, close: `\x1b[${close}m` });
const BOLD = sgr(1, 22);
const DIM = sgr(2, 22);
const UNDERLINE = sgr(4, 24);
const INVERSE = sgr(7, 27);
const NAMED = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
/** chalk's named foreground colours (Ink's colorize passes a name to chalk). */
const COLORS = new Map<string, Code>([
  ...NAMED.map((name, i): [string, Code] => [name, sgr(30 + i, 39)]),
  ...NAMED.map((name, i): [string, Code] => [`${name}Bright`, sgr(90 + i, 39)]),
  ['gray', sgr(90, 39)],
  ['grey', sgr(90, 39)],
]);

/**
 * A style's codes in the order they open in Ink's text: its Text applies dim, colour, bold,
 * underline, inverse, each wrapping the last, so the outermost opens first. undefined: a colour
 * chalk would draw differently (hex, rgb…).
 */
function codesOf(style: Style | undefined): Code[] | undefined {
  if (!style) return [];
  const color = style.color === undefined ? undefined : COLORS.get(style.color);
  if (style.color !== undefined && !color) return undefined;
  const inner = [style.dimColor && DIM, color, style.bold && BOLD, style.underline && UNDERLINE, style.inverse && INVERSE];
  return inner.filter((c): c is Code => !!c).reverse();
}

const isIntensity = (c: Code) => c === BOLD || c === DIM;

/** ansi-tokenize's diffAnsiCodes: the sequences from one cell's styles to the next one's. */
function diff(from: Code[], to: Code[]): string {
  let out = '';
  const removed = from.filter((c) => (isIntensity(c) ? !to.includes(c) : !to.some((t) => t.close === c.close)));
  for (let i = removed.length - 1; i >= 0; i--) out += removed[i]!.close;
  for (const c of to) if (!from.includes(c)) out += c.open;
  return out;
}

/**
 * One code point of the basic plane drawn in one or two columns, that Ink (string-width per
 * grapheme) and amgi (core/text/width.ts) measure alike. Marks, joiners, variation selectors, emoji and fillers can
 * differ: a frame with one gets no early copy.
 */
const UNSURE = /[\p{M}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}\p{Extended_Pictographic}\p{Regional_Indicator}\u1160-\u11ff\ud7b0-\ud7ff]/u;

/**
 * Rows (each already fitted to `columns`) as the text Ink's Output gives for them: each row's
 * cells, the styles between cells as the fewest SGR changes, trailing blanks cut, rows joined
 * by newlines. `ansi`: chalk draws styles at all (level > 0). undefined when the text would not
 * be exactly Ink's.
 */
export function inkFrameText(rows: Row[], columns: number, ansi: boolean): string | undefined {
  const lines: string[] = [];
  for (const row of rows) {
    if (rowWidth(row) > columns) return undefined;
    let line = '';
    let styles: Code[] = [];
    for (const s of row) {
      const text = safeText(s.text);
      if (!text) continue;
      const codes = ansi ? codesOf(s.style) : [];
      if (!codes) return undefined;
      for (const g of graphemes(text)) {
        if (g.length > 1 || (g > '\x7e' && UNSURE.test(g)) || charWidth(g) < 1) return undefined;
      }
      line += diff(styles, codes) + text;
      styles = codes;
    }
    // Blank cells follow the text in Ink's row: their empty style closes what is open; then trimEnd.
    lines.push((line + diff(styles, [])).trimEnd());
  }
  return lines.join('\n');
}

/** A frame's rows as components/Frame.tsx lays them out: header, body cut or padded, footer. */
export function frameRows(title: Row, right: Row, body: Row[], footer: Row, columns: number, rows: number): Row[] {
  const height = bodyHeight(rows);
  const inner = body.slice(0, height);
  while (inner.length < height) inner.push([]);
  return [splitRow(title, right, columns), ...inner, fitHint(footer, columns)];
}

export interface HomeFrameInput {
  decks: LoadedDeck[];
  progress: Progress;
  problems: readonly string[];
  langFlag?: string;
  env: NodeJS.ProcessEnv;
  color: boolean;
  /** The terminal's size. */
  columns: number;
  rows: number;
  /** Styles drawn at all (chalk's level > 0); default: chalk's own decision, the one Ink makes. */
  ansi?: boolean;
}

/** Home's first frame as Ink would write it (App.tsx, HomeScreen.tsx), or undefined when it cannot be exact. */
export function homeFrameText(input: HomeFrameInput): string | undefined {
  const { progress, columns } = input;
  if (columns < MIN_COLUMNS || input.rows < MIN_ROWS) return undefined;
  // A notice or broken deck file: Home leads with it (and the app may say more); not copied early.
  if (input.problems.length || progress.notices.length) return undefined;
  // As App.tsx: the language, the theme and the usable rows (one fewer than the terminal's).
  const t = messagesFor(chooseLang(input.langFlag, progress.settings.language, input.env));
  const ui = { messages: t, theme: makeTheme(input.color), columns, rows: input.rows - 1 };
  const view = homeView(homeData(input.decks, progress, input.problems, t), initialHome, ui);
  return inkFrameText(frameRows(view.title, view.right, view.body, view.footer, columns, ui.rows), columns, input.ansi ?? chalk.level > 0);
}

/** The early frame on screen: its size, and the guard that restores the terminal until Ink's own takes over. */
export interface ShownFrame {
  columns: number;
  rows: number;
  /** Leave the alternate screen (an error before Ink took over). */
  restore(): void;
  /** Ink's handlers are in place: remove the early ones. */
  release(): void;
}

/**
 * Alternate screen on, the frame, the cursor back home where Ink starts drawing the same frame.
 * Until Ink has taken over, a signal or an exit gives the terminal its screen back.
 */
export function showFirstFrame(stdout: NodeJS.WriteStream, text: string, columns: number, rows: number): ShownFrame {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(SHOW_CURSOR + ALT_SCREEN_OFF);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.exit(SIGNAL_EXIT[signal]);
  };
  const release = () => {
    process.off('exit', restore);
    for (const sig of Object.keys(SIGNAL_EXIT)) process.off(sig, onSignal);
  };
  process.on('exit', restore);
  for (const sig of Object.keys(SIGNAL_EXIT)) process.on(sig, onSignal);
  stdout.write(`${FIRST_FRAME_START}${BEGIN_SYNC}${HIDE_CURSOR}${text}\n${CURSOR_HOME}${END_SYNC}`);
  return { columns, rows, restore, release };
}
