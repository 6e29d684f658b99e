/** The view and keys both pickers share: fields with ‹ value ›, a Start row, a note under them. */
import { displayWidth, padDisplay } from '../../../core/text/width.js';
import { useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { useSyncReducer } from '../../hooks/useSyncReducer.js';
import { Command, matches } from '../../keymap.js';
import { fitRow, seg, wrapRows, type Row } from '../../textLayout.js';
import { SCREEN_COMMANDS } from '../../navigation.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { pickedValues, pickerReducer, type PickerField, type PickerState } from './pickerModel.js';

export interface PickerViewProps {
  title: string;
  kind: 'quizPicker' | 'cramPicker';
  fields: PickerField[];
  initial: () => PickerState;
  /** A line or two under the fields for the current choices (the plan preview). */
  note?: (values: Record<string, string>) => { text: string; warn?: boolean } | undefined;
  onStart: (values: Record<string, string>) => void;
}

export function PickerView({ title, kind, fields, initial, note, onStart }: PickerViewProps) {
  const { messages: t, theme, columns, rows } = useUi();
  const [state, dispatch, current] = useSyncReducer(pickerReducer, initial);
  const counts = fields.map((f) => f.choices.length);
  useScreenInput(
    (input, key) => {
      if (matches(Command.MenuDown, input, key)) dispatch({ type: 'focus', by: 1, rows: fields.length + 1 });
      else if (matches(Command.MenuUp, input, key)) dispatch({ type: 'focus', by: -1, rows: fields.length + 1 });
      else if (matches(Command.OptionNext, input, key)) dispatch({ type: 'option', by: 1, counts });
      else if (matches(Command.OptionPrev, input, key)) dispatch({ type: 'option', by: -1, counts });
      else if (matches(Command.Open, input, key)) onStart(pickedValues(fields, current()));
      else return false;
      return true;
    },
    { help: SCREEN_COMMANDS[kind] },
  );
  const labelW = Math.min(Math.floor(columns / 2), Math.max(...fields.map((f) => displayWidth(f.label))) + 2);
  const body: Row[] = fields.map((f, i) => {
    const on = state.focus === i;
    const value = f.choices[state.chosen[i]!]!.label;
    return fitRow([seg(on ? '› ' : '  ', theme.selection), seg(padDisplay(f.label, labelW), on ? theme.selection : theme.text.muted), seg(on ? `‹ ${value} ›` : value, on ? theme.selection : theme.text.primary)], columns);
  });
  const startOn = state.focus === fields.length;
  body.push([], [seg(startOn ? '› ' : '  ', theme.selection), seg(t.pickers.start, startOn ? { ...theme.selection, inverse: true } : theme.text.label)]);
  const n = note?.(pickedValues(fields, state));
  if (n) body.push([], ...wrapRows(n.text, columns, n.warn ? theme.status.warn : theme.text.muted));
  return (
    <Frame title={[seg(title, theme.text.heading)]} footer={[seg(t.pickers.hint, theme.text.muted)]}>
      <Rows rows={body.slice(0, bodyHeight(rows))} />
    </Frame>
  );
}
