/**
 * The direct FSRS-6 step (fsrsNext.ts) against ts-fsrs's own `next`, on thousands of random
 * answer sequences: every field of every state equal (Object.is: bit for bit, -0 included), with
 * fuzz on and off, default and random weights, other retentions and maximum intervals, answers
 * the same minute / day / months apart, forgets and restored states of every kind in between.
 */
import { describe, expect, test } from 'vitest';
import { clipParameters, default_w, State } from 'ts-fsrs';
import { aleaFirst, directNext } from '../../../src/core/schedule/fsrsNext.js';
import { fromFsrsCard, newMemory, toFsrsCard, tsFsrs, type SchedulerOptions } from '../../../src/core/schedule/fsrs.js';
import type { Grade, MemoryState } from '../../../src/core/schedule/types.js';

const DAY = 86_400_000;
const FIELDS = ['due', 's', 'd', 'el', 'sch', 'step', 'reps', 'lapses', 'st', 'last'] as const;

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

function randomOptions(r: () => number, fuzz: boolean): SchedulerOptions {
  const weights = r() < 0.5 ? undefined : clipParameters(default_w.map((v) => v * (0.5 + r())), 1, true);
  const maximumInterval = [36500, 36500, 365, 30, 7, 3][Math.floor(r() * 6)]!;
  const retention = r() < 0.4 ? 0.9 : 0.7 + r() * 0.29;
  return { settings: { retention, maximumInterval, ...(weights ? { weights } : {}) }, fuzz };
}

/** A gap between answers: the same instant, minutes, hours, days, or months. */
function gap(r: () => number): number {
  const k = r();
  if (k < 0.1) return 0;
  if (k < 0.3) return Math.floor(r() * 30 * 60_000);
  if (k < 0.5) return Math.floor(r() * DAY);
  if (k < 0.85) return Math.floor(r() * 40 * DAY);
  return Math.floor(r() * 800 * DAY);
}

/** A state a restore entry could carry (any step, any state, odd stabilities). */
function restored(r: () => number, at: number): MemoryState {
  const st = Math.floor(r() * 4) as State;
  if (st === State.New) return newMemory();
  const m: MemoryState = { due: at + gap(r), s: r() < 0.1 ? 0.001 : r() * 400, d: 1 + r() * 9, el: Math.floor(r() * 30), sch: Math.floor(r() * 30), step: Math.floor(r() * 3), reps: Math.floor(r() * 50), lapses: Math.floor(r() * 9), st };
  if (r() < 0.9) m.last = at - gap(r);
  return m;
}

function same(a: MemoryState, b: MemoryState): boolean {
  return FIELDS.every((k) => Object.is(a[k], b[k]));
}

function runSequences(fuzz: boolean, sequences: number, seed: number): number {
  const r = rng(seed);
  let steps = 0;
  for (let n = 0; n < sequences; n++) {
    const opts = randomOptions(r, fuzz);
    const f = tsFsrs(opts);
    const next = directNext(f, fuzz);
    let at = Date.UTC(2024, 0, 1) + Math.floor(r() * 400 * DAY);
    let m = r() < 0.15 ? restored(r, at) : newMemory();
    const length = 1 + Math.floor(r() * 60);
    for (let i = 0; i < length; i++) {
      at += gap(r);
      const t = Math.max(at, m.last ?? at);
      if (r() < 0.03) {
        m = fromFsrsCard(f.forget(toFsrsCard(m, t), new Date(t), true).card);
        continue;
      }
      const g = (1 + Math.floor(r() * 4)) as Grade;
      const want = fromFsrsCard(f.next(toFsrsCard(m, t), new Date(t), g).card);
      // Half the steps write into an object left over from another card (every field must be set).
      const into = i % 2 ? { ...restored(r, at), last: -1 } : undefined;
      const got = next(m, t, g, into);
      if (into) expect(got).toBe(into);
      if (!same(got, want)) expect({ before: m, t, g, opts, got }).toEqual({ before: m, t, g, opts, got: want });
      m = want;
      steps++;
    }
  }
  return steps;
}

describe('direct FSRS-6 step = ts-fsrs next', () => {
  test('fuzz off: 2,000 random sequences, every field of every step', () => {
    expect(runSequences(false, 2000, 7)).toBeGreaterThan(40_000);
  });

  test('fuzz on: 3,000 random sequences, every field of every step', () => {
    expect(runSequences(true, 3000, 11)).toBeGreaterThan(60_000);
  });

  test("one step function for many cards answered in any order (the seed's day and reps part is remembered between calls)", () => {
    // A replay calls one function for every card: days go back and forth (merged histories),
    // reps counts repeat and differ; each draw must still be the one its own seed gives.
    const r = rng(5);
    const f = tsFsrs({ settings: { retention: 0.9, maximumInterval: 36500 }, fuzz: true });
    const next = directNext(f, true);
    const start = Date.UTC(2025, 2, 1);
    for (let i = 0; i < 20_000; i++) {
      // Restored states may carry any count: past the remembered ones, or a fraction.
      const reps = r() < 0.9 ? Math.floor(r() * 12) : r() < 0.5 ? Math.floor(r() * 5000) : Math.floor(r() * 12) + 0.5;
      const m: MemoryState = { due: 0, s: 3 + r() * 200, d: 1 + r() * 9, el: 0, sch: 10, step: 0, reps, lapses: 0, st: State.Review, last: start - Math.floor(r() * 60 * DAY) };
      const t = start + Math.floor(r() * (r() < 0.5 ? 2 : 9) * DAY);
      const g = (2 + Math.floor(r() * 3)) as Grade;
      const want = fromFsrsCard(f.next(toFsrsCard(m, t), new Date(t), g).card);
      const got = next(m, t, g);
      if (!same(got, want)) expect({ m, t, g, got }).toEqual({ m, t, g, got: want });
    }
  });

  test("aleaFirst is the first number of ts-fsrs's alea (through a fuzzed interval)", () => {
    // A review card whose interval is long enough to be fuzzed: the fuzzed day count moves with
    // the seed exactly as ts-fsrs's generator does; a different first draw would change some.
    const f = tsFsrs({ settings: { retention: 0.9, maximumInterval: 36500 }, fuzz: true });
    const next = directNext(f, true);
    for (let i = 0; i < 500; i++) {
      const m: MemoryState = { due: 0, s: 30 + i, d: 5, el: 0, sch: 30, step: 0, reps: i, lapses: 0, st: State.Review, last: Date.UTC(2025, 0, 1) };
      const t = Date.UTC(2025, 1, 1) + i * DAY;
      expect(next(m, t, 3)).toEqual(fromFsrsCard(f.next(toFsrsCard(m, t), new Date(t), 3).card));
    }
    expect(aleaFirst('x')).toBeGreaterThanOrEqual(0);
    expect(aleaFirst('x')).toBeLessThan(1);
  });
});
