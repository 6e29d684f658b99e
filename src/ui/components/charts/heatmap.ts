/**
 * A review heatmap like GitHub's contribution graph: one column per week (Sunday first),
 * one row per weekday, shade by count. Shrinks to the last weeks that fit the width.
 */
import { parseDayKey, weekdayOf } from '../../../core/schedule/day.js';
import { displayWidth, padDisplay } from '../../../core/text/width.js';
import { seg, type Row } from '../../textLayout.js';
import type { Style } from '../../theme.js';

/** Level 0 (no reviews) to 4; shades readable without colour. */
export const HEAT_SHADES = ['·', '░', '▒', '▓', '█'] as const;
const DAY_MS = 86_400_000;

export interface HeatDay {
  /** YYYY-MM-DD (study day). */
  date: string;
  count: number;
}

export interface HeatmapOptions {
  /** The last day shown (today), YYYY-MM-DD. */
  today: string;
  /** Columns available, labels included. */
  width: number;
  /** Weekday labels (Sun..Sat); only Mon, Wed and Fri are drawn, as on GitHub. */
  weekdays: readonly string[];
  /** Month names Jan..Dec, for the row above the grid. */
  months: readonly string[];
  /** Never more weeks than this (365 days ≈ 53 weeks). */
  maxWeeks?: number;
  empty?: Style;
  filled?: Style;
  muted?: Style;
}

/** A YYYY-MM-DD key as a day number (keys come from the stats report: always valid). */
const dayNumber = (date: string): number => parseDayKey(date)!;

function dateOf(day: number): { month: number; dayOfMonth: number; weekday: number } {
  const d = new Date(day * DAY_MS);
  return { month: d.getUTCMonth(), dayOfMonth: d.getUTCDate(), weekday: weekdayOf(day) };
}

/** Quartile-like thresholds of the non-zero counts, so one busy day does not wash out the rest. */
export function heatLevels(counts: readonly number[]): (count: number) => number {
  const sorted = counts.filter((c) => c > 0).sort((a, b) => a - b);
  if (!sorted.length) return () => 0;
  const q = (p: number) => sorted[Math.floor(p * (sorted.length - 1))]!;
  const cuts = [q(0.25), q(0.5), q(0.75)];
  return (count) => (count <= 0 ? 0 : 1 + cuts.filter((c) => count > c).length);
}

/** How many week columns fit next to the weekday labels. */
function weeksThatFit(width: number, labelWidth: number, maxWeeks = 53): number {
  return Math.max(1, Math.min(maxWeeks, width - labelWidth));
}

/**
 * The row above a heatmap: each month's name over the week column where it begins (the week
 * whose last day is among the month's first seven). `firstDay` is the first day of column 0,
 * whatever weekday the grid starts on. Labels may run `room - weeks` columns past the grid.
 * Names are always whole ("11월", never a bare "11") with a blank column between them: where
 * two would touch ("10월11월": Korean names are 4 columns, months begin 4 weeks apart), the
 * earlier is left out, read from the right so the current month is always named; the gap
 * between its neighbours still shows where the missing month began.
 */
export function monthLine(firstDay: number, weeks: number, room: number, months: readonly string[]): string {
  const kept: { w: number; label: string }[] = [];
  let limit = room;
  for (let w = weeks - 1; w >= 0; w--) {
    const end = dateOf(firstDay + w * 7 + 6);
    const label = months[end.month] ?? '';
    if (end.dayOfMonth > 7 || !label || w + displayWidth(label) > limit) continue;
    kept.unshift({ w, label });
    limit = w - 1;
  }
  return kept.reduce((line, { w, label }) => padDisplay(line, w) + label, '');
}

/** The last month's full name's overhang past `room` when the grid ends `weeks` wide (0: it fits). */
function labelOverhang(firstDay: number, weeks: number, room: number, months: readonly string[]): number {
  for (let w = weeks - 1; w >= 0; w--) {
    const end = dateOf(firstDay + w * 7 + 6);
    if (end.dayOfMonth <= 7) return Math.max(0, w + displayWidth(months[end.month] ?? '') - room);
  }
  return 0;
}

export function heatmap(days: readonly HeatDay[], opts: HeatmapOptions): Row[] {
  const byDay = new Map(days.map((d) => [dayNumber(d.date), d.count]));
  const today = dayNumber(opts.today);
  const labelWidth = Math.max(...[1, 3, 5].map((i) => displayWidth(opts.weekdays[i] ?? ''))) + 1;
  const room = Math.max(1, opts.width - labelWidth);
  let weeks = weeksThatFit(opts.width, labelWidth, opts.maxWeeks ?? 53);
  // The grid ends with the week holding today; its first column starts on a Sunday.
  const lastSunday = today - dateOf(today).weekday;
  // A month that began in the last weeks needs its name to fit (the full name: it is the month
  // the learner is in): show a few weeks less rather than leave it unnamed (walkthrough E22: the current 12월 was missing at the right).
  weeks = Math.max(1, weeks - labelOverhang(lastSunday - (weeks - 1) * 7, weeks, room, opts.months));
  const firstDay = lastSunday - (weeks - 1) * 7;
  const level = heatLevels([...byDay.entries()].filter(([d]) => d >= firstDay && d <= today).map(([, c]) => c));
  const monthText = monthLine(firstDay, weeks, room, opts.months);
  const rows: Row[] = [[seg(' '.repeat(labelWidth)), seg(monthText, opts.muted)]];
  for (let wd = 0; wd < 7; wd++) {
    const label = wd % 2 === 1 ? (opts.weekdays[wd] ?? '') : '';
    const row: Row = [seg(padDisplay(label, labelWidth), opts.muted)];
    for (let w = 0; w < weeks; w++) {
      const day = firstDay + w * 7 + wd;
      if (day > today) {
        row.push(seg(' '));
        continue;
      }
      const l = level(byDay.get(day) ?? 0);
      const cell = seg(HEAT_SHADES[l]!, l === 0 ? opts.empty : opts.filled);
      const last = row[row.length - 1]!;
      // Merge runs of the same style: fewer Ink nodes per frame.
      if (last.style === cell.style && row.length > 1) last.text += cell.text;
      else row.push(cell);
    }
    rows.push(row);
  }
  return rows;
}

/** "less · ░ ▒ ▓ █ more" */
export function heatLegend(less: string, more: string, opts: Pick<HeatmapOptions, 'empty' | 'filled' | 'muted'>): Row {
  return [seg(`${less} `, opts.muted), seg(HEAT_SHADES[0], opts.empty), seg(HEAT_SHADES.slice(1).join(''), opts.filled), seg(` ${more}`, opts.muted)];
}
