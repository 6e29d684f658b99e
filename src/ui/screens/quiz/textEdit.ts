/**
 * A one-line text field as pure state. The terminal's IME composes Hangul itself and
 * shows the syllable being composed at the real cursor; Ink receives finished text (typed
 * or pasted, possibly several characters in one `input`). The cursor counts code points.
 */
import type { Key } from 'ink';
import { Command, matches } from '../../keymap.js';
import { displayWidth } from '../../../core/text/width.js';

export interface TextField {
  value: string;
  /** Cursor position in code points. */
  cursor: number;
}

export const EMPTY_FIELD: TextField = { value: '', cursor: 0 };

/** Printable text from a key press, or '' for control keys (newlines and escapes dropped). */
function printable(input: string, key: Key): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return '';
  return input.replace(/[\u0000-\u001f\u007f]/g, '');
}

/** Apply a key press; returns the same object when the key is not an edit. */
export function editField(field: TextField, input: string, key: Key): TextField {
  const chars = [...field.value];
  if (matches(Command.DeleteBack, input, key, { textField: true })) {
    if (field.cursor === 0) return field;
    chars.splice(field.cursor - 1, 1);
    return { value: chars.join(''), cursor: field.cursor - 1 };
  }
  if (matches(Command.ClearField, input, key, { textField: true })) return field.value ? EMPTY_FIELD : field;
  if (matches(Command.CursorLeft, input, key, { textField: true })) return { ...field, cursor: Math.max(0, field.cursor - 1) };
  if (matches(Command.CursorRight, input, key, { textField: true })) return { ...field, cursor: Math.min(chars.length, field.cursor + 1) };
  const text = printable(input, key);
  if (!text) return field;
  const added = [...text.normalize('NFC')];
  chars.splice(field.cursor, 0, ...added);
  return { value: chars.join(''), cursor: field.cursor + added.length };
}

/** Columns from the start of the field to the cursor (Hangul is two columns). */
export function cursorColumn(field: TextField): number {
  return displayWidth([...field.value].slice(0, field.cursor).join(''));
}
