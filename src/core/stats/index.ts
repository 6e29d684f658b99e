/**
 * Statistics, pure: due forecast, heatmap data, true retention, streaks, per-deck counts
 * and mastery, time spent. Everything is computed from the ledger (item states + day
 * counters) and the study day of `now`.
 */
import type { StudyItem } from '../deck/items.js';
import { dayKey, studyDay } from '../schedule/day.js';
import { State } from '../schedule/fsrs.js';
import { peekItem } from '../schedule/itemTable.js';
import type { DayStat, Ledger } from '../schedule/ledger.js';

export interface Streak {
  current: number;
  longest: number;
}

/** Consecutive study days with at least one answer. Today not studied yet does not break the current streak. */
export function streakOf(days: Map<number, DayStat>, today: number): Streak {
  const studied = (d: number) => (days.get(d)?.n ?? 0) > 0;
  let current = 0;
  for (let d = studied(today) ? today : today - 1; studied(d); d--) current++;
  const sorted = [...days.keys()].filter(studied).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i]! === sorted[i - 1]! + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return { current, longest };
}

/** Stability at which a card counts as mastered (days). */
const MASTERY_STABILITY = 21;

export interface DeckStats {
  id: string;
  title: string;
  total: number;
  new: number;
  learning: number;
  review: number;
  suspended: number;
  /** Cards with stability ≥ 21 days, and their share of all cards. */
  mastered: number;
  mastery: number;
}

export interface StatsReport {
  /** The study day, YYYY-MM-DD. */
  today: string;
  /** Cards due on each of the next 30 study days (overdue ones count today). */
  forecast: { date: string; due: number }[];
  /** Answers per study day over the last 365 days, oldest first (heatmap). */
  heatmap: { date: string; answers: number }[];
  /** Rescheduling answers to review-state cards in the last 30 days, and the share not Again. */
  retention: { answers: number; passed: number; rate?: number };
  streak: Streak;
  decks: DeckStats[];
  time: { todayMs: number; totalMs: number };
  answers: { today: number; total: number };
}

export interface StatsInput {
  ledger: Ledger;
  decks: { id: string; title: string; items: StudyItem[] }[];
  now: number;
  dayStartHour: number;
}

/** One deck's counts by kind and mastery; each studied, unsuspended card's due day adds to `forecast` (days from today). */
function deckStatsOf(deck: StatsInput['decks'][number], ledger: Ledger, today: number, dayStartHour: number, forecast: number[]): DeckStats {
  const ds: DeckStats = { id: deck.id, title: deck.title, total: deck.items.length, new: 0, learning: 0, review: 0, suspended: 0, mastered: 0, mastery: 0 };
  for (const it of deck.items) {
    // Read in place: get() on a snapshot's table would build (and keep) an object per card.
    const s = peekItem(ledger.items, it.key);
    if (s?.susp) ds.suspended++;
    if (!s || s.st === State.New) {
      ds.new++;
      continue;
    }
    if (s.st === State.Review) ds.review++;
    else ds.learning++;
    if (s.s >= MASTERY_STABILITY) ds.mastered++;
    if (!s.susp) {
      const d = Math.max(0, studyDay(s.due, dayStartHour) - today);
      if (d < 30) forecast[d]!++;
    }
  }
  ds.mastery = ds.total ? ds.mastered / ds.total : 0;
  return ds;
}

export function computeStats({ ledger, decks, now, dayStartHour }: StatsInput): StatsReport {
  const today = studyDay(now, dayStartHour);
  const forecast = new Array<number>(30).fill(0);
  const deckStats = decks.map((deck) => deckStatsOf(deck, ledger, today, dayStartHour, forecast));
  const heatmap: { date: string; answers: number }[] = [];
  for (let d = today - 364; d <= today; d++) heatmap.push({ date: dayKey(d), answers: ledger.days.get(d)?.n ?? 0 });
  let answers = 0;
  let passed = 0;
  for (let d = today - 29; d <= today; d++) {
    const s = ledger.days.get(d);
    if (s) {
      answers += s.rv;
      passed += s.rvOk;
    }
  }
  let totalMs = 0;
  let total = 0;
  for (const s of ledger.days.values()) {
    totalMs += s.ms;
    total += s.n;
  }
  const t = ledger.days.get(today);
  return {
    today: dayKey(today),
    forecast: forecast.map((due, i) => ({ date: dayKey(today + i), due })),
    heatmap,
    retention: { answers, passed, ...(answers ? { rate: passed / answers } : {}) },
    streak: streakOf(ledger.days, today),
    decks: deckStats,
    time: { todayMs: t?.ms ?? 0, totalMs },
    answers: { today: t?.n ?? 0, total },
  };
}
