import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareEntries, pickEntry, sortEntries } from '../../../src/core/sync/merge.js';
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

describe('one pick per id, the progress file (fast-check)', () => {
  test('two copies of one id resolve to the same entry in either order', () => {
    fc.assert(fc.property(answer, fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), (a, g) => {
      const b: AnswerEntry = { ...a, grade: g };
      expect(pickEntry(a, b)).toEqual(pickEntry(b, a));
      expect(pickEntry(a, a)).toBe(a);
    }), RUNS);
  });

  test('the progress file round-trips any log, in time order', () => {
    fc.assert(fc.property(log, (a) => {
      const back = parseProgress(formatProgress(a), 'p.jsonl', parseEntry);
      expect(back).toEqual(sortEntries(a));
      for (let i = 1; i < back.length; i++) expect(compareEntries(back[i - 1]!, back[i]!)).toBeLessThan(0);
    }), RUNS);
  });
});
