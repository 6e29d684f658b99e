/**
 * Anki "Notes in Plain Text" (.txt) → draft cards. Reads the header lines Anki writes
 * (`#separator:tab`, `#html:true`, `#tags column:3`, `#notetype column:N`, `#deck column:N`,
 * `#guid column:N`, `#columns:…`, `#tags:…`, `#notetype:…`, `#deck:…`) and fields quoted
 * with "…" ("" inside). Fields are HTML unless `#html:false`. A line with another number of
 * columns than the first is an error naming both lines: guessing would shift fronts into backs.
 */
import { InputError } from './errors.js';
import { cliText } from '../messages.js';
import type { DraftCard, ImportParse, SkippedLine } from './draft.js';
import { htmlToText } from './html.js';

export interface AnkiHeader {
  separator: string;
  html: boolean;
  columns?: string[];
  tagsColumn?: number;
  notetypeColumn?: number;
  deckColumn?: number;
  guidColumn?: number;
  tags: string[];
  notetype?: string;
  deck?: string;
}

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' };

/** True when the text starts like an Anki export (used to tell Anki .txt from Markdown .txt). */
export function looksLikeAnki(text: string): boolean {
  return /^\ufeff?#(separator|html|notetype|deck|tags|columns|guid)\b[^:\n]{0,20}:/i.test(text);
}

/** A header's value as a column number (1-based), or undefined when it is not one. */
function columnOf(value: string): number | undefined {
  return /^\d{1,3}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

/** What each header line sets (by its lower-cased name); other headers (if matches, …) do not change what the cards say. */
const HEADER_SETTERS: Record<string, (h: AnkiHeader, value: string, cols: string[]) => void> = {
  separator: (h, v) => {
    h.separator = SEPARATORS[v.toLowerCase()] ?? (v.length === 1 ? v : '\t');
  },
  html: (h, v) => {
    h.html = v.toLowerCase() !== 'false';
  },
  'tags column': (h, v) => {
    h.tagsColumn = columnOf(v);
  },
  'notetype column': (h, v) => {
    h.notetypeColumn = columnOf(v);
  },
  'deck column': (h, v) => {
    h.deckColumn = columnOf(v);
  },
  'guid column': (h, v) => {
    h.guidColumn = columnOf(v);
  },
  tags: (h, v) => {
    h.tags = v.split(/\s+/).filter(Boolean);
  },
  notetype: (h, v) => {
    h.notetype = v;
  },
  deck: (h, v) => {
    h.deck = v;
  },
  columns: (_, v, cols) => {
    cols.push(v);
  },
};

function parseHeader(lines: string[]): { header: AnkiHeader; bodyStart: number } {
  const header: AnkiHeader = { separator: '\t', html: true, tags: [] };
  let k = 0;
  const cols: string[] = [];
  for (; k < lines.length; k++) {
    const m = /^#([a-zA-Z ]{1,30}):(.*)$/.exec(lines[k]!);
    if (!m) break;
    const key = m[1]!.trim().toLowerCase();
    if (Object.hasOwn(HEADER_SETTERS, key)) HEADER_SETTERS[key]!(header, m[2]!.trim(), cols);
  }
  // The separator may come after #columns: split it with the final one.
  if (cols.length) header.columns = cols[0]!.split(header.separator);
  return { header, bodyStart: k };
}

interface Row {
  line: number;
  fields: string[];
}

/** The quoted field whose opening quote is at `open` ("" is a quote), and the index after its closing quote; undefined if never closed. */
function readQuoted(body: string, open: number): { text: string; end: number } | undefined {
  let text = '';
  let i = open + 1;
  for (;;) {
    const q = body.indexOf('"', i);
    if (q < 0) return undefined;
    text += body.slice(i, q);
    if (body[q + 1] !== '"') return { text, end: q + 1 };
    text += '"';
    i = q + 2;
  }
}

/** Where reading the body stands: the index and the line it is on. */
interface Cursor {
  i: number;
  line: number;
}

/** One field from `at.i`: a quoted part if it opens with a quote, then text to the separator or the line end. */
function readField(body: string, sep: string, at: Cursor, rowLine: number, file: string): string {
  let field = '';
  if (body[at.i] === '"') {
    const quoted = readQuoted(body, at.i);
    if (!quoted) throw new InputError(file, cliText().import.unclosedQuote, { line: rowLine, column: 1 }, cliText().import.unclosedQuoteHint);
    for (const ch of quoted.text) if (ch === '\n') at.line++;
    field = quoted.text;
    at.i = quoted.end;
  }
  // Unquoted text (or anything after a closing quote) runs to the separator or the line end.
  let j = at.i;
  while (j < body.length && body[j] !== sep && body[j] !== '\n') j++;
  field += body.slice(at.i, j);
  at.i = j;
  return field;
}

/** The fields of the row at `at`, leaving `at` at the start of the next row. */
function readRow(body: string, sep: string, at: Cursor, file: string): string[] {
  const start = at.line;
  const fields: string[] = [];
  for (;;) {
    fields.push(readField(body, sep, at, start, file));
    if (body[at.i] !== sep) break;
    at.i++;
  }
  if (body[at.i] === '\n') {
    at.i++;
    at.line++;
  }
  return fields;
}

/** Split the body into rows; quoted fields may hold separators, newlines and "" escapes. Linear. */
function splitRows(body: string, sep: string, firstLine: number, file: string): Row[] {
  const rows: Row[] = [];
  const at: Cursor = { i: 0, line: firstLine };
  while (at.i < body.length) {
    const line = at.line;
    const fields = readRow(body, sep, at, file);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) rows.push({ line, fields });
  }
  return rows;
}

/** `{{c1::text}}` / `{{c2::text::hint}}` → `{{text}}`; scans with indexOf, no regex backtracking. */
export function ankiClozeToGaps(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('{{c', i);
    if (open < 0) return out + text.slice(i);
    const m = /^\{\{c\d{1,3}::/.exec(text.slice(open, open + 10));
    const close = m ? text.indexOf('}}', open + m[0].length) : -1;
    if (!m || close < 0) {
      out += text.slice(i, open + 3);
      i = open + 3;
      continue;
    }
    const inner = text.slice(open + m[0].length, close);
    const hint = inner.indexOf('::');
    const answer = (hint >= 0 ? inner.slice(0, hint) : inner).trim();
    out += text.slice(i, open) + (answer && !/[{}]/.test(answer) ? `{{${answer}}}` : answer);
    i = close + 2;
  }
}

/** Every row must have as many fields as the #columns header, or the first row: guessing would shift fronts into backs. */
function checkWidths(rows: Row[], header: AnkiHeader, file: string): void {
  const width = header.columns?.length ?? rows[0]?.fields.length ?? 0;
  const bad = rows.find((r) => r.fields.length !== width);
  if (!bad) return;
  const where = header.columns ? 'the #columns header' : `line ${rows[0]!.line}`;
  throw new InputError(
    file,
    `line ${bad.line} has ${bad.fields.length} column(s) but ${where} has ${width}`,
    { line: bad.line, column: 1 },
    `every note needs the same number of ${header.separator === '\t' ? 'tab' : JSON.stringify(header.separator)}-separated fields; quote fields that contain one`,
  );
}

/** A row's note: its fields without the meta columns (as text), its note type, deck and tags. */
function noteOf(r: Row, header: AnkiHeader, meta: Set<number>): { fields: string[]; notetype: string; deck?: string; tags: string[] } {
  const col = (n: number | undefined) => (n === undefined ? undefined : r.fields[n - 1]);
  const field = (s: string) => (header.html ? htmlToText(s) : s.trim());
  const deck = col(header.deckColumn)?.trim() || header.deck;
  return {
    fields: r.fields.filter((_, k) => !meta.has(k + 1)).map(field),
    notetype: col(header.notetypeColumn)?.trim() || header.notetype || '',
    ...(deck ? { deck } : {}),
    tags: [...new Set([...header.tags, ...(col(header.tagsColumn) ?? '').split(/\s+/)].filter(Boolean))],
  };
}

/** The card a note makes (cloze, reversible or basic), or why it makes none. */
function cardOf(common: Omit<DraftCard, 'type' | 'front' | 'back'>, front: string, back: string, rest: string[], notetype: string): { card: DraftCard } | { skip: string } {
  const reasons = cliText().import.reasons;
  if (/cloze/i.test(notetype) || /\{\{c\d{1,3}::/.test(front)) {
    const gaps = ankiClozeToGaps(front);
    if (!/\{\{[^{}]{1,4000}\}\}/.test(gaps)) return { skip: reasons.clozeNoGap };
    return { card: { ...common, type: 'cloze', front: gaps, ...(back ? { back } : {}) } };
  }
  if (!front) return { skip: reasons.emptyFront };
  const reverse = /revers/i.test(notetype);
  const reversible = reverse && (!/optional/i.test(notetype) || (rest[0] ?? '').trim() !== '');
  // Extra fields of a custom note type are kept under the answer; a reverse flag is not content.
  const extra = reverse ? [] : rest.filter(Boolean);
  const fullBack = [back, ...extra].filter(Boolean).join('\n\n');
  if (!fullBack) return { skip: reasons.emptyBack };
  return { card: { ...common, type: reversible ? 'reversible' : 'basic', front, back: fullBack } };
}

export function parseAnki(input: string, file = 'input'): ImportParse {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const { header, bodyStart } = parseHeader(lines);
  const body = lines.slice(bodyStart).join('\n');
  const rows = splitRows(body, header.separator, bodyStart + 1, file);
  checkWidths(rows, header, file);
  const meta = new Set([header.tagsColumn, header.notetypeColumn, header.deckColumn, header.guidColumn].filter((c): c is number => c !== undefined));
  const cards: DraftCard[] = [];
  const skipped: SkippedLine[] = [];
  const decks = new Set<string>();
  for (const r of rows) {
    const note = noteOf(r, header, meta);
    if (note.deck) decks.add(note.deck);
    const [front = '', back = '', ...rest] = note.fields;
    const common = { line: r.line, ...(note.tags.length ? { tags: note.tags } : {}), ...(note.deck && header.deckColumn ? { topic: note.deck } : {}) };
    const made = cardOf(common, front, back, rest, note.notetype);
    if ('skip' in made) {
      skipped.push({ line: r.line, text: front.slice(0, 80), reason: made.skip });
      continue;
    }
    cards.push(made.card);
  }
  // With several Anki decks in one file, each card's deck becomes its topic (quiz distractors).
  if (decks.size < 2) for (const c of cards) delete c.topic;
  const title = header.deck ?? (decks.size === 1 ? [...decks][0] : undefined);
  return { cards, skipped, ignoredLines: [], ...(title ? { title } : {}) };
}
