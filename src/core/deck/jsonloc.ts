/**
 * A strict JSON parser that remembers where every value starts, so a deck problem can be
 * reported as file:line:column. JSON.parse gives neither positions for schema errors nor
 * friendly messages for the usual hand-editing mistakes (trailing comma, unclosed string).
 */
import type { Location } from '../errors.js';
import { cliText } from '../messages.js';

/** JSON syntax problems in the active language (core/i18n/cliEn.ts `deck.json`). */
const j = () => cliText().deck.json;

/**
 * Containers (objects and arrays) inside each other: a deck needs four (deck, cards, card, a
 * list or source). The bound keeps the recursive parser below far from a stack overflow
 * (~4,000 levels overflowed it) and gives deeper files a file:line:col error.
 */
const MAX_NESTING = 64;

export type JsonPath = ReadonlyArray<string | number>;

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly location: Location, readonly hint?: string) {
    super(message);
  }
}

export interface ParsedJson {
  value: unknown;
  /** Start of the value at `path` (or of its key, for a missing property use the parent). */
  locate(path: JsonPath): Location;
}

export function parseJsonWithLocations(text: string): ParsedJson {
  const positions = new Map<string, number>();
  const keyPositions = new Map<string, number>();
  let i = 0;

  // Line starts, for offset → line/column.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const toLocation = (offset: number): Location => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const fail = (message: string, at = i, hint?: string): never => {
    throw new JsonSyntaxError(message, toLocation(at), hint);
  };
  const describe = (at: number): string => (at >= text.length ? j().endOfFile : JSON.stringify(text[at]));

  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= text.length) fail(j().unclosedString, start, j().unclosedStringHint);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c === 10) fail(j().lineBreak, start, j().lineBreakHint);
      if (c < 0x20) fail(j().rawControl, i, j().rawControlHint);
      if (c === 92) {
        out += text.slice(chunk, i);
        const escaped = readEscape(text, i) ?? fail(j().badEscape(text[i + 1] ?? ''), i, j().badEscapeHint);
        out += escaped.char;
        i = escaped.next;
        chunk = i;
        continue;
      }
      i++;
    }
  };

  let depth = 0;
  const nested = <T>(parse: (path: string) => T, path: string): T => {
    if (++depth > MAX_NESTING) fail(j().nestedTooDeep(MAX_NESTING), i, j().nestedHint);
    const v = parse(path);
    depth--;
    return v;
  };

  const parseValue = (path: string): unknown => {
    ws();
    positions.set(path, i);
    const c = text[i];
    if (c === '{') return nested(parseObject, path);
    if (c === '[') return nested(parseArray, path);
    if (c === '"') return parseString();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (lit) {
      i += lit[0].length;
      return lit[0] === 'true' ? true : lit[0] === 'false' ? false : lit[0] === 'null' ? null : Number(lit[0]);
    }
    if (c === "'") return fail(j().singleQuotes, i, j().singleQuotesHint);
    return fail(j().expectedValue(describe(i)));
  };

  const parseObject = (path: string): Record<string, unknown> => {
    const obj: Record<string, unknown> = Object.create(null);
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') {
        if (text[i] === '}') fail(j().trailingComma('}'), i, j().trailingCommaHint);
        fail(j().expectedName(describe(i)));
      }
      const keyAt = i;
      // A duplicate key is reported by scanStructure (always run); here the last one wins, as in JSON.parse.
      const key = parseString();
      ws();
      if (text[i] !== ':') fail(j().expectedColon(key, describe(i)));
      i++;
      const child = `${path}/${escapeKey(key)}`;
      keyPositions.set(child, keyAt);
      obj[key] = parseValue(child);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return obj;
      }
      fail(j().expectedEnd('}', describe(i)), i, text[i] === '"' ? j().missingCommaProps : undefined);
    }
  };

  const parseArray = (path: string): unknown[] => {
    const arr: unknown[] = [];
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      ws();
      if (text[i] === ']') fail(j().trailingComma(']'), i, j().trailingCommaHint);
      arr.push(parseValue(`${path}/${arr.length}`));
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return arr;
      }
      fail(j().expectedEnd(']', describe(i)), i, text[i] === '{' || text[i] === '"' ? j().missingCommaItems : undefined);
    }
  };

  const value = parseValue('');
  ws();
  if (i < text.length) fail(j().afterEnd(describe(i)));

  return {
    value,
    locate(p: JsonPath): Location {
      // Walk up until a known position: a missing property is reported at its parent.
      for (let n = p.length; n >= 0; n--) {
        const key = p.slice(0, n).map((s) => `/${escapeKey(String(s))}`).join('');
        const at = positions.get(key) ?? keyPositions.get(key);
        if (at !== undefined) return toLocation(at);
      }
      return { line: 1, column: 1 };
    },
  };
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The escape sequence at `at` (a backslash): the character it stands for and the offset after it; undefined if invalid. */
function readEscape(text: string, at: number): { char: string; next: number } | undefined {
  const e = text[at + 1];
  if (e !== undefined && Object.hasOwn(SIMPLE_ESCAPES, e)) return { char: SIMPLE_ESCAPES[e]!, next: at + 2 };
  const hex = text.slice(at + 2, at + 6);
  if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) return { char: String.fromCharCode(parseInt(hex, 16)), next: at + 6 };
  return undefined;
}

function escapeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Line and column of a UTF-16 offset in `text` (one lookup: a scan, no line table). */
function locationAt(text: string, offset: number): Location {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) [line, lineStart] = [line + 1, k + 1];
  return { line, column: offset - lineStart + 1 };
}

export interface StructureProblem {
  message: string;
  hint?: string;
  location: Location;
  /** Nesting beyond MAX_NESTING: the text was not scanned further (and cannot be located). */
  tooDeep?: true;
}

/**
 * Problems JSON.parse accepts silently, in text it accepted: a key given twice in one object
 * (JSON.parse keeps the last, so the first is lost without a word) and nesting deeper than
 * MAX_NESTING (then nothing more is scanned). One pass without recursion and without building
 * values: a few times cheaper than the locating parser, so it runs on every validation.
 */
export function scanStructure(text: string, maxProblems = 20): StructureProblem[] {
  const problems: StructureProblem[] = [];
  /**
   * Per open container: the keys seen so far (an object) or null (an array). A list while short
   * (a card has a few keys: 2.3× faster than a Set each), a Set past 16 (a hostile object with
   * 100k keys must not cost n² comparisons).
   */
  const open: OpenContainer[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 34: {
        // A string: find its closing quote (one not escaped by an odd run of backslashes).
        const end = closingQuote(text, i);
        if (end < 0) return problems; // JSON.parse accepted the text: cannot happen
        const duplicate = expectKey ? duplicateKey(text, i, end, open) : undefined;
        expectKey = false;
        if (duplicate && problems.push(duplicate) >= maxProblems) return problems;
        i = end;
        break;
      }
      case 123: // {
      case 91: // [
        if (open.length >= MAX_NESTING) {
          problems.push({ message: j().nestedTooDeep(MAX_NESTING), hint: j().nestedHint, location: locationAt(text, i), tooDeep: true });
          return problems;
        }
        expectKey = text.charCodeAt(i) === 123;
        open.push(expectKey ? [] : null);
        break;
      case 125: // }
      case 93: // ]
        open.pop();
        expectKey = false;
        break;
      case 44: // ,
        expectKey = open[open.length - 1] != null;
        break;
    }
  }
  return problems;
}

/** Per open container of scanStructure: the keys seen so far (an object) or null (an array). */
type OpenContainer = string[] | Set<string> | null;

/** The key whose quotes are at `open` and `end`, unescaped. */
function keyAt(text: string, open: number, end: number): string {
  const raw = text.slice(open + 1, end);
  return raw.includes('\\') ? (JSON.parse(text.slice(open, end + 1)) as string) : raw;
}

/** The key quoted at `open`…`end`, recorded in the innermost object: a problem if it was there already. */
function duplicateKey(text: string, open: number, end: number, containers: OpenContainer[]): StructureProblem | undefined {
  const key = keyAt(text, open, end);
  return seenBefore(containers, key) ? { message: j().duplicateKey(key), hint: j().duplicateKeyHint, location: locationAt(text, open) } : undefined;
}

/** Records `key` in the innermost object's keys; true if it was there already. */
function seenBefore(open: OpenContainer[], key: string): boolean {
  const keys = open[open.length - 1]!;
  if (Array.isArray(keys) ? keys.includes(key) : keys!.has(key)) return true;
  if (!Array.isArray(keys)) keys!.add(key);
  else if (keys.push(key) > 16) open[open.length - 1] = new Set(keys);
  return false;
}

/** The closing quote of the string opening at `open`: one not escaped by an odd run of backslashes; -1 if none. */
function closingQuote(text: string, open: number): number {
  for (let end = text.indexOf('"', open + 1); end >= 0; end = text.indexOf('"', end + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return end;
  }
  return -1;
}
