/** `?`: every key of the current screen, generated from the keymap. Takes keys before the screen. */
import { useInput } from 'ink';
import { Command, keysLabel, matches } from '../keymap.js';
import { GLOBAL_COMMANDS, SCREEN_COMMANDS, type ScreenKind } from '../navigation.js';
import { useUi } from '../context.js';
import { fitRow, seg, type Row } from '../layout.js';
import { useScroll } from '../hooks/useScroll.js';
import { moreMarker } from './scrollWindow.js';
import { displayWidth, padDisplay } from '../../core/text/width.js';
import { Frame, bodyHeight } from './Frame.js';
import { Rows } from './Rows.js';

/** The screen's own commands (or those it says work right now), then the global ones. */
export function helpCommands(kind: ScreenKind, commands?: readonly Command[]): Command[] {
  return [...(commands ?? SCREEN_COMMANDS[kind]), ...GLOBAL_COMMANDS];
}

export function helpRows(kind: ScreenKind, keyColumn: number, describe: (c: Command) => string, labelStyle = {}, commands?: readonly Command[]): Row[] {
  return helpCommands(kind, commands).map((c) => [seg(padDisplay(keysLabel(c), keyColumn), labelStyle), seg(describe(c))]);
}

export function HelpOverlay({ kind, commands, onClose }: { kind: ScreenKind; commands?: readonly Command[]; onClose: () => void }) {
  const { messages: t, theme, columns, rows } = useUi();
  const listed = helpCommands(kind, commands);
  const keyColumn = Math.min(Math.max(...listed.map((c) => displayWidth(keysLabel(c)))) + 2, Math.floor(columns / 2));
  const all = helpRows(kind, keyColumn, (c) => t.help.commands[c], theme.text.label, commands).map((r) => fitRow(r, columns));
  // On a small terminal the list does not fit: it scrolls and says so, as a long card does.
  const { rows: visible, handle, scrollable } = useScroll(all, bodyHeight(rows), moreMarker(t, theme));
  useInput((input, key) => {
    if (matches(Command.Quit, input, key)) return;
    if (!(scrollable && handle(input, key))) onClose();
  });
  return (
    <Frame title={[seg(`${t.appName} · ${t.help.title}`, theme.text.heading)]} footer={[seg(scrollable ? t.help.closeScroll : t.help.close, theme.text.muted)]}>
      <Rows rows={visible} />
    </Frame>
  );
}
