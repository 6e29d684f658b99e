/** Settings: daily limits, desired retention, day start, language. Each change is saved at once. */
import { useState } from 'react';
import { useSyncState } from '../../hooks/useSyncState.js';
import { padDisplay } from '../../../core/text/width.js';
import { useServices, useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, matches } from '../../keymap.js';
import { fitRow, listWindow, seg, wrapRows, type Row } from '../../textLayout.js';
import { useShell } from '../../shell.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { SETTING_FIELDS, formatSetting, stepSetting } from './settingsModel.js';

export function SettingsScreen() {
  const { progress } = useServices();
  const { messages: t, theme, columns, rows } = useUi();
  const shell = useShell();
  // Read synchronously by the next key: "j j ←" in one chunk must change the third field.
  const [selected, setSelected, getSelected] = useSyncState(0);
  const [saved, setSaved] = useState(false);
  // Re-read after each save: the store is the truth.
  const [, setVersion] = useState(0);
  const settings = progress.settings;

  const change = (dir: 1 | -1, big = false) => {
    const field = SETTING_FIELDS[getSelected()]!;
    progress.saveSettings(stepSetting(progress.settings, field, dir, big));
    setVersion((v) => v + 1);
    setSaved(true);
    if (field === 'language') shell.settingsChanged();
  };

  useScreenInput((input, key) => {
    if (matches(Command.MenuDown, input, key)) setSelected(Math.min(SETTING_FIELDS.length - 1, getSelected() + 1));
    else if (matches(Command.MenuUp, input, key)) setSelected(Math.max(0, getSelected() - 1));
    // The bigger steps first: Shift+→ also matches plain →.
    else if (matches(Command.IncreaseMore, input, key)) change(1, true);
    else if (matches(Command.DecreaseMore, input, key)) change(-1, true);
    else if (matches(Command.Increase, input, key)) change(1);
    else if (matches(Command.Decrease, input, key)) change(-1);
    else return false;
    return true;
  });

  // Room for "Reviews/day, all decks" at 40 columns (the value takes ~10).
  const labelW = Math.max(8, Math.min(columns - 14, 24));
  // One line under the list says what the highlighted setting does (when there is room).
  const explain = wrapRows(t.settings.explain[SETTING_FIELDS[selected]!], columns, theme.text.muted);
  const room = bodyHeight(rows);
  const shownExplain = room - 1 - explain.length >= Math.min(3, SETTING_FIELDS.length) ? explain : [];
  const height = room - (shownExplain.length ? shownExplain.length + 1 : 0);
  const { start, end } = listWindow(SETTING_FIELDS.length, selected, height);
  const list: Row[] = SETTING_FIELDS.slice(start, end).map((field, i) => {
    const isSel = start + i === selected;
    return fitRow(
      [
        seg(isSel ? '› ' : '  ', theme.selection),
        seg(padDisplay(t.settings[field], labelW), isSel ? theme.selection : theme.text.primary),
        seg(` ‹ ${formatSetting(settings, field, t.settings)} ›`, isSel ? theme.text.accent : theme.text.muted),
      ],
      columns,
    );
  });
  return (
    <Frame title={[seg(t.settings.title, theme.text.heading)]} right={saved ? [seg(t.settings.saved, theme.status.ok)] : []} footer={[seg(t.settings.hint, theme.text.muted)]}>
      <Rows rows={list} />
      {shownExplain.length > 0 && <Rows rows={[[], ...shownExplain]} />}
    </Frame>
  );
}
