/**
 * `?` (and Home → Help): the help page. First what things mean (grades, the counts, suspend vs
 * bury vs forget, the study modes, the daily limits, where progress lives), then every key of
 * the current screen, generated from the keymap. Opened on a screen other than Home it starts
 * at that screen's keys (what `?` in the middle of a review is for), the guide above it a
 * scroll away. Takes keys before the screen; scrolls at any size (40×12 included).
 */
import { useInput } from 'ink';
import { useState } from 'react';
import { Command, keysLabel, matches } from '../keymap.js';
import { GLOBAL_COMMANDS, SCREEN_COMMANDS, TEXT_FIELD_SCREENS, type ScreenKind } from '../navigation.js';
import { useUi, type Ui } from '../context.js';
import { clampScroll, seg, wrapRows, type Row } from '../textLayout.js';
import { moreMarker, scrollDelta, viewport, windowRows } from './scrollWindow.js';
import { displayWidth, padDisplay } from '../../core/text/width.js';
import { Frame, bodyHeight } from './Frame.js';
import { Rows } from './Rows.js';

/** The screen's own commands (or those it says work right now), then the global ones. */
function helpCommands(kind: ScreenKind, commands?: readonly Command[]): Command[] {
  return [...(commands ?? SCREEN_COMMANDS[kind]), ...GLOBAL_COMMANDS];
}

/** The keys of a command as this screen takes them (a letter types in a text box: `q` is not back there). */
function screenKeys(kind: ScreenKind, c: Command): string {
  return keysLabel(c, undefined, { textField: TEXT_FIELD_SCREENS.has(kind) });
}

/** A key, then what it does wrapped under itself (cut at the width, a long one lost its end mid-word at 40 columns). */
function helpRows(kind: ScreenKind, keyColumn: number, columns: number, describe: (c: Command) => string, labelStyle = {}, commands?: readonly Command[]): Row[] {
  return helpCommands(kind, commands).flatMap((c) => {
    const [first = [], ...rest] = wrapRows(describe(c), columns, undefined, padDisplay(screenKeys(kind, c), keyColumn));
    return [first.map((s, i) => (i === 0 ? seg(s.text, labelStyle) : s)), ...rest];
  });
}

/** The whole page as rows, and where the keys section starts. Pure. */
export function helpPage(kind: ScreenKind, ui: Pick<Ui, 'messages' | 'theme' | 'columns'>, commands?: readonly Command[], name: ScreenKind = kind): { rows: Row[]; keysAt: number } {
  const { messages: t, theme, columns } = ui;
  const rows: Row[] = [];
  for (const [title, body] of t.helpPage.sections) {
    // A line break starts an item of a list (one grade a row): its first word ("1") out in the
    // margin, the rest wrapped under the text, so each grade stands out.
    const lines = body.split('\n').flatMap((line, i) => {
      const item = i ? /^(\S+ )(.*)$/.exec(line) : null;
      return wrapRows(item ? item[2]! : line, columns, theme.text.primary, item ? `  ${item[1]}` : '');
    });
    rows.push([seg(title, theme.text.heading)], ...lines, []);
  }
  const keysAt = rows.length;
  rows.push([seg(t.helpPage.keysOf(t.helpPage.screens[name] ?? name), theme.text.heading)]);
  if (kind === 'browse') rows.push(...wrapRows(t.helpPage.legend, columns, theme.text.muted));
  const listed = helpCommands(kind, commands);
  const keyColumn = Math.min(Math.max(...listed.map((c) => displayWidth(screenKeys(kind, c)))) + 2, Math.floor(columns / 2));
  rows.push(...helpRows(kind, keyColumn, columns, (c) => t.help.commands[c], theme.text.label, commands));
  return { rows, keysAt };
}

export function HelpOverlay({ kind, name = kind, commands, onClose }: { kind: ScreenKind; name?: ScreenKind; commands?: readonly Command[]; onClose: () => void }) {
  const ui = useUi();
  const { messages: t, theme, rows } = ui;
  const height = bodyHeight(rows);
  const page = helpPage(kind, ui, commands, name);
  // Room below the keys, so the page can start with them at the top (an ↑ marker above).
  const start = kind === 'home' ? 0 : Math.max(0, page.keysAt - (height >= 3 ? 1 : 0));
  const content = [...page.rows, ...Array.from({ length: Math.max(0, start + height - page.rows.length) }, (): Row => [])];
  const [scroll, setScroll] = useState(start);
  useInput((input, key) => {
    if (matches(Command.Quit, input, key)) return;
    const by = scrollDelta(input, key, height);
    if (by) setScroll((s) => clampScroll(s + by, content.length, height));
    else onClose();
  });
  const visible = windowRows(content, viewport(content.length, scroll, height), moreMarker(t, theme));
  return (
    <Frame title={[seg(`${t.appName} · ${t.helpPage.title}`, theme.text.heading)]} footer={[seg(t.help.closeScroll, theme.text.muted)]}>
      <Rows rows={visible} />
    </Frame>
  );
}
