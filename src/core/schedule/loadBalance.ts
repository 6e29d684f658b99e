/**
 * Load balancing (Anki 24.11): when a review is scheduled, its day is picked within the fuzz
 * range, weighted toward days with fewer cards due, so the forecast has no spikes. Pure: the
 * session calls it at answer time and records the chosen due in the answer entry (`due`), so
 * replay never needs the other cards (a card's state depends only on its own entries).
 *
 * Weights as Anki's `select_weighted_interval`: a day with no card due weighs 1, otherwise
 * (1 / cards due)² × (1 / interval) — fewer cards first, then the shorter interval. One day is
 * drawn with a random number seeded from the card and its review, so the same answer gives
 * the same day.
 */
import { fuzzRange, State, type MemoryState, type Scheduler } from './fsrs.js';
import type { Grade } from './types.js';

const DAY = 86_400_000;

/** Beyond this many days the need to balance is low (Anki: MAX_LOAD_BALANCE_INTERVAL). */
const MAX_BALANCE_DAYS = 90;

export interface BalanceInput {
  /** The scheduler's interval in days, before fuzz. */
  interval: number;
  /** Days since the card's previous review (the fuzz range never goes below it). */
  elapsed: number;
  maximumInterval: number;
  /** Cards due on the day `d` days after the review (d ≥ 1). */
  dueIn: (d: number) => number;
  /** Seed: the card key, its reps, the review's day (as the FSRS fuzz seed). */
  seed: string;
}

/** The interval (days) to schedule, or undefined to keep the scheduler's (too short, too long). */
export function balancedInterval(b: BalanceInput): number | undefined {
  if (b.interval < 2.5 || b.interval > MAX_BALANCE_DAYS) return undefined;
  const [lo, hi] = fuzzRange(b.interval, b.elapsed, b.maximumInterval);
  if (hi <= lo) return undefined;
  const weights: number[] = [];
  let sum = 0;
  for (let d = lo; d <= hi; d++) {
    const n = b.dueIn(d);
    const w = n === 0 ? 1 : (1 / n) ** 2 / d;
    weights.push(w);
    sum += w;
  }
  let x = seededRandom(b.seed) * sum;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return lo + i;
  }
  return hi;
}

/** A number in [0, 1) from a string (FNV-1a, then a mulberry32 step): no Math.random. */
export function seededRandom(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * Review cards due per study day, kept current as answers move cards (what balancedInterval
 * reads). Built once from the states, then updated by `move`.
 */
export class DueCounts {
  private readonly byDay = new Map<number, number>();

  add(day: number, by = 1): void {
    this.byDay.set(day, (this.byDay.get(day) ?? 0) + by);
  }

  /** A card's due day changed (undefined: it was not, or is no longer, a review due). */
  move(from: number | undefined, to: number | undefined): void {
    if (from !== undefined) this.add(from, -1);
    if (to !== undefined) this.add(to, 1);
  }

  on(day: number): number {
    return Math.max(0, this.byDay.get(day) ?? 0);
  }
}

/**
 * The balanced due (epoch ms) of answering `before` with `grade` at `at`, or undefined to keep
 * the scheduler's. `plain` is a scheduler without fuzz (balancing replaces the random fuzz);
 * `counts` is moved to the card's new day either way.
 */
export function balancedDue(opts: {
  plain: Scheduler;
  before: MemoryState & { susp?: true };
  at: number;
  grade: Grade;
  counts: DueCounts;
  /** Study day of an instant. */
  dayOf: (t: number) => number;
  maximumInterval: number;
  /** Stable per card (its key). */
  key: string;
}): number | undefined {
  const { plain, before, at, counts, dayOf } = opts;
  const after = plain.next(before, at, opts.grade);
  const today = dayOf(at);
  const from = before.st === State.Review && !before.susp ? dayOf(before.due) : undefined;
  if (after.st !== State.Review) {
    counts.move(from, undefined);
    return undefined;
  }
  const days = balancedInterval({
    interval: after.sch,
    elapsed: before.last === undefined ? 0 : Math.max(0, Math.floor((at - before.last) / DAY)),
    maximumInterval: opts.maximumInterval,
    dueIn: (d) => counts.on(today + d),
    seed: `${opts.key}_${before.reps}_${today}`,
  });
  if (days === undefined) {
    counts.move(from, dayOf(after.due));
    return undefined;
  }
  counts.move(from, today + days);
  // From the review's time as the scheduler counts it (never before the last review).
  return Math.max(at, before.last ?? at) + days * DAY;
}
