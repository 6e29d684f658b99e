process.env.TZ = 'Asia/Seoul';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { applyEntry, emptyLedger, refoldItem, replay, type Ledger } from '../../../src/core/schedule/ledger.js';
import type { Grade, LogEntry } from '../../../src/core/schedule/types.js';
import { decodeSnapshot, encodeSnapshot } from '../../../src/store/snapshot.js';
import { ctxOf, MIN } from './helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00+09:00');
const KEYS = ['d-0', 'd-1', 'd-1~rev', 'd-2'];

type Op = { t: 'answer'; key: number; grade: Grade; dt: number; cram: boolean } | { t: 'flag'; key: number; op: 'suspend' | 'unsuspend' | 'bury' | 'unbury' | 'forget'; dt: number } | { t: 'undo'; back: number };

const opsOver = (keys: readonly string[]): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ t: fc.constant('answer' as const), key: fc.nat(keys.length - 1), grade: fc.constantFrom<Grade>(1, 2, 3, 4), dt: fc.integer({ min: -600, max: 4 * 24 * 60 }), cram: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('flag' as const), key: fc.nat(keys.length - 1), op: fc.constantFrom('suspend' as const, 'unsuspend' as const, 'bury' as const, 'unbury' as const, 'forget' as const), dt: fc.integer({ min: 0, max: 600 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('undo' as const), back: fc.nat(3) }) },
  );
const opArb = opsOver(KEYS);

/** What a new process holds after reading the snapshot of `l` (a lazy ItemTable for the items). */
const throughSnapshot = (l: Ledger): Ledger => decodeSnapshot(encodeSnapshot(l, { offset: 0, tail: '', sample: 0 }, 'p'));

/**
 * Turn ops into log entries the way a live process does, applying them incrementally.
 * `restartAt`: after that many ops, continue on the ledger read back from its snapshot.
 */
function live(ops: Op[], leechThreshold = 8, fuzz = false, keys: readonly string[] = KEYS, restartAt = -1): { entries: LogEntry[]; ledger: Ledger } {
  const ctx = ctxOf({ leechThreshold }, fuzz);
  let ledger = emptyLedger();
  const entries: LogEntry[] = [];
  let t = T0;
  let n = 0;
  const push = (e: LogEntry) => {
    // What the store does: apply, or refold the one card from its own entries.
    const r = applyEntry(ledger, e, ctx);
    if (!r.ok && r.refold !== undefined) {
      const key = r.refold;
      const mine = entries.filter((x) => (x.op === 'undo' ? x.key ?? entries.find((y) => y.id === x.target && y.op !== 'undo')?.key : x.key) === key);
      refoldItem(ledger, key, mine, [...mine, e], ctx);
    }
    entries.push(e);
  };
  for (const op of ops) {
    if (n === restartAt) ledger = throughSnapshot(ledger);
    const id = `x${++n}`;
    if (op.t === 'answer') {
      t += op.dt * MIN;
      push({ v: 1, id, at: new Date(t).toISOString(), op: 'answer', key: keys[op.key]!, deck: 'd', grade: op.grade, ms: 1000 + n, kind: op.cram ? 'cram' : 'review', reschedule: !op.cram });
    } else if (op.t === 'flag') {
      t += op.dt * MIN;
      push({ v: 1, id, at: new Date(t).toISOString(), op: op.op, key: keys[op.key]!, deck: 'd' });
    } else {
      const r = ledger.recent[ledger.recent.length - 1 - op.back];
      if (r) push({ v: 1, id, at: new Date(t).toISOString(), op: 'undo', target: r.id, ...(op.back % 2 ? {} : { key: r.key }) });
    }
  }
  return { entries, ledger };
}

/** Comparable view: without day counters that undo brought back to zero. */
function view(l: Ledger) {
  const items: Record<string, unknown> = {};
  for (const [k, s] of l.items) items[k] = { ...s };
  const days: Record<number, unknown> = {};
  for (const [d, s] of l.days) {
    const dk = Object.fromEntries(Object.entries(s.dk).filter(([, v]) => v[0] || v[1]));
    const { dk: _, ...rest } = s;
    if (Object.values(rest).some((v) => v !== 0) || Object.keys(dk).length) days[d] = { ...rest, dk };
  }
  return { items, days };
}

describe('ledger properties', () => {
  test('replaying the log reproduces the incrementally built state (and its snapshot round trip)', () => {
    fc.assert(
      // Times may go backwards (two terminals, merged histories); fuzz on or off, replay is deterministic.
      fc.property(fc.array(opArb, { maxLength: 60 }), fc.integer({ min: 2, max: 8 }), fc.boolean(), (ops, leech, fuzz) => {
        const { entries, ledger } = live(ops, leech, fuzz);
        const rebuilt = replay(entries, ctxOf({ leechThreshold: leech }, fuzz));
        expect(view(rebuilt)).toEqual(view(ledger));
        const round = throughSnapshot(ledger);
        expect(view(round)).toEqual(view(ledger));
        expect(round.recent).toEqual(ledger.recent);
        // A second round trip starts from the lazy table, not a Map.
        expect(view(throughSnapshot(round))).toEqual(view(ledger));
      }),
      { numRuns: 300 },
    );
  });

  test('a ledger read back from its snapshot takes further entries (answers, flags, undo) exactly as the one it was written from', () => {
    // Enough keys and ops that some states fall out of the undo window and stay in the table's rows.
    const keys = Array.from({ length: 12 }, (_, i) => (i % 4 === 3 ? `d-${i - 1}~rev` : `d-${i}`));
    fc.assert(
      fc.property(fc.array(opsOver(keys), { minLength: 1, maxLength: 160 }), fc.nat(), fc.boolean(), (ops, at, fuzz) => {
        const restartAt = at % (ops.length + 1);
        const straight = live(ops, 8, fuzz, keys);
        const restarted = live(ops, 8, fuzz, keys, restartAt);
        expect(restarted.entries).toEqual(straight.entries);
        expect(view(restarted.ledger)).toEqual(view(straight.ledger));
        expect(restarted.ledger.recent).toEqual(straight.ledger.recent);
        expect(restarted.ledger.items.size).toBe(straight.ledger.items.size);
        expect(view(throughSnapshot(restarted.ledger))).toEqual(view(straight.ledger));
      }),
      { numRuns: 200 },
    );
  });

  test('undo after any sequence restores the state exactly', () => {
    fc.assert(
      fc.property(fc.array(opArb.filter((o) => o.t !== 'undo'), { maxLength: 50 }), fc.nat(KEYS.length - 1), fc.constantFrom<Grade>(1, 2, 3, 4), fc.integer({ min: 1, max: 5000 }), (ops, key, grade, dt) => {
        const { entries, ledger } = live(ops);
        const before = structuredClone(view(ledger));
        const ctx = ctxOf();
        const last = entries.reduce((m, e) => Math.max(m, Date.parse(e.at)), T0);
        const a: LogEntry = { v: 1, id: 'final', at: new Date(last + dt * MIN).toISOString(), op: 'answer', key: KEYS[key]!, deck: 'd', grade, ms: 5, kind: 'review', reschedule: true };
        const mine = entries.filter((e) => e.op !== 'undo' && e.key === a.key);
        const undo: LogEntry = { v: 1, id: 'u', at: a.at, op: 'undo', target: 'final', key: a.key };
        expect(applyEntry(ledger, a, ctx).ok).toBe(true);
        expect(applyEntry(ledger, undo, ctx)).toEqual({ ok: false, refold: a.key });
        refoldItem(ledger, a.key, [...mine, a], [...mine, a, undo], ctx);
        expect(view(ledger)).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  test('several undos in a row walk back one answer each', () => {
    const ctx = ctxOf();
    const l = emptyLedger();
    const snaps: unknown[] = [structuredClone(view(l))];
    for (let i = 0; i < 5; i++) {
      applyEntry(l, { v: 1, id: `a${i}`, at: new Date(T0 + i * 11 * MIN).toISOString(), op: 'answer', key: 'd-0', deck: 'd', grade: 3, ms: 1, kind: 'review', reschedule: true }, ctx);
      snaps.push(structuredClone(view(l)));
    }
    const log: LogEntry[] = Array.from({ length: 5 }, (_, i) => ({ v: 1, id: `a${i}`, at: new Date(T0 + i * 11 * MIN).toISOString(), op: 'answer', key: 'd-0', deck: 'd', grade: 3, ms: 1, kind: 'review', reschedule: true }));
    for (let i = 4; i >= 0; i--) {
      const undo: LogEntry = { v: 1, id: `u${i}`, at: new Date(T0).toISOString(), op: 'undo', target: `a${i}`, key: 'd-0' };
      expect(applyEntry(l, undo, ctx).ok).toBe(false);
      refoldItem(l, 'd-0', [...log], [...log, undo], ctx);
      log.push(undo);
      expect(view(l)).toEqual(snaps[i]);
    }
  });
});

describe('log order', () => {
  test('the same entries in any file order give the same states (older entries, same-instant pairs, duplicates)', () => {
    const ctx = ctxOf();
    fc.assert(
      fc.property(fc.array(opArb.filter((o) => o.t !== 'undo'), { minLength: 1, maxLength: 60 }), fc.integer(), (ops, seed) => {
        const { entries } = live(ops);
        const straight = replay(entries, ctx);
        // Shuffle (deterministically), and repeat one entry as a second merge would.
        const shuffled = [...entries].map((e, i) => ({ e, k: Math.sin(seed + i) })).sort((a, b) => a.k - b.k).map((x) => x.e);
        shuffled.push(entries[Math.abs(seed) % entries.length]!);
        expect(view(replay(shuffled, ctx))).toEqual(view(straight));
        // And built as a store builds it, one arrival at a time.
        const l = emptyLedger();
        const seen: LogEntry[] = [];
        for (const e of shuffled) {
          const r = applyEntry(l, e, ctx);
          if (!r.ok && r.refold !== undefined) {
            const mine = seen.filter((x) => x.op !== 'undo' && x.key === r.refold);
            refoldItem(l, r.refold, mine, [...mine, e], ctx);
          }
          seen.push(e);
        }
        expect(view(l)).toEqual(view(straight));
      }),
      { numRuns: 200 },
    );
  });
});

describe('a rebuild updates states in place', () => {
  const KEYS5 = ['d-0', 'd-1', 'd-1~rev', 'e-2', 'e-3'];

  function randomAnswer(rand: () => number, id: string, at: string, key: string, t: number): LogEntry {
    const reschedule = rand() < 0.8;
    const e: LogEntry = { v: 1, id, at, op: 'answer', key, deck: key.split('-')[0]!, grade: (1 + Math.floor(rand() * 4)) as Grade, ms: 7, kind: reschedule ? 'review' : 'cram', reschedule };
    if (rand() < 0.1) e.plan = rand() < 0.5 ? '2026-06-01' : '2026-07-01';
    if (reschedule && rand() < 0.1) e.due = new Date(t + Math.floor(rand() * 20) * 24 * 60 * MIN).toISOString();
    return e;
  }

  /** An entry of any kind (undefined: a restore, left out when `restores` is false). */
  function randomEntry(rand: () => number, n: number, t: number, recent: Ledger['recent'], restores: boolean): LogEntry | undefined {
    const key = KEYS5[Math.floor(rand() * KEYS5.length)]!;
    const deck = key.split('-')[0]!;
    const at = new Date(rand() < 0.03 ? t - 2 * 24 * 60 * MIN : t).toISOString();
    const id = `x${n}`;
    const r = rand();
    if (r < 0.75) return randomAnswer(rand, id, at, key, t);
    if (r < 0.88) return { v: 1, id, at, op: (['suspend', 'unsuspend', 'bury', 'unbury', 'forget'] as const)[Math.floor(rand() * 5)]!, key, deck };
    if (r < 0.9) return restores ? { v: 1, id, at, op: 'restore', key, deck, state: { due: t, s: 2, d: 5, el: 1, sch: 2, step: 0, reps: 3, lapses: 1, st: 2, last: t - MIN, ...(rand() < 0.5 ? { cramN: 2, susp: true as const } : {}) } } : undefined;
    if (r < 0.91) return { v: 1, id, at, op: 'days', key: '~days', days: { [String(20000 + n)]: { n: 1, ms: 5, again: 0, rv: 1, rvOk: 1, nw: 0, dk: { [deck]: [0, 1] } } } };
    const back = recent[recent.length - 1 - Math.floor(rand() * 70)];
    return { v: 1, id, at, op: 'undo', target: back?.id ?? 'none', ...(back && rand() < 0.5 ? { key: back.key } : {}) };
  }

  /** The same random entries applied with `reuse` and without: answers (cram, plan, due), flags, restores, day counters, undos, older entries. */
  function both(restores: boolean): { inPlace: Ledger; copying: Ledger } {
    let seed = 17;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const ctx = ctxOf({ leechThreshold: 2 }, true);
    const inPlace = emptyLedger();
    const copying = emptyLedger();
    let t = T0;
    for (let n = 0; n < 3000; n++) {
      t += Math.floor(rand() * (rand() < 0.3 ? 20 * 60 : 3 * 24 * 60)) * MIN;
      const e = randomEntry(rand, n, t, copying.recent, restores);
      if (e) expect(applyEntry(inPlace, e, ctx, true)).toEqual(applyEntry(copying, e, ctx));
    }
    return { inPlace, copying };
  }

  test('applyEntry with `reuse` gives what the copying path gives: outcomes, every state with its keys in the same order, counters, the recent list', () => {
    // The snapshot writes a state's extra fields in key order and the recent list as it is, so
    // the in-place answer, its remembered study day and the reused recent records must match
    // the copying path field for field, over many more than RECENT_LIMIT entries.
    const { inPlace, copying } = both(false);
    const asText = (l: Ledger) => JSON.stringify({ items: [...l.items], days: [...l.days], recent: l.recent });
    expect(asText(inPlace)).toBe(asText(copying));
    expect(inPlace.recent.length).toBe(64);
  });

  test("with restores in between, the same values (a restore over a state keeps that state's key order: overwrite)", () => {
    const { inPlace, copying } = both(true);
    expect(inPlace).toEqual(copying);
  });
});

test('the fields of a state come in the order replay has always given them (the snapshot writes extras in key order)', () => {
  const ctx = ctxOf({ leechThreshold: 1 });
  const memory = ['due', 's', 'd', 'el', 'sch', 'step', 'reps', 'lapses', 'st'];
  const at = (m: number) => new Date(T0 + m * MIN).toISOString();
  for (const reuse of [false, true]) {
    const l = emptyLedger();
    const keysOf = (key: string) => Object.keys(l.items.get(key)!);
    applyEntry(l, { v: 1, id: 'c1', at: at(0), op: 'answer', key: 'c', deck: 'd', grade: 1, ms: 1, kind: 'cram', reschedule: false }, ctx, reuse);
    expect(keysOf('c')).toEqual([...memory, 'deck', 'la', 'cramN', 'cramMiss']);
    applyEntry(l, { v: 1, id: 'c2', at: at(1), op: 'answer', key: 'c', deck: 'd', grade: 3, ms: 1, kind: 'review', reschedule: true, plan: '2026-04-01' }, ctx, reuse);
    expect(keysOf('c')).toEqual([...memory, 'deck', 'la', 'cramN', 'cramMiss', 'last', 'ld', 'plan', 'planN', 'planLd']);
    applyEntry(l, { v: 1, id: 'p1', at: at(2), op: 'answer', key: 'p', deck: 'd', grade: 3, ms: 1, kind: 'review', reschedule: true, plan: '2026-04-01' }, ctx, reuse);
    expect(keysOf('p')).toEqual([...memory, 'deck', 'la', 'last', 'ld', 'plan', 'planN', 'planLd']);
    // To the review state, then Again: a lapse at threshold 1 makes a leech.
    applyEntry(l, { v: 1, id: 'r1', at: at(3), op: 'answer', key: 'r', deck: 'd', grade: 4, ms: 1, kind: 'review', reschedule: true }, ctx, reuse);
    applyEntry(l, { v: 1, id: 'r2', at: at(3 + 10 * 24 * 60), op: 'answer', key: 'r', deck: 'd', grade: 1, ms: 1, kind: 'review', reschedule: true }, ctx, reuse);
    expect(keysOf('r')).toEqual([...memory, 'deck', 'la', 'last', 'ld', 'leech', 'susp']);
    applyEntry(l, { v: 1, id: 'r3', at: at(4 + 10 * 24 * 60), op: 'answer', key: 'r', deck: 'd', grade: 1, ms: 1, kind: 'cram', reschedule: false }, ctx, reuse);
    expect(keysOf('r')).toEqual([...memory, 'deck', 'la', 'last', 'ld', 'leech', 'susp', 'cramN', 'cramMiss']);
  }
});
