/** Settings: daily limits, desired retention, day start, language. Each change is saved at once. */
import { useRef, useState } from 'react';
import { useSyncState } from '../../hooks/useSyncState.js';
import { displayWidth, padDisplay } from '../../../core/text/width.js';
import { useServices, useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, matches } from '../../keymap.js';
import { fitRow, seg, wrapRows, type Row } from '../../textLayout.js';
import { useShell } from '../../shell.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { followScroll, itemMarker, viewport, windowRows } from '../../components/scrollWindow.js';
import { SETTING_FIELDS, formatSetting, isLimit, stepSetting } from './settingsModel.js';

export function SettingsScreen() {
  const { progress } = useServices();
  const { messages: t, theme, columns, rows, langFlag } = useUi();
  const shell = useShell();
  // Read synchronously by the next key: "j j ←" in one chunk must change the third field.
  const [selected, setSelected, getSelected] = useSyncState(0);
  const [saved, setSaved] = useState(false);
  // Re-read after each save: the store is the truth.
  const [, setVersion] = useState(0);
  // The list's offset: it moves only as far as the highlight needs (as the quiz's options do).
  const scroll = useRef(0);
  const settings = progress.settings;

  const change = (dir: 1 | -1, big = false) => {
    const field = SETTING_FIELDS[getSelected()]!;
    // While --lang decides, the row shows its language: a step goes on from there.
    const from = field === 'language' && langFlag ? { ...progress.settings, language: langFlag } : progress.settings;
    progress.saveSettings(stepSetting(from, field, dir, big));
    setVersion((v) => v + 1);
    setSaved(true);
    if (field === 'language') shell.languageChanged();
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
  const field = SETTING_FIELDS[selected]!;
  const explain = wrapRows(field === 'language' && langFlag ? `${t.settings.explain.language} ${t.settings.flagExplain}` : t.settings.explain[field], columns, theme.text.muted);
  const room = bodyHeight(rows);
  const shownExplain = room - 1 - explain.length >= Math.min(3, SETTING_FIELDS.length) ? explain : [];
  const height = room - (shownExplain.length ? shownExplain.length + 1 : 0);
  const all: Row[] = SETTING_FIELDS.map((f, i) => {
    const isSel = i === selected;
    const value = ` ‹ ${f === 'language' && langFlag ? t.settings.languageFlag(t.settings.languageValues[langFlag]) : formatSetting(settings, f, t.settings)} ›`;
    // A long value ("한국어 (--lang)" at 40 columns) takes the room its short label leaves.
    const labelCol = Math.max(displayWidth(t.settings[f]), Math.min(labelW, columns - 2 - displayWidth(value)));
    return fitRow(
      [
        seg(isSel ? '› ' : '  ', theme.selection),
        seg(padDisplay(t.settings[f], labelCol), isSel ? theme.selection : theme.text.primary),
        seg(value, isSel ? theme.text.accent : theme.text.muted),
      ],
      columns,
    );
  });
  // At 40×12 not every setting fits: "↑ 2 / ↓ 3 more" rows say so, and the window follows the highlight.
  scroll.current = followScroll(scroll.current, all.length, height, { start: selected, end: selected + 1 });
  const list = windowRows(all, viewport(all.length, scroll.current, height), itemMarker(t, theme));
  return (
    <Frame title={[seg(t.settings.title, theme.text.heading)]} right={saved ? [seg(t.settings.saved, theme.status.ok)] : []} footer={[seg(isLimit(field) ? t.settings.hint.limit : t.settings.hint.other, theme.text.muted)]}>
      <Rows rows={list} />
      {shownExplain.length > 0 && <Rows rows={[[], ...shownExplain]} />}
    </Frame>
  );
}
