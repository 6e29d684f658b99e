/**
 * The answer input row, where the real cursor goes (so the IME draws the composing syllable
 * there), and the keys of a typed answer (typed questions and cloze gaps).
 */
import { useCursor, type Key } from 'ink';
import { useEffect } from 'react';
import { Command, matches } from '../../keymap.js';
import { fitRow, seg, type Row } from '../../textLayout.js';
import type { Theme } from '../../theme.js';
import { editField, fieldWindow, type TextField } from '../../textField.js';
import { displayWidth } from '../../../core/text/width.js';

const FIELD_PROMPT = '> ';

/** The part of the field shown after the label and the prompt: it scrolls to the cursor when the answer is longer than the row. */
function shownField(field: TextField, labelWidth: number, width: number) {
  return fieldWindow(field, width - labelWidth - FIELD_PROMPT.length);
}

export function fieldRow(field: TextField, width: number, theme: Theme, label = ''): Row {
  return fitRow([seg(label, theme.text.muted), seg(FIELD_PROMPT, theme.selection), seg(shownField(field, displayWidth(label), width).text)], width);
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
  return { x: Math.min(width - 1, labelWidth + FIELD_PROMPT.length + shownField(field, labelWidth, width).cursor), y: frameRow };
}

/** Typing into the field, confirming a near miss (y/n), or done (any key to go on). */
export type AnswerPhase = 'typing' | 'confirm' | 'done';

export interface AnswerKeyActions {
  field: TextField;
  setField(next: TextField): void;
  /** Enter while typing: check the field's value. */
  submit(value: string): void;
  /**
   * A typed question's empty field: Enter does not grade it, only hints (`hint`); the reveal
   * key (Space) gives up and shows the answer (`reveal`). Without it, Enter submits as is.
   */
  empty?: { hint(): void; reveal(): void };
  /** y/n on a near miss: count it as right or not. */
  decide(accepted: boolean): void;
  /** Keys after the verdict other than "next" (overruling it). */
  done?(input: string, key: Key): boolean;
  onNext(): void;
}

function handleEdit(input: string, key: Key, a: AnswerKeyActions): boolean {
  const next = editField(a.field, input, key);
  if (next === a.field) return false;
  a.setField(next);
  return true;
}

/** One key for a typed answer in `phase`; true when it was used. */
export function handleAnswerKey(phase: AnswerPhase, input: string, key: Key, a: AnswerKeyActions): boolean {
  if (phase === 'typing') {
    if (a.empty && !a.field.value.trim()) {
      // Enter first: the reveal key is bound to Enter as well.
      if (matches(Command.Check, input, key)) a.empty.hint();
      else if (matches(Command.Reveal, input, key)) a.empty.reveal();
      else return handleEdit(input, key, a);
      return true;
    }
    if (matches(Command.Check, input, key)) {
      a.submit(a.field.value);
      return true;
    }
    return handleEdit(input, key, a);
  }
  if (phase === 'confirm') {
    if (matches(Command.Accept, input, key)) a.decide(true);
    else if (matches(Command.Reject, input, key)) a.decide(false);
    else return false;
    return true;
  }
  if (!matches(Command.Next, input, key)) return a.done?.(input, key) ?? false;
  a.onNext();
  return true;
}
