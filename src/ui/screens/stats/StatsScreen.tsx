/**
 * Stats: due forecast (bars), review heatmap, true retention, streaks, per-deck mastery and
 * time spent. All numbers come from progress.stats() (core/stats); this screen only draws.
 */
import { useMemo, useState } from 'react';
import { useServices, useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { useScroll } from '../../hooks/useScroll.js';
import { Command, matches } from '../../keymap.js';
import { pushSearch } from '../../searchKey.js';
import { seg } from '../../textLayout.js';
import { useShell } from '../../shell.js';
import { SCREEN_COMMANDS } from '../../navigation.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { moreMarker } from '../../components/scrollWindow.js';
import { PANEL_COUNT, fullRows, isCompact, panelRows, panelTabs } from './statsRows.js';

const SCROLL_COMMANDS: readonly Command[] = [Command.ScrollUp, Command.ScrollDown, Command.PageUp, Command.PageDown];

export function StatsScreen() {
  const { progress } = useServices();
  const { messages: t, theme, columns, rows } = useUi();
  const shell = useShell();
  const report = useMemo(() => progress.stats(), [progress]);
  const [panel, setPanel] = useState(0);
  const height = bodyHeight(rows);
  const compact = isCompact(columns, height);

  // The full layout is cut to fit; a compact panel scrolls (↑/↓, PgUp/PgDn), each from its top.
  // Laid out once per panel and size, not on every scroll key.
  const content = useMemo(() => {
    const view = { t, theme };
    return compact ? panelRows(report, panel, columns, height, view) : fullRows(report, columns, height, view);
  }, [report, panel, compact, columns, height, t, theme]);
  const body = useScroll(content, height, moreMarker(t, theme), panel);
  const scrolls = compact && body.scrollable;

  useScreenInput((input, key) => {
    if (compact && matches(Command.NextPanel, input, key)) setPanel((p) => (p + 1) % PANEL_COUNT);
    else if (compact && matches(Command.PrevPanel, input, key)) setPanel((p) => (p + PANEL_COUNT - 1) % PANEL_COUNT);
    else if (scrolls && body.handle(input, key)) return true;
    else if (pushSearch(shell, input, key)) return true;
    else return false;
    return true;
    // The panel keys only work in the compact layout, the scroll keys only on a panel that does not fit: help lists them only then.
  }, { help: compact ? SCREEN_COMMANDS.stats.filter((c) => scrolls || !SCROLL_COMMANDS.includes(c)) : [Command.Search] });

  return (
    <Frame
      title={[seg(t.statsScreen.title, theme.text.heading), ...(compact ? [seg(' '), ...panelTabs(panel, { t, theme })] : [])]}
      right={compact ? [] : [seg(report.today, theme.text.muted)]}
      footer={[seg(compact ? (scrolls ? t.statsScreen.scrollHint : t.statsScreen.compactHint) : t.statsScreen.hint, theme.text.muted)]}>
      <Rows rows={body.rows} />
    </Frame>
  );
}
