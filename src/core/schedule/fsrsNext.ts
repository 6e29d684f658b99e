/**
 * ts-fsrs's `FSRS.next` (FSRS-6, short-term on, our seed strategy) computed directly on our
 * MemoryState: the same formulas in the same floating-point order, without a scheduler object,
 * Date objects, the three other grades of a review card, or three full alea generators per
 * answer. Why: replaying a 1M-entry log spent ~5 µs an answer in ts-fsrs (a fifth of it in the
 * fuzz PRNG's `mash`), most of a 20 s rebuild. Everything that is configuration — clipped
 * weights, interval modifier, learning steps — is read from the ts-fsrs instance itself.
 * tests/core/fsrsNext.test.ts holds it to ts-fsrs, field for field, on thousands of random
 * answer sequences with fuzz on and off; a ts-fsrs upgrade that changes a formula fails it.
 */
import { BasicLearningStepsStrategy, computeDecayFactor, S_MIN, State, type FSRS } from 'ts-fsrs';
import type { Grade, MemoryState } from './types.js';

const DAY = 86_400_000;
const S_MAX = 36500;

const roundTo8 = (x: number) => Math.round(x * 1e8) / 1e8;
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/**
 * alea's mash of `data` from state `n`. Its `x >>> 0` as Math.floor: the same number for every
 * x in [0, 2³²), which is every x here (n stays below 2³³, so 0.0252·n and frac·n do), and a
 * fifth faster in a chain this serial (no round trip through an integer register).
 */
function mashStep(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    let f = Math.floor(h);
    h -= f;
    h *= f;
    f = Math.floor(h);
    h -= f;
    n = f + h * 0x100000000;
  }
  return n;
}
const mashOut = (n: number) => (n >>> 0) * 2.3283064365386963e-10;
const MASH_N0 = 0xefc8249d;
const MASH_N1 = mashStep(MASH_N0, ' ');
const ALEA_S0 = mashOut(MASH_N1);
const MASH_N3 = mashStep(mashStep(MASH_N1, ' '), ' ');

/** The first number of an alea whose seed mashed to `n` (after the three spaces). */
function aleaOut(n: number): number {
  let s0 = ALEA_S0 - mashOut(n);
  if (s0 < 0) s0 += 1;
  const t = 2091639 * s0 + 2.3283064365386963e-10;
  return t - (t | 0);
}

/** The first number `alea(seed)()` returns (ts-fsrs draws exactly one per fuzzed interval). */
export function aleaFirst(seed: string): number {
  return aleaOut(mashStep(MASH_N3, seed));
}

/** Slots of directNext's `reg`. */
const ND = 0;
const NS = 1;
const DRAWN = 2;
const SEED_T = 3;
const SEED_REPS = 4;
const SEED_DS = 5;
/** next_state's input: the card's difficulty and stability, and its retrievability (NaN: not a review). */
const D0 = 6;
const S0 = 7;
const R0 = 8;
/** The part of a recall's stability growth every grade shares (NaN: not computed for this answer yet). */
const GROWTH = 9;

/**
 * `${x}`. For a finite number JSON.stringify is the same text by definition (ToString), made
 * without the number-to-string cache: a fifth faster, and the cache no longer keeps a million
 * seed texts alive long enough to be promoted.
 */
const numberText = (x: number): string => (Number.isFinite(x) ? JSON.stringify(x) : `${x}`);

/** Reps counts whose seed prefix is remembered per day. */
const REPS_KEPT = 256;

/**
 * `aleaFirst(`${day}_${reps}_${ds}`)`, the fuzz seed's draw, with the mash of `${day}_${reps}_`
 * remembered (mash is a serial chain, ≈ 30 ns a character): a replay meets the same day and
 * the same few reps counts thousands of times, and only d × s is new each time. The reps
 * prefixes of the day sit in an array by reps (NaN: not yet), not a Map: one lookup an answer.
 */
function seededDraw(): (day: number, reps: number, ds: number) => number {
  let lastDay = Number.NaN;
  const byReps = new Float64Array(REPS_KEPT);
  let dayMash = 0;
  return (day, reps, ds) => {
    if (day !== lastDay) {
      lastDay = day;
      byReps.fill(Number.NaN);
      dayMash = mashStep(MASH_N3, `${day}_`);
    }
    // A restored state may carry any count (a fraction, a huge one): those are mashed each time.
    if (!(reps >= 0 && reps < REPS_KEPT && reps === Math.floor(reps))) return aleaOut(mashStep(mashStep(dayMash, `${reps}_`), numberText(ds)));
    let n = byReps[reps]!;
    if (Number.isNaN(n)) byReps[reps] = n = mashStep(dayMash, `${reps}_`);
    return aleaOut(mashStep(n, numberText(ds)));
  };
}

type StepInfo = { minutes: number; next: number } | undefined;

/**
 * `f.next(card, at, grade)` for a card `m` and a review time `t` already clamped to its last
 * review. `into`: an object (not `m`) that receives every field of the result and is returned,
 * instead of a new one: a rebuild copies each result into the card's state at once, and a new
 * object an answer (with its boxed doubles) was a tenth of what a rebuild allocated.
 */
export function directNext(f: FSRS, fuzz: boolean): (m: MemoryState, t: number, grade: Grade, into?: MemoryState) => MemoryState {
  const p = f.parameters;
  const w = p.w;
  const { decay, factor } = computeDecayFactor(w);
  const modifier = f.interval_modifier;
  const maxIvl = p.maximum_interval;
  const expW8 = Math.exp(w[8]!);
  const shortTerm = p.enable_short_term;
  const w17 = shortTerm ? w[17]! : 0;
  const w18 = shortTerm ? w[18]! : 0;
  const initD = (g: number) => roundTo8(w[4]! - Math.exp((g - 1) * w[5]!) + 1);
  const initEasyD = initD(4);

  // The learning-steps strategy, asked once per (state, step, grade).
  const stepCache = new Map<number, StepInfo[]>();
  const steps = (state: State, step: number): StepInfo[] => {
    const k = state * 4096 + step;
    let got = stepCache.get(k);
    if (!got) {
      const r = BasicLearningStepsStrategy(p, state, step) as Partial<Record<Grade, { scheduled_minutes: number; next_step: number }>>;
      got = [undefined, 1, 2, 3, 4].map((g) => {
        const x = g === undefined ? undefined : r[g as Grade];
        return { minutes: Math.max(0, x?.scheduled_minutes ?? 0), next: Math.max(0, x?.next_step ?? 0) };
      });
      if (step < 4096) stepCache.set(k, got);
    }
    return got;
  };

  const forgettingCurve = (t: number, s: number) => roundTo8(Math.pow(1 + (factor * t) / s, decay));

  // next_state's result and the fuzz draw of the review being computed (one at a time: slots
  // instead of a tuple and closures per answer, which were a third of the step's cost). Slots of
  // a typed array, not `let`s: a captured variable holds a double as a new heap number per write,
  // and so does a double passed to a function that is not inlined (nextDS's input is in slots too).
  const reg = new Float64Array(10);
  const draw = seededDraw();

  /** algorithm.next_state of reg[D0], reg[S0], reg[R0] into reg[ND], reg[NS]. */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: ts-fsrs's next_state branch for branch, so fsrsNext.test.ts's pin is easy to audit
  const nextDS = (t: number, g: number): void => {
    const d = reg[D0]!;
    const s = reg[S0]!;
    const r = reg[R0]!;
    if (d === 0 && s === 0) {
      reg[ND] = clamp(initD(g), 1, 10);
      reg[NS] = Math.max(w[g - 1]!, 0.1);
      return;
    }
    if (d < 1 || s < S_MIN) throw new Error(`Invalid memory state { difficulty: ${d}, stability: ${s} }`);
    if (t === 0 && shortTerm) {
      const sinc = Math.pow(s, -w[19]!) * Math.exp(w[17]! * (g - 3 + w[18]!));
      reg[NS] = roundTo8(clamp(s * (g >= 2 ? Math.max(sinc, 1.0) : sinc), S_MIN, S_MAX));
    } else {
      const rr = Number.isNaN(r) ? forgettingCurve(t, s) : r;
      if (g === 1) {
        const fail = roundTo8(clamp(w[11]! * Math.pow(d, -w[12]!) * (Math.pow(s + 1, w[13]!) - 1) * Math.exp((1 - rr) * w[14]!), S_MIN, S_MAX));
        reg[NS] = clamp(roundTo8(s / Math.exp(w17 * w18)), S_MIN, fail);
      } else {
        const hard = g === 2 ? w[15]! : 1;
        const easy = g === 4 ? w[16]! : 1;
        // ts-fsrs's product, left to right: the factor before `hard` is the same for Hard, Good and
        // Easy of one answer, so its pow and exp are computed once for them.
        if (Number.isNaN(reg[GROWTH]!)) reg[GROWTH] = expW8 * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp((1 - rr) * w[10]!) - 1);
        reg[NS] = roundTo8(clamp(s * (1 + reg[GROWTH]! * hard * easy), S_MIN, S_MAX));
      }
    }
    const deltaD = -w[6]! * (g - 3);
    const nextD = d + roundTo8((deltaD * (10 - d)) / 9);
    reg[ND] = clamp(roundTo8(w[7]! * initEasyD + (1 - w[7]!) * nextD), 1, 10);
  };

  /** algorithm.next_interval with its fuzz (one draw, the same for every grade of one review). */
  const interval = (s: number, elapsed: number): number => {
    const ivl = Math.min(Math.max(1, Math.round(s * modifier)), maxIvl);
    if (!fuzz || ivl < 2.5) return Math.round(ivl);
    let delta = 1.0;
    delta += 0.15 * Math.max(Math.min(ivl, 7.0) - 2.5, 0.0);
    delta += 0.1 * Math.max(Math.min(ivl, 20.0) - 7.0, 0.0);
    delta += 0.05 * Math.max(Math.min(ivl, Infinity) - 20.0, 0.0);
    const i = Math.min(ivl, maxIvl);
    let min = Math.max(2, Math.round(i - delta));
    const max = Math.min(Math.round(i + delta), maxIvl);
    if (i > elapsed) min = Math.max(min, elapsed + 1);
    min = Math.min(min, max);
    // The seed strategy of fsrs.ts (fuzzSeed): the review's UTC day, reps after this review, d × s
    // before it. Made only when an interval is fuzzed: printing d × s is a good part of its cost.
    if (reg[DRAWN]! < 0) reg[DRAWN] = draw(Math.floor(reg[SEED_T]! / DAY), reg[SEED_REPS]!, reg[SEED_DS]!);
    return Math.floor(reg[DRAWN]! * (max - min + 1) + min);
  };

  /** applyLearningSteps onto `out` (its stability set), from the card's state and step before. */
  const learningSteps = (out: MemoryState, from: State, fromStep: number, g: Grade, to: State, t: number, elapsed: number): void => {
    const info = steps(from, fromStep)[g]!;
    if (info.minutes > 0 && info.minutes < 1440) {
      out.step = info.next;
      out.sch = 0;
      out.st = to;
      out.due = t + Math.round(info.minutes) * 60 * 1000;
    } else {
      out.st = State.Review;
      if (info.minutes >= 1440) {
        out.step = info.next;
        out.due = t + Math.round(info.minutes) * 60 * 1000;
        out.sch = Math.floor(info.minutes / 1440);
      } else {
        out.step = 0;
        const ivl = interval(out.s, elapsed);
        out.sch = ivl;
        out.due = t + ivl * 24 * 60 * 60 * 1000;
      }
    }
  };

  return (m, t, grade, into) => {
    const elapsed = m.st !== State.New && m.last !== undefined ? Math.floor(t / DAY) - Math.floor(m.last / DAY) : 0;
    const reps = m.reps + 1;
    const step = m.step || 0;
    reg[DRAWN] = -1;
    reg[SEED_T] = t;
    reg[SEED_REPS] = reps;
    reg[SEED_DS] = m.d * m.s;
    reg[D0] = m.d;
    reg[S0] = m.s;
    reg[GROWTH] = Number.NaN;
    let out: MemoryState;
    if (into) {
      out = into;
      out.due = 0;
      out.s = 0;
      out.d = 0;
      out.el = elapsed;
      out.sch = m.sch;
      out.step = step;
      out.reps = reps;
      out.lapses = m.lapses;
      out.st = m.st;
      out.last = t;
    } else out = { due: 0, s: 0, d: 0, el: elapsed, sch: m.sch, step, reps, lapses: m.lapses, st: m.st, last: t };

    if (m.st !== State.Review) {
      reg[R0] = Number.NaN;
      nextDS(elapsed, grade);
      out.d = reg[ND]!;
      out.s = reg[NS]!;
      learningSteps(out, m.st, step, grade, m.st === State.New ? State.Learning : m.st, t, elapsed);
      return out;
    }
    reg[R0] = forgettingCurve(elapsed, m.s);
    if (grade === 1) {
      nextDS(elapsed, 1);
      out.d = reg[ND]!;
      out.s = reg[NS]!;
      learningSteps(out, m.st, step, 1, State.Relearning, t, elapsed);
      out.lapses++;
      return out;
    }
    // Hard, Good and Easy intervals are chained (hard ≤ good < easy): compute what the grade needs.
    nextDS(elapsed, 2);
    const dh = reg[ND]!;
    const sh = reg[NS]!;
    nextDS(elapsed, 3);
    const dg = reg[ND]!;
    const sg = reg[NS]!;
    let hardI = interval(sh, elapsed);
    let goodI = interval(sg, elapsed);
    hardI = Math.min(hardI, goodI);
    goodI = Math.max(goodI, hardI + 1);
    let ivl: number;
    if (grade === 2) {
      out.d = dh;
      out.s = sh;
      ivl = hardI;
    } else if (grade === 3) {
      out.d = dg;
      out.s = sg;
      ivl = goodI;
    } else {
      nextDS(elapsed, 4);
      out.d = reg[ND]!;
      out.s = reg[NS]!;
      ivl = Math.max(interval(reg[NS]!, elapsed), goodI + 1);
    }
    out.st = State.Review;
    out.step = 0;
    out.sch = ivl;
    out.due = t + ivl * 24 * 60 * 60 * 1000;
    return out;
  };
}
