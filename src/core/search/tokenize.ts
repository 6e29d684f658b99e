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
const SPACE = /\s/;

function isHangul(code: number): boolean {
  return (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3131 && code <= 0x318e);
}

/** A joiner between two words: a space, `-`, `_`, `.` or `/`. */
function isJoiner(code: number): boolean {
  if (code === 32 || code === 45 || code === 95 || code === 46 || code === 47) return true;
  return (code < 0x80 ? code >= 9 && code <= 13 : SPACE.test(String.fromCharCode(code)));
}

/** At most three joiner characters between the words. */
function joinedGap(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let i = from; i < to; i++) if (!isJoiner(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Calls `word` for every word of the text, in order, without building token objects (the index
 * build runs this over every card). `hangul` says the word is Hangul (else it has none).
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the tokenizer's hot loop (every card at start-up), kept as one hand-optimised scan.
export function forEachWord(text: string, word: (key: string, start: number, end: number, joined: boolean, hangul: boolean) => void): void {
  let start = -1;
  let cls = 0;
  let lower = false;
  let prevEnd = -1;
  const n = text.length;
  for (let i = 0; i <= n; ) {
    let c = 0;
    let width = 1;
    let upper = false;
    if (i < n) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) c = OTHER_WORD;
        else if (code >= 65 && code <= 90) {
          c = OTHER_WORD;
          upper = true;
        }
      } else if (isHangul(code)) c = HANGUL;
      else {
        // A surrogate pair is classified by the code point it makes.
        const cp = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i)! : code;
        width = cp > 0xffff ? 2 : 1;
        if (LETTER.test(String.fromCodePoint(cp))) {
          c = OTHER_WORD;
          upper = true;
        }
      }
    }
    if (c !== cls || c === 0) {
      if (start >= 0) {
        const raw = text.slice(start, i);
        word(lower ? raw.toLowerCase() : raw, start, i, prevEnd >= 0 && joinedGap(text, prevEnd, start), cls === HANGUL);
        prevEnd = i;
        start = -1;
      }
      if (c !== 0) {
        start = i;
        lower = false;
      }
      cls = c;
    }
    if (upper) lower = true;
    i += width;
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (key, start, end, joined) => tokens.push({ key, start, end, joined }));
  return tokens;
}

/** Longest compound kept as a word of its own (`멀티 스테이지` → `멀티스테이지`). */
const MAX_COMPOUND = 24;

/**
 * Whether a word of `firstLength` characters and the next one make a compound: the rule the
 * index (derive.ts), the highlighter and `compounds` share. `joined`: nothing but a space or a
 * hyphen between them (see Token).
 */
export function isCompound(firstLength: number, secondLength: number, joined: boolean): boolean {
  return joined && firstLength + secondLength <= MAX_COMPOUND;
}

/** The word pairs written apart that a user may type as one word. */
export function compounds(tokens: Token[]): Array<{ key: string; start: number; end: number }> {
  const out: Array<{ key: string; start: number; end: number }> = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (isCompound(a.key.length, b.key.length, b.joined)) out.push({ key: a.key + b.key, start: a.start, end: b.end });
  }
  return out;
}
