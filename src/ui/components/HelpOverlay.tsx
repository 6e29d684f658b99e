/** `?`: every key of the current screen, generated from the keymap. Takes keys before the screen. */
import { useInput } from 'ink';
import { useState } from 'react';
import { Command, keysLabel, matches } from '../keymap.js';
import { GLOBAL_COMMANDS, SCREEN_COMMANDS, type ScreenKind } from '../navigation.js';
import { useUi } from '../context.js';
import { clampScroll, fitRow, seg, type Row } from '../layout.js';
import { displayWidth, padDisplay } from '../../core/text/width.js';
import { Frame, bodyHeight } from './Frame.js';
import { Rows } from './Rows.js';

export function helpRows(kind: ScreenKind, keyColumn: number, describe: (c: Command) => string, labelStyle = {}): Row[] {
  return [...SCREEN_COMMANDS[kind], ...GLOBAL_COMMANDS].map((c) => [seg(padDisplay(keysLabel(c), keyColumn), labelStyle), seg(describe(c))]);
}

export function HelpOverlay({ kind, onClose }: { kind: ScreenKind; onClose: () => void }) {
  const { messages: t, theme, columns, rows } = useUi();
  const [scroll, setScroll] = useState(0);
  const commands = [...SCREEN_COMMANDS[kind], ...GLOBAL_COMMANDS];
  const keyColumn = Math.min(Math.max(...commands.map((c) => displayWidth(keysLabel(c)))) + 2, Math.floor(columns / 2));
  const all = helpRows(kind, keyColumn, (c) => t.help.commands[c], theme.text.label).map((r) => fitRow(r, columns));
  const height = bodyHeight(rows);
  useInput((input, key) => {
    if (matches(Command.Quit, input, key)) return;
    if (matches(Command.ScrollDown, input, key)) setScroll((s) => clampScroll(s + 1, all.length, height));
    else if (matches(Command.ScrollUp, input, key)) setScroll((s) => clampScroll(s - 1, all.length, height));
    else onClose();
  });
  return (
    <Frame title={[seg(`${t.appName} · ${t.help.title}`, theme.text.heading)]} footer={[seg(t.help.close, theme.text.muted)]}>
      <Rows rows={all.slice(scroll, scroll + height)} />
    </Frame>
  );
}
