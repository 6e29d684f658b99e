/** A dismissible error over the current screen: the app keeps running. */
import { useInput } from 'ink';
import { Command, matches } from '../keymap.js';
import { useUi } from '../context.js';
import { seg, wrapRows } from '../textLayout.js';
import { Frame, bodyHeight } from './Frame.js';
import { Rows } from './Rows.js';

export function ErrorOverlay({ message, onClose }: { message: string; onClose: () => void }) {
  const { messages: t, theme, columns, rows } = useUi();
  useInput((input, key) => {
    if (!matches(Command.Quit, input, key)) onClose();
  });
  return (
    <Frame title={[seg(t.appName, theme.text.heading)]} footer={[seg(t.help.close, theme.text.muted)]}>
      <Rows rows={wrapRows(t.error(message), columns, theme.status.error).slice(0, bodyHeight(rows))} />
    </Frame>
  );
}
