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
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return field;
  return insertText(field, input);
}

/** Columns from the start of the field to the cursor (Hangul is two columns). */
export function cursorColumn(field: TextField): number {
  return displayWidth([...field.value].slice(0, field.cursor).join(''));
}
