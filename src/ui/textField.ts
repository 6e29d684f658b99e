/**
 * A one-line text field as pure state (the quiz's answer fields, the search query). The terminal's IME composes Hangul itself and
 * shows the syllable being composed at the real cursor; Ink receives finished text (typed
 * or pasted, possibly several characters in one `input`). The cursor counts code points.
 */
import type { Key } from 'ink';
import { Command, matches } from './keymap.js';
import { displayWidth } from '../core/text/width.js';
import { sanitizeText } from '../core/text/sanitize.js';

export interface TextField {
  value: string;
  /** Cursor position in code points. */
  cursor: number;
}

export const EMPTY_FIELD: TextField = { value: '', cursor: 0 };

/** Ctrl+U as a terminal sends it. */
const CLEAR_CHAR = '\u0015';

/** The edits a reducer with a one-line text field takes (search, the card browser's filter). */
export type TextEdit = { type: 'insert'; text: string } | { type: 'backspace' } | { type: 'clear' };

/** Typed or pasted text as one line: control characters dropped, newlines and tabs as spaces. */
function cleanInput(text: string): string {
  return sanitizeText(text).replace(/[\n\t]+/g, ' ').normalize('NFC');
}

/** Delete the character before the cursor. */
function deleteBack(field: TextField): TextField {
  if (field.cursor === 0) return field;
  const chars = [...field.value];
  chars.splice(field.cursor - 1, 1);
  return { value: chars.join(''), cursor: field.cursor - 1 };
}

/**
 * Insert typed or pasted text at the cursor. Keys that arrive in one chunk (fast typing, a held
 * Backspace) come as one string: DEL / BS inside it still delete, and Ctrl+U (a raw \u0015 there,
 * not a key Ink names) still clears, so `Ctrl+U deck:` leaves `deck:`, not the old text and `deck:`.
 */
export function insertText(field: TextField, text: string): TextField {
  const cleared = text.lastIndexOf(CLEAR_CHAR);
  if (cleared >= 0) return insertText(EMPTY_FIELD, text.slice(cleared + 1));
  if (/[\u007f\b]/.test(text)) {
    return text.split(/([\u007f\b])/).reduce((f, part) => (part === '\u007f' || part === '\b' ? deleteBack(f) : part ? insertText(f, part) : f), field);
  }
  const added = [...cleanInput(text)];
  if (!added.length) return field;
  const chars = [...field.value];
  chars.splice(field.cursor, 0, ...added);
  return { value: chars.join(''), cursor: field.cursor + added.length };
}

/** A TextEdit on the field (the same object when nothing changes: clearing an empty field). */
export function applyTextEdit(field: TextField, edit: TextEdit): TextField {
  switch (edit.type) {
    case 'insert':
      return insertText(field, edit.text);
    case 'backspace':
      return deleteBack(field);
    case 'clear':
      return field.value ? EMPTY_FIELD : field;
  }
}

/** Apply a key press; returns the same object when the key is not an edit. */
export function editField(field: TextField, input: string, key: Key): TextField {
  if (matches(Command.DeleteBack, input, key, { textField: true })) return deleteBack(field);
  if (matches(Command.ClearField, input, key, { textField: true })) return field.value ? EMPTY_FIELD : field;
  if (matches(Command.CursorLeft, input, key, { textField: true })) return { ...field, cursor: Math.max(0, field.cursor - 1) };
  if (matches(Command.CursorRight, input, key, { textField: true })) return { ...field, cursor: Math.min([...field.value].length, field.cursor + 1) };
  if (matches(Command.CursorStart, input, key, { textField: true })) return { ...field, cursor: 0 };
  if (matches(Command.CursorEnd, input, key, { textField: true })) return { ...field, cursor: [...field.value].length };
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return field;
  return insertText(field, input);
}

/** What a field `width` columns wide shows: `text` (with … at a cut side) and the cursor's column in it. */
export interface FieldWindow {
  text: string;
  cursor: number;
}

const MORE = '…';

/**
 * The part of a long field that fits `width` columns, as a shell line scrolls: the whole text
 * when it fits (with a cell for the cursor after it); else the end of the text while the cursor
 * is in it (typing at the end keeps the newest characters in view), the start while the cursor
 * is there, otherwise a page around the cursor. Pages move by half the width so ← and → do not
 * shift the text on every key. Characters are never split (a syllable is two columns).
 */
export function fieldWindow(field: TextField, width: number): FieldWindow {
  const chars = [...field.value];
  const widths = chars.map((c) => displayWidth(c));
  // Column where each character starts; cols[chars.length] is the whole width.
  const cols = [0];
  for (const w of widths) cols.push(cols[cols.length - 1]! + w);
  const total = cols[chars.length]!;
  const at = Math.min(Math.max(0, field.cursor), chars.length);
  const c = cols[at]!;
  if (width <= 0) return { text: '', cursor: 0 };
  if (total + 1 <= width) return { text: field.value, cursor: c };
  // No room for a … beside a character: only the character under the cursor, if it fits.
  if (width < 3) {
    const ch = chars[at] ?? '';
    return { text: displayWidth(ch) <= width ? ch : '', cursor: 0 };
  }
  // The cell the cursor covers: the character under it, or the empty cell after the text.
  const under = Math.max(1, widths[at] ?? 1);
  /** Characters from `start` that fit `room` columns, and whether any are left after them. */
  const take = (start: number, room: number) => {
    let end = start;
    while (end < chars.length && cols[end + 1]! - cols[start]! <= room) end++;
    return { shown: chars.slice(start, end).join(''), rest: end < chars.length };
  };
  // The end of the text behind a leading …, with a cell left for the cursor after it.
  let tail = chars.length;
  while (tail > 0 && total - cols[tail - 1]! <= width - 2) tail--;
  if (at >= tail && width >= 3) return { text: MORE + chars.slice(tail).join(''), cursor: 1 + c - cols[tail]! };
  // The start of the text, cut with … at the right.
  if (c + under <= width - 1) return { text: take(0, width - 1).shown + MORE, cursor: c };
  // A page around the cursor, … on both sides (the right one only when text is left there).
  const room = Math.max(1, width - 2);
  const step = Math.max(1, Math.floor(room / 2));
  const page = Math.max(1, Math.ceil((c + under - room) / step));
  let start = cols.findIndex((col) => col >= page * step);
  if (start < 0 || start > at) start = at;
  const { shown, rest } = take(start, room);
  return { text: MORE + shown + (rest ? MORE : ''), cursor: 1 + c - cols[start]! };
}
