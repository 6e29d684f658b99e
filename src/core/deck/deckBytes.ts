/** Deck file bytes → text: size limits, binary files, invalid UTF-8 (with its line and column), a BOM. */
import type { Location } from '../errors.js';
import { deckText as t, type DeckProblem } from './problems.js';

export const MAX_DECK_BYTES = 20 * 1024 * 1024;

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function locationOfByte(bytes: Uint8Array, offset: number): Location {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k++) if (bytes[k] === 10) [line, lineStart] = [line + 1, k + 1];
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/** Decode deck bytes, refusing what is not a UTF-8 text file. */
export function decodeDeckBytes(file: string, bytes: Uint8Array): { text?: string; problem?: DeckProblem } {
  const err = (message: string, hint?: string, location?: Location) => ({ problem: { file, severity: 'error' as const, message, hint, location } });
  if (bytes.length > MAX_DECK_BYTES) {
    return err(t().tooBig((bytes.length / 1048576).toFixed(1)), t().tooBigHint);
  }
  if (bytes.length === 0) return err(t().empty, t().emptyHint);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return err(t().binary, t().binaryHint, locationOfByte(bytes, nul));
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return err(t().badUtf8, t().badUtf8Hint, locationOfByte(bytes, bad));
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is accepted
  return { text };
}
