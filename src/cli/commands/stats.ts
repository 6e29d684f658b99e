/**
 * `amgi stats [--json]`: forecast, heatmap, retention, streak, per-deck mastery, time spent.
 * Seam for the stats screen: `statsReport(ctx)` returns the data; `run` prints it as text or
 * JSON. A TTY screen can call statsReport and render it instead.
 */
import { flagString } from '../args.js';
import type { CommandContext } from '../types.js';
import { json } from '../io.js';
import { cliText, messageLang } from '../../core/messages.js';
import { messagesFor } from '../../ui/i18n/index.js';
import { formatDuration } from '../../ui/format.js';
import type { StatsReport } from '../../core/stats/index.js';
import { displayWidth, padDisplay } from '../../core/text/width.js';
import { parseDayKey, weekdayOf } from '../../core/schedule/day.js';
import { monthLine } from '../../ui/components/charts/heatmap.js';
import { openProgressFromEnv } from '../../store/open.js';

export function statsReport(ctx: CommandContext): { report: StatsReport; notices: string[] } {
  const { progress } = openProgressFromEnv({ env: ctx.env, now: ctx.now, decksDir: flagString(ctx.flags, 'decks'), outline: true });
  return { report: progress.stats(), notices: progress.notices };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Right-aligned by display width: Korean column headings are two columns a letter. */
const padStartDisplay = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
const SHADES = [' ', '░', '▒', '▓', '█'];

/**
 * The last `weeks` weeks of the heatmap as seven lines, Monday to Sunday, one column per week
 * (oldest left, this week right, days after today blank): 16 columns wide, where one line of 84
 * days wrapped at 80.
 */
export function heatmapRows(h: StatsReport['heatmap'], weeks = 12): string[] {
  if (h.length === 0) return [];
  // Monday first: 0 = Monday … 6 = Sunday.
  const weekday = (date: string) => (weekdayOf(parseDayKey(date)!) + 6) % 7;
  const cells = weeks * 7 - (6 - weekday(h[h.length - 1]!.date));
  const recent = h.slice(-cells);
  const max = Math.max(1, ...recent.map((d) => d.answers));
  const shade = (k: number) => {
    const d = recent[k];
    if (!d) return ' ';
    return d.answers === 0 ? '·' : SHADES[Math.min(4, 1 + Math.floor((d.answers / max) * 3.999))]!;
  };
  // Cell k is week floor(k / 7), weekday k % 7, from the Monday `weeks` weeks back; today is cell cells − 1.
  const offset = cells - recent.length;
  const names = cliText().stats.weekdays;
  const grid = names.map((name, r) => `${name} ${Array.from({ length: weeks }, (_, c) => shade(c * 7 + r - offset)).join('').trimEnd()}`);
  // Month names over the weeks they begin, as on the stats screen; a few columns past the
  // grid so this month's name is never dropped (the text has no 80-column squeeze here).
  const { months } = messagesFor(messageLang()).statsScreen;
  const today = parseDayKey(h[h.length - 1]!.date)!;
  const firstMonday = today - weekday(h[h.length - 1]!.date) - (weeks - 1) * 7;
  const line = monthLine(firstMonday, weeks, weeks + 4, months);
  return [`${' '.repeat(displayWidth(names[0]!) + 1)}${line}`, ...grid];
}

export function formatStats(r: StatsReport): string[] {
  const t = cliText().stats;
  const duration = (ms: number) => formatDuration(ms, messagesFor(messageLang()));
  const lines: string[] = [];
  lines.push(t.today(r.today, r.answers.today, duration(r.time.todayMs), r.answers.total, duration(r.time.totalMs)));
  lines.push(t.streak(r.streak.current, r.streak.longest));
  lines.push(t.retention(r.retention.rate === undefined ? undefined : pct(r.retention.rate), r.retention.answers));
  const week = r.forecast.slice(0, 7).map((f) => f.due);
  lines.push(t.forecast(week.join(' '), r.forecast.reduce((n, f) => n + f.due, 0)));
  lines.push(t.heatmap);
  for (const row of heatmapRows(r.heatmap)) lines.push(`  ${row}`);
  lines.push('');
  const idW = Math.max(4, ...r.decks.map((d) => displayWidth(d.id)));
  const c = t.columns;
  lines.push(`${padDisplay(c.deck, idW)}  ${padStartDisplay(c.new, 4)}  ${padStartDisplay(c.learn, 5)}  ${padStartDisplay(c.review, 6)}  ${padStartDisplay(c.susp, 4)}  ${c.mastered}`);
  for (const d of r.decks) {
    lines.push(`${padDisplay(d.id, idW)}  ${String(d.new).padStart(4)}  ${String(d.learning).padStart(5)}  ${String(d.review).padStart(6)}  ${String(d.suspended).padStart(4)}  ${String(d.mastered).padStart(4)} ${pct(d.mastery).padStart(4)}`);
  }
  lines.push(t.itemsNote);
  return lines;
}

export async function run(ctx: CommandContext): Promise<number> {
  // On a terminal (both ends), without --json: the stats screen (charts, heatmap).
  if (!ctx.flags.json && ctx.io.isTTY && ctx.io.stdinIsTTY) return (await import('./interactive.js')).run(ctx);
  const { report, notices } = statsReport(ctx);
  if (ctx.flags.json) ctx.io.out(json(report));
  else for (const l of formatStats(report)) ctx.io.out(l);
  for (const n of notices) ctx.io.err(`amgi: ${n}`);
  return 0;
}
