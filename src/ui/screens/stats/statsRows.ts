/**
 * The stats screen as rows, pure: from the store's StatsReport (computed in core/stats)
 * to a full layout at 80×24 or one panel at a time on small terminals (40×12).
 */
import type { StatsReport } from '../../../core/stats/index.js';
import { displayWidth } from '../../../core/text/width.js';
import type { Messages } from '../../i18n/index.js';
import { capRows, fitRow, packRows, rowWidth, seg, type Row } from '../../textLayout.js';
import type { Theme } from '../../theme.js';
import { formatDuration, formatPercent } from '../../format.js';

export { formatDuration };
import { barChart } from '../../components/charts/bars.js';
import { heatLegend, heatmap } from '../../components/charts/heatmap.js';
import { meterRow } from '../../components/charts/meter.js';

export interface StatsView {
  t: Messages;
  theme: Theme;
}

/** The full layout needs this much room; anything smaller gets panels. */
const FULL_MIN = { columns: 70, rows: 21 };
export const PANEL_COUNT = 3;

export function isCompact(columns: number, bodyRows: number): boolean {
  return columns < FULL_MIN.columns || bodyRows < FULL_MIN.rows - 2;
}

function retentionText(r: StatsReport['retention'], t: Messages): string {
  return r.rate === undefined ? `${t.statsScreen.retention} – (${t.statsScreen.retentionNone})` : `${t.statsScreen.retention} ${formatPercent(r.rate)} (${r.passed}/${r.answers})`;
}

/** Retention, streak and time, packed into as few rows as the width allows. */
function summaryRows(r: StatsReport, width: number, { t, theme }: StatsView): Row[] {
  const parts: Row[] = [
    [seg(retentionText(r.retention, t), r.retention.rate === undefined ? theme.text.muted : theme.text.label)],
    [seg(t.statsScreen.streak(r.streak.current, r.streak.longest), theme.status.ok)],
    [seg(`${t.statsScreen.timeToday(formatDuration(r.time.todayMs, t))} · ${t.statsScreen.answersToday(r.answers.today)}`)],
    [seg(t.statsScreen.timeTotal(formatDuration(r.time.totalMs, t)), theme.text.muted)],
  ];
  return packRows(parts, width, seg(' · ', theme.text.muted));
}

function forecastRows(r: StatsReport, width: number, height: number, { t, theme }: StatsView): Row[] {
  const values = r.forecast.map((f) => f.due);
  const total = values.reduce((a, b) => a + b, 0);
  const title: Row = [seg(t.statsScreen.forecast, theme.text.label), seg(` · ${t.statsScreen.forecastTotal(total)}`, theme.text.muted)];
  const chart = barChart(values, { height: Math.max(1, height - 2), bar: theme.count.due, axis: theme.text.muted, startLabel: t.statsScreen.today, endLabel: t.statsScreen.in30 });
  return [title, ...chart].map((row) => fitRow(row, width));
}

export function heatmapRows(r: StatsReport, width: number, { t, theme }: StatsView): Row[] {
  const labelWidth = Math.max(...[1, 3, 5].map((i) => displayWidth(t.statsScreen.weekdays[i] ?? ''))) + 1;
  const style = { empty: theme.progress.todo, filled: theme.progress.done, muted: theme.text.muted };
  const grid = heatmap(
    r.heatmap.map((d) => ({ date: d.date, count: d.answers })),
    { today: r.today, width, weekdays: t.statsScreen.weekdays, months: t.statsScreen.months, ...style },
  );
  // The grid may give up a week or two so this month's name fits: count what it drew.
  const weeks = rowWidth(grid[1]!) - labelWidth;
  const legend = heatLegend(t.statsScreen.less, t.statsScreen.more, style);
  const title: Row = [seg(t.statsScreen.heatmap(weeks), theme.text.label)];
  // The legend goes on the title row when it fits, saving a row on small screens.
  const titleW = displayWidth(t.statsScreen.heatmap(weeks));
  const legendW = legend.reduce((n, s) => n + displayWidth(s.text), 0);
  const head: Row = titleW + 2 + legendW <= width ? [...title, seg(' '.repeat(width - titleW - legendW)), ...legend] : title;
  return [head, ...grid].map((row) => fitRow(row, width));
}

/** The title and a meter per deck; more decks than `height` rows allow end in "… +N" (none: all of them). */
function masteryRows(r: StatsReport, width: number, height: number | undefined, { t, theme }: StatsView): Row[] {
  const rows: Row[] = [[seg(t.statsScreen.mastery, theme.text.label)]];
  if (!r.decks.length) return [...rows, [seg(t.statsScreen.noDecks, theme.text.muted)]];
  const labelWidth = Math.min(Math.max(...r.decks.map((d) => displayWidth(d.title))), Math.floor(width * 0.4));
  const room = height === undefined ? r.decks.length : Math.max(1, height - 1);
  const meters = r.decks.map((d) => meterRow(d.title, d.mastery, { width, labelWidth, done: theme.progress.done, todo: theme.progress.todo }));
  rows.push(...capRows(meters, room, (n) => [seg(`… +${n}`, theme.text.muted)]));
  return rows.map((row) => fitRow(row, width));
}

/** Two blocks side by side, each padded to its width. */
function sideBySide(left: Row[], leftWidth: number, right: Row[], gap: number): Row[] {
  const n = Math.max(left.length, right.length);
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const l = left[i] ?? [];
    const lw = rowWidth(l);
    out.push([...l, seg(' '.repeat(Math.max(0, leftWidth - lw) + gap)), ...(right[i] ?? [])]);
  }
  return out;
}

/** 80×24: summary, forecast beside mastery, heatmap. */
export function fullRows(r: StatsReport, width: number, height: number, view: StatsView): Row[] {
  const summary = summaryRows(r, width, view);
  const heat = heatmapRows(r, width, view);
  const chartHeight = Math.max(4, Math.min(8, height - summary.length - heat.length - 2));
  const leftWidth = 36;
  const forecast = forecastRows(r, leftWidth, chartHeight, view);
  const mastery = masteryRows(r, width - leftWidth - 2, chartHeight, view);
  const rows = [...summary, [], ...sideBySide(forecast, leftWidth, mastery, 2), [], ...heat];
  return rows.slice(0, height).map((row) => fitRow(row, width));
}

/** The panel names for the header, the current one bracketed. */
export function panelTabs(panel: number, { t, theme }: StatsView): Row {
  return t.statsScreen.panels.map((name, i) => seg(i === panel ? `[${name}]` : ` ${name} `, i === panel ? theme.selection : theme.text.muted));
}

/**
 * Small terminals: one panel at a time (←/→), each using the whole body; the panel names
 * sit in the header so the heatmap's seven weekday rows fit in 40×12. All of the panel's
 * rows: the screen scrolls what does not fit (the overview lists every deck's mastery).
 */
export function panelRows(r: StatsReport, panel: number, width: number, height: number, view: StatsView): Row[] {
  let rows: Row[];
  if (panel === 1) rows = forecastRows(r, width, Math.min(height, 10), view);
  else if (panel === 2) rows = heatmapRows(r, width, view);
  else rows = [...summaryRows(r, width, view), ...masteryRows(r, width, undefined, view)];
  return rows.map((row) => fitRow(row, width));
}
