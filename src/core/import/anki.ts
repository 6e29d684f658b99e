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

function parseHeader(lines: string[]): { header: AnkiHeader; bodyStart: number } {
  const header: AnkiHeader = { separator: '\t', html: true, tags: [] };
  let k = 0;
  const cols: string[] = [];
  for (; k < lines.length; k++) {
    const m = /^#([a-zA-Z ]{1,30}):(.*)$/.exec(lines[k]!);
    if (!m) break;
    const key = m[1]!.trim().toLowerCase();
    const value = m[2]!.trim();
    const column = () => (/^\d{1,3}$/.test(value) && Number(value) > 0 ? Number(value) : undefined);
    if (key === 'separator') header.separator = SEPARATORS[value.toLowerCase()] ?? (value.length === 1 ? value : '\t');
    else if (key === 'html') header.html = value.toLowerCase() !== 'false';
    else if (key === 'tags column') header.tagsColumn = column();
    else if (key === 'notetype column') header.notetypeColumn = column();
    else if (key === 'deck column') header.deckColumn = column();
    else if (key === 'guid column') header.guidColumn = column();
    else if (key === 'tags') header.tags = value.split(/\s+/).filter(Boolean);
    else if (key === 'notetype') header.notetype = value;
    else if (key === 'deck') header.deck = value;
    else if (key === 'columns') cols.push(value);
    // other headers (if matches, …) do not change what the cards say
  }
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

/** Split the body into rows; quoted fields may hold separators, newlines and "" escapes. Linear. */
function splitRows(body: string, sep: string, firstLine: number, file: string): Row[] {
  const rows: Row[] = [];
  let line = firstLine;
  let i = 0;
  while (i < body.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (body[i] === '"') {
        const quoted = readQuoted(body, i);
        if (!quoted) throw new InputError(file, cliText().import.unclosedQuote, { line: start, column: 1 }, cliText().import.unclosedQuoteHint);
        for (const ch of quoted.text) if (ch === '\n') line++;
        field = quoted.text;
        i = quoted.end;
      }
      // Unquoted text (or anything after a closing quote) runs to the separator or the line end.
      let j = i;
      while (j < body.length && body[j] !== sep && body[j] !== '\n') j++;
      field += body.slice(i, j);
      fields.push(field);
      i = j;
      if (body[i] === sep) {
        i++;
        continue;
      }
      if (body[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    if (!(fields.length === 1 && fields[0]!.trim() === '')) rows.push({ line: start, fields });
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

export function parseAnki(input: string, file = 'input'): ImportParse {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const { header, bodyStart } = parseHeader(lines);
  const body = lines.slice(bodyStart).join('\n');
  const rows = splitRows(body, header.separator, bodyStart + 1, file);
  const width = header.columns?.length ?? rows[0]?.fields.length ?? 0;
  for (const r of rows) {
    if (r.fields.length !== width) {
      const where = header.columns ? 'the #columns header' : `line ${rows[0]!.line}`;
      throw new InputError(
        file,
        `line ${r.line} has ${r.fields.length} column(s) but ${where} has ${width}`,
        { line: r.line, column: 1 },
        `every note needs the same number of ${header.separator === '\t' ? 'tab' : JSON.stringify(header.separator)}-separated fields; quote fields that contain one`,
      );
    }
  }
  const meta = new Set([header.tagsColumn, header.notetypeColumn, header.deckColumn, header.guidColumn].filter((c): c is number => c !== undefined));
  const cards: DraftCard[] = [];
  const skipped: SkippedLine[] = [];
  const decks = new Set<string>();
  const field = (s: string) => (header.html ? htmlToText(s) : s.trim());
  for (const r of rows) {
    const col = (n: number | undefined) => (n === undefined ? undefined : r.fields[n - 1]);
    const noteFields = r.fields.filter((_, k) => !meta.has(k + 1)).map(field);
    const notetype = col(header.notetypeColumn)?.trim() || header.notetype || '';
    const deck = col(header.deckColumn)?.trim() || header.deck;
    if (deck) decks.add(deck);
    const tags = [...new Set([...header.tags, ...(col(header.tagsColumn) ?? '').split(/\s+/)].filter(Boolean))];
    const [front = '', back = '', ...rest] = noteFields;
    const common = { line: r.line, ...(tags.length ? { tags } : {}), ...(deck && header.deckColumn ? { topic: deck } : {}) };
    const skip = (reason: string) => skipped.push({ line: r.line, text: front.slice(0, 80), reason });
    if (/cloze/i.test(notetype) || /\{\{c\d{1,3}::/.test(front)) {
      const gaps = ankiClozeToGaps(front);
      if (!/\{\{[^{}]{1,4000}\}\}/.test(gaps)) skip(cliText().import.reasons.clozeNoGap);
      else cards.push({ ...common, type: 'cloze', front: gaps, ...(back ? { back } : {}) });
      continue;
    }
    if (!front) {
      skip(cliText().import.reasons.emptyFront);
      continue;
    }
    const reversible = /revers/i.test(notetype) && (!/optional/i.test(notetype) || (rest[0] ?? '').trim() !== '');
    // Extra fields of a custom note type are kept under the answer; a reverse flag is not content.
    const extra = reversible || /revers/i.test(notetype) ? [] : rest.filter(Boolean);
    const fullBack = [back, ...extra].filter(Boolean).join('\n\n');
    if (!fullBack) {
      skip(cliText().import.reasons.emptyBack);
      continue;
    }
    cards.push({ ...common, type: reversible ? 'reversible' : 'basic', front, back: fullBack });
  }
  // With several Anki decks in one file, each card's deck becomes its topic (quiz distractors).
  if (decks.size < 2) for (const c of cards) delete c.topic;
  const title = header.deck ?? (decks.size === 1 ? [...decks][0] : undefined);
  return { cards, skipped, ignoredLines: [], ...(title ? { title } : {}) };
}
