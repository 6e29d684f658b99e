/** The answer input row and where the real cursor goes (so the IME draws the composing syllable there). */
import { useCursor } from 'ink';
import { useEffect } from 'react';
import { fitRow, seg, type Row } from '../../layout.js';
import type { Theme } from '../../theme.js';
import { cursorColumn, type TextField } from './textEdit.js';

export const FIELD_PROMPT = '> ';

export function fieldRow(field: TextField, width: number, theme: Theme, label = ''): Row {
  return fitRow([seg(label, theme.text.muted), seg(FIELD_PROMPT, theme.selection), seg(field.value)], width);
}

/**
 * Put the terminal cursor inside the field: `row` is the field's row in the frame
 * (header included). Hidden (undefined) when the field is not being edited.
 */
export function useFieldCursor(position: { x: number; y: number } | undefined): void {
  const { setCursorPosition } = useCursor();
  setCursorPosition(position);
  // Hide it again when the view goes away (the next screen may have no field).
  useEffect(() => () => setCursorPosition(undefined), [setCursorPosition]);
}

export function fieldCursor(field: TextField, labelWidth: number, frameRow: number, width: number): { x: number; y: number } {
  return { x: Math.min(width - 1, labelWidth + FIELD_PROMPT.length + cursorColumn(field)), y: frameRow };
}
