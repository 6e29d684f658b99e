/**
 * The one place that talks to ts-fsrs (FSRS-6). Item states keep dates as epoch
 * milliseconds (compact to store, cheap to compare) and convert at this boundary.
 */
import { computeDecayFactor, fsrs, generatorParameters, get_fuzz_range, StrategyMode, type AbstractScheduler, type Card as FsrsCard, type FSRS, State } from 'ts-fsrs';
import type { Grade, MemoryState, Settings } from './types.js';
import { directNext } from './fsrsNext.js';

export { State };

export type { MemoryState } from './types.js';

export function newMemory(): MemoryState {
  return { due: 0, s: 0, d: 0, el: 0, sch: 0, step: 0, reps: 0, lapses: 0, st: State.New };
}

export function toFsrsCard(m: MemoryState, now: number): FsrsCard {
  return {
    // A new card is due "now": ts-fsrs only uses due for new cards to compute nothing.
    due: new Date(m.st === State.New ? now : m.due),
    stability: m.s,
    difficulty: m.d,
    elapsed_days: m.el,
    scheduled_days: m.sch,
    learning_steps: m.step,
    reps: m.reps,
    lapses: m.lapses,
    state: m.st,
    last_review: m.last === undefined ? undefined : new Date(m.last),
  };
}

export function fromFsrsCard(c: FsrsCard): MemoryState {
  const m: MemoryState = {
    due: c.due.getTime(),
    s: c.stability,
    d: c.difficulty,
    el: c.elapsed_days,
    sch: c.scheduled_days,
    step: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    st: c.state,
  };
  if (c.last_review) m.last = new Date(c.last_review).getTime();
  return m;
}

/** The FSRS-6 decay, w[20], of these weights as the scheduler uses them (older 19-weight sets migrated by ts-fsrs). */
export function decayOf(weights: number[] | undefined): number {
  return generatorParameters(weights ? { w: weights } : {}).w[20]!;
}

export interface SchedulerOptions {
  settings: Pick<Settings, 'retention' | 'maximumInterval' | 'weights'>;
  /** Interval fuzz: on in the app, off in tests. Deterministic either way (seeded from the review: fuzzSeed). */
  fuzz: boolean;
  /** Override the desired retention (interview plans raise it). */
  retention?: number;
}

/** `at` before the card's last review counts as that review's time (next, preview, forget). */
export interface Scheduler {
  /** `into`: written with every field of the result and returned (see directNext). */
  next(m: MemoryState, at: number, grade: Grade, into?: MemoryState): MemoryState;
  /** All four outcomes, for the grade buttons. */
  preview(m: MemoryState, at: number): Record<Grade, MemoryState>;
  /** Probability of recall at `at` (0 for a card never studied). */
  retrievability(m: MemoryState, at: number): number;
  forget(m: MemoryState, at: number): MemoryState;
}

/**
 * Bumped when the same log schedules differently (the fuzz seed below): snapshots built by an
 * earlier scheduler are rebuilt (paramsKey).
 */
export const SCHEDULER_VERSION = 2;

/**
 * The fuzz seed: the card's reps and memory and the UTC day of the review. ts-fsrs's default
 * uses the review's millisecond, so the intervals the grade buttons preview (when the card is
 * shown) differed from the ones the answer scheduled seconds later ("Easy 6d" shown, 9d given).
 * Within a day the two now agree; a card shown before 00:00 UTC and answered after may not.
 */
function fuzzSeed(this: AbstractScheduler): string {
  return `${Math.floor(this.review_time.getTime() / 86_400_000)}_${this.current.reps}_${this.current.difficulty * this.current.stability}`;
}

/** The ts-fsrs scheduler the options describe (makeScheduler's, and the reference fsrsNext is tested against). */
export function tsFsrs(opts: SchedulerOptions): FSRS {
  return fsrs({
    request_retention: opts.retention ?? opts.settings.retention,
    maximum_interval: opts.settings.maximumInterval,
    enable_fuzz: opts.fuzz,
    enable_short_term: true,
    learning_steps: ['1m', '10m'],
    relearning_steps: ['10m'],
    ...(opts.settings.weights ? { w: opts.settings.weights } : {}),
  }).useStrategy(StrategyMode.SEED, fuzzSeed);
}

export function makeScheduler(opts: SchedulerOptions): Scheduler {
  const f = tsFsrs(opts);
  const { decay, factor } = computeDecayFactor(f.parameters.w);
  // Log order wins over clocks: a time before the card's last review (two terminals, a merged
  // history, a clock set back) counts as that review's time, never as negative elapsed time.
  const clamp = (m: MemoryState, at: number) => Math.max(at, m.last ?? at);
  // f.next, computed directly (fsrsNext.ts; a test holds the two equal).
  const next = directNext(f, opts.fuzz);
  return {
    next(m, at, grade, into) {
      return next(m, clamp(m, at), grade, into);
    },
    preview(m, at) {
      const t = clamp(m, at);
      const r = f.repeat(toFsrsCard(m, t), new Date(t));
      return { 1: fromFsrsCard(r[1].card), 2: fromFsrsCard(r[2].card), 3: fromFsrsCard(r[3].card), 4: fromFsrsCard(r[4].card) };
    },
    retrievability(m, at) {
      if (m.st === State.New || m.last === undefined) return 0;
      // ts-fsrs's forgetting_curve, with the decay constants computed once (queue building calls this 100k times).
      return Math.pow(1 + factor * (Math.max(0, (at - m.last) / 86_400_000) / m.s), decay);
    },
    forget(m, at) {
      const t = clamp(m, at);
      return fromFsrsCard(f.forget(toFsrsCard(m, t), new Date(t), true).card);
    },
  };
}

/**
 * The days a review interval may be fuzzed to (ts-fsrs's range: about ±15% at a week, ±5% at
 * months), [min, max]. ts-fsrs fuzzes only intervals of 2.5 days and more.
 */
export function fuzzRange(intervalDays: number, elapsedDays: number, maximumInterval: number): [number, number] {
  if (intervalDays < 2.5) return [Math.round(intervalDays), Math.round(intervalDays)];
  const r = get_fuzz_range(intervalDays, elapsedDays, maximumInterval);
  return [r.min_ivl, r.max_ivl];
}

/** Unit suffixes of an interval label; the interface passes its language's (분, 시간, 일…). */
export interface IntervalUnits {
  m: string;
  h: string;
  d: string;
  mo: string;
  y: string;
}

const ABBREVIATED: IntervalUnits = { m: 'm', h: 'h', d: 'd', mo: 'mo', y: 'y' };

/** Label of an interval for the grade buttons: 1m, 6m, 10m, 3h, 9d, 3mo, 1.2y. */
export function intervalLabel(ms: number, units: IntervalUnits = ABBREVIATED): string {
  const min = Math.max(1, Math.round(ms / 60_000));
  if (min < 60) return `${min}${units.m}`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h}${units.h}`;
  const d = Math.round(ms / 86_400_000);
  if (d < 30) return `${d}${units.d}`;
  if (d < 365) return `${Math.round(d / 30)}${units.mo}`;
  const y = d / 365;
  return `${y < 10 ? y.toFixed(1).replace(/\.0$/, '') : Math.round(y)}${units.y}`;
}
