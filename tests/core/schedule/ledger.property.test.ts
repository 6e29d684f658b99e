process.env.TZ = 'Asia/Seoul';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { applyEntry, emptyLedger, replay, type ItemState, type Ledger } from '../../../src/core/schedule/ledger.js';
import type { Grade, LogEntry } from '../../../src/core/schedule/types.js';
import { decodeSnapshot, encodeSnapshot } from '../../../src/store/snapshot.js';
import { ctxOf, MIN } from './helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00+09:00');
const KEYS = ['d-0', 'd-1', 'd-1~rev', 'd-2'];

type Op = { t: 'answer'; key: number; grade: Grade; dt: number; cram: boolean } | { t: 'flag'; key: number; op: 'suspend' | 'unsuspend' | 'bury' | 'forget'; dt: number } | { t: 'undo'; back: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('answer' as const), key: fc.nat(KEYS.length - 1), grade: fc.constantFrom<Grade>(1, 2, 3, 4), dt: fc.integer({ min: -600, max: 4 * 24 * 60 }), cram: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('flag' as const), key: fc.nat(KEYS.length - 1), op: fc.constantFrom('suspend' as const, 'unsuspend' as const, 'bury' as const, 'forget' as const), dt: fc.integer({ min: 0, max: 600 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('undo' as const), back: fc.nat(3) }) },
);

/** Turn ops into log entries the way a live process does, applying them incrementally. */
function live(ops: Op[], leechThreshold = 8, fuzz = false): { entries: LogEntry[]; ledger: Ledger } {
  const ctx = ctxOf({ leechThreshold }, fuzz);
  let ledger = emptyLedger();
  const entries: LogEntry[] = [];
  let t = T0;
  let n = 0;
  const push = (e: LogEntry) => {
    entries.push(e);
    if (!applyEntry(ledger, e, ctx).ok) ledger = replay(entries, ctx); // what the store does
  };
  for (const op of ops) {
    const id = `x${++n}`;
    if (op.t === 'answer') {
      t += op.dt * MIN;
      push({ v: 1, id, at: new Date(t).toISOString(), op: 'answer', key: KEYS[op.key]!, deck: 'd', grade: op.grade, ms: 1000 + n, kind: op.cram ? 'cram' : 'review', reschedule: !op.cram });
    } else if (op.t === 'flag') {
      t += op.dt * MIN;
      push({ v: 1, id, at: new Date(t).toISOString(), op: op.op, key: KEYS[op.key]!, deck: 'd' });
    } else {
      const r = ledger.recent[ledger.recent.length - 1 - op.back];
      if (r) push({ v: 1, id, at: new Date(t).toISOString(), op: 'undo', target: r.id, ...(op.back % 2 ? {} : { key: r.key }) });
    }
  }
  return { entries, ledger };
}

/** Comparable view: without the undo chain, and without day counters that undo brought back to zero. */
function view(l: Ledger) {
  const items: Record<string, Omit<ItemState, 'prev'>> = {};
  for (const [k, s] of l.items) {
    const { prev: _, ...rest } = s;
    items[k] = rest;
  }
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
        expect(rebuilt.recent).toEqual(ledger.recent);
        const round = decodeSnapshot(JSON.parse(JSON.stringify(encodeSnapshot(ledger, 0, '', 'p'))));
        expect(view(round)).toEqual(view(ledger));
        expect(round.recent).toEqual(ledger.recent);
      }),
      { numRuns: 300 },
    );
  });

  test('undo after any sequence restores the state exactly', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 50 }), fc.nat(KEYS.length - 1), fc.constantFrom<Grade>(1, 2, 3, 4), fc.integer({ min: 0, max: 5000 }), (ops, key, grade, dt) => {
        const { entries, ledger } = live(ops);
        const before = structuredClone(view(ledger));
        const ctx = ctxOf();
        const last = entries.reduce((m, e) => Math.max(m, Date.parse(e.at)), T0);
        const a: LogEntry = { v: 1, id: 'final', at: new Date(last + dt * MIN).toISOString(), op: 'answer', key: KEYS[key]!, deck: 'd', grade, ms: 5, kind: 'review', reschedule: true };
        expect(applyEntry(ledger, a, ctx).ok).toBe(true);
        expect(applyEntry(ledger, { v: 1, id: 'u', at: a.at, op: 'undo', target: 'final' }, ctx).ok).toBe(true);
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
    for (let i = 4; i >= 0; i--) {
      expect(applyEntry(l, { v: 1, id: `u${i}`, at: new Date(T0).toISOString(), op: 'undo', target: `a${i}` }, ctx).ok).toBe(true);
      expect(view(l)).toEqual(snaps[i]);
    }
  });
});
