/**
 * Words of a text with their UTF-16 offsets. A word is a run of Hangul or a run of other letters and
 * digits; the boundary between scripts splits too (`Dockerfile을` → `dockerfile`, `을`), so Korean
 * particles glued to an English term never hide it.
 */

export interface Token {
  /** Lower-case word. */
  key: string;
  start: number;
  end: number;
  /** Separated from the previous word only by a space, `-`, `_`, `.` or `/` (so the two may be written as one). */
  joined: boolean;
}

const HANGUL = 1;
const OTHER_WORD = 2;
const LETTER = /[\p{L}\p{N}\p{M}]/u;

function charClass(code: number, ch: string): number {
  if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3131 && code <= 0x318e)) return HANGUL;
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? OTHER_WORD : 0;
  }
  // Surrogate halves are classified by the pair they belong to (the caller passes the full code point).
  return LETTER.test(ch) ? OTHER_WORD : 0;
}

const JOINER = /^[\s\-_./]{1,3}$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let cls = 0;
  let prevEnd = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const joined = prevEnd >= 0 && prevEnd < start && JOINER.test(text.slice(prevEnd, start));
    tokens.push({ key: text.slice(start, end).toLowerCase(), start, end, joined });
    prevEnd = end;
    start = -1;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const c = charClass(cp, width === 1 ? text[i]! : String.fromCodePoint(cp));
    if (c !== cls || c === 0) {
      flush(i);
      if (c !== 0) start = i;
      cls = c;
    }
    i += width;
  }
  flush(text.length);
  return tokens;
}

/** Longest compound kept as a word of its own (`멀티 스테이지` → `멀티스테이지`). */
export const MAX_COMPOUND = 24;

/** The word pairs written apart that a user may type as one word. */
export function compounds(tokens: Token[]): Array<{ key: string; start: number; end: number }> {
  const out: Array<{ key: string; start: number; end: number }> = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (b.joined && a.key.length + b.key.length <= MAX_COMPOUND) out.push({ key: a.key + b.key, start: a.start, end: b.end });
  }
  return out;
}
