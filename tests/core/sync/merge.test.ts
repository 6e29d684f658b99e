import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareEntries, mergeLogs, planMerge } from '../../../src/core/sync/merge.js';
import { formatProgress, parseProgress } from '../../../src/core/sync/progressFile.js';
import type { AnswerEntry, LogEntry } from '../../../src/core/schedule/types.js';
import { parseEntry } from '../../../src/store/log.js';

const T0 = Date.UTC(2025, 0, 1);
const answer = fc.record({
  v: fc.constant(1 as const),
  id: fc.stringMatching(/^[0-9a-z]{4,8}$/),
  at: fc.integer({ min: 0, max: 30 * 864e5 }).map((ms) => new Date(T0 + ms).toISOString()),
  op: fc.constant('answer' as const),
  key: fc.constantFrom('d-1', 'd-2', 'd-2~rev'),
  deck: fc.constant('d'),
  grade: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  ms: fc.nat(60_000),
  kind: fc.constantFrom('review' as const, 'cram' as const),
  reschedule: fc.boolean(),
});
const undo = fc.record({ v: fc.constant(1 as const), id: fc.stringMatching(/^[0-9a-z]{4,8}$/), at: fc.constant(new Date(T0).toISOString()), op: fc.constant('undo' as const), target: fc.stringMatching(/^[0-9a-z]{4,8}$/) });
const flag = fc.record({ v: fc.constant(1 as const), id: fc.stringMatching(/^[0-9a-z]{4,8}$/), at: fc.constant(new Date(T0 + 1000).toISOString()), op: fc.constantFrom('suspend' as const, 'bury' as const), key: fc.constant('d-1'), deck: fc.constant('d') });
const entry: fc.Arbitrary<LogEntry> = fc.oneof(answer, answer, undo, flag);
// Logs from one machine have unique ids; ids may repeat across machines (the same review synced twice).
const log = fc.uniqueArray(entry, { maxLength: 25, selector: (e) => e.id });
const RUNS = { numRuns: 300 };

describe('merge laws (fast-check)', () => {
  test('idempotent: merging the same history again changes nothing', () => {
    fc.assert(fc.property(log, log, (a, b) => {
      const ab = mergeLogs(a, b);
      expect(mergeLogs(ab, b)).toEqual(ab);
      expect(mergeLogs(ab, ab)).toEqual(ab);
    }), RUNS);
  });

  test('order-independent: commutative and associative', () => {
    fc.assert(fc.property(log, log, log, (a, b, c) => {
      expect(mergeLogs(a, b)).toEqual(mergeLogs(b, a));
      expect(mergeLogs(mergeLogs(a, b), c)).toEqual(mergeLogs(a, mergeLogs(b, c)));
    }), RUNS);
  });

  test('union by id, sorted by time then id', () => {
    fc.assert(fc.property(log, log, (a, b) => {
      const m = mergeLogs(a, b);
      expect(new Set(m.map((e) => e.id))).toEqual(new Set([...a, ...b].map((e) => e.id)));
      expect(m.length).toBe(new Set(m.map((e) => e.id)).size);
      for (let i = 1; i < m.length; i++) expect(compareEntries(m[i - 1]!, m[i]!)).toBeLessThan(0);
    }), RUNS);
  });

  test('planMerge appends exactly what is missing; a second merge adds nothing', () => {
    fc.assert(fc.property(log, log, (local, incoming) => {
      const plan = planMerge(local, incoming);
      const after = [...local, ...plan.add];
      const localIds = new Set(local.map((e) => e.id));
      expect(plan.add.every((e) => !localIds.has(e.id))).toBe(true);
      expect(new Set(after.map((e) => e.id))).toEqual(new Set(mergeLogs(local, incoming).map((e) => e.id)));
      expect(planMerge(after, incoming).add).toEqual([]);
      expect(plan.known + plan.add.length).toBe(incoming.length);
    }), RUNS);
  });

  test('the progress file round-trips any log, in merged order', () => {
    fc.assert(fc.property(log, (a) => {
      expect(parseProgress(formatProgress(a), 'p.jsonl', parseEntry)).toEqual(mergeLogs(a));
    }), RUNS);
  });

  test('conflicting copies of one id: the same pick in either order, reported by planMerge', () => {
    const a: AnswerEntry = { v: 1, id: "x", at: "2025-01-01T00:00:00.000Z", op: "answer", key: "k", deck: "d", grade: 3, ms: 1, kind: "review", reschedule: true };
    const b: AnswerEntry = { ...a, grade: 1 };
    expect(mergeLogs([a], [b])).toEqual(mergeLogs([b], [a]));
    expect(planMerge([a], [b])).toEqual({ add: [], known: 1, conflicts: ['x'] });
  });
});
