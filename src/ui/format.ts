/** Durations and "when" phrases for the interface language. */
import { intervalLabel } from '../core/schedule/fsrs.js';
import type { Messages } from './i18n/index.js';

/**
 * A grade button's next interval in the interface language ("10m", "9d"; "10분", "9일"), from
 * the preview's due time and the time the preview was made (`from`, ms since epoch).
 */
export function formatInterval(due: Date, from: number, t: Messages): string {
  return intervalLabel(due.getTime() - from, t.time);
}

/** A compact span: 45s, 12m, 3h, 9d (the largest unit that fits; one decimal-free number). */
export function formatSpan(ms: number, t: Messages): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}${t.time.s}`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m}${t.time.m}`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h}${t.time.h}`;
  return `${Math.round(h / 24)}${t.time.d}`;
}

/** Elapsed session time: "4m 05s" style, minutes and seconds. */
export function formatElapsed(ms: number, t: Messages): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m ? `${m}${t.time.m} ${String(s % 60).padStart(2, '0')}${t.time.s}` : `${s}${t.time.s}`;
}

export function formatWhen(due: Date, now: Date, t: Messages): string {
  const ms = due.getTime() - now.getTime();
  return ms <= 0 ? t.time.now : t.time.in(formatSpan(ms, t));
}

export function formatPercent(ratio: number | undefined): string {
  return ratio === undefined ? '–' : `${Math.round(ratio * 100)}%`;
}

/** 2h 05m, 12m, 40s: durations of study time. */
export function formatDuration(ms: number, t: Messages): string {
  const s = Math.round(Math.max(0, ms) / 1000);
  if (s < 60) return `${s}${t.time.s}`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}${t.time.m}`;
  return `${Math.floor(m / 60)}${t.time.h} ${String(m % 60).padStart(2, '0')}${t.time.m}`;
}
