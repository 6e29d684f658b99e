/**
 * index.bin's checkpoints (a card's state after its first entries): a refold that starts from
 * one must give what a replay of the whole log gives, whatever arrived since — an entry older
 * than the checkpoint, one at the same instant, a repeated id (same or other content), an undo
 * of an entry before it (named by card or not) — and a checkpoint that no longer holds must not
 * be used.
 */
process.env.TZ = 'Asia/Seoul';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { default_w } from 'ts-fsrs';
import { ledgerContext, paramsKey } from '../../src/core/schedule/context.js';
import { replay, undoneIds, type Ledger } from '../../src/core/schedule/ledger.js';
import type { AnswerEntry, Grade, LogEntry } from '../../src/core/schedule/types.js';
import { CHECKPOINT_EVERY, EntryIndex, loadIndex } from '../../src/store/entryIndex.js';
import { checkpointHolds, rebuildSnapshot } from '../../src/store/ledgerStore.js';
import { appendEntries, readLog } from '../../src/store/log.js';
import { openSettings } from '../../src/store/settings.js';
import { readSnapshot } from '../../src/store/snapshot.js';
import { tmpHome } from '../helpers/tmpHome.js';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-01T09:00:00Z');
const KEYS = ['d-0', 'd-1', 'd-2'];
const now = () => new Date(T0 + 400 * 24 * HOUR);

const answer = (id: string, key: string, at: number, grade: Grade): AnswerEntry => ({ v: 1, id, at: new Date(at).toISOString(), op: 'answer', key, deck: 'd', grade, ms: 1000, kind: 'review', reschedule: true });

const view = (l: Ledger) => {
  const items = Object.fromEntries([...l.items].map(([k, s]) => [k, { ...s }]));
  const days: Record<string, unknown> = {};
  for (const [d, s] of l.days) if (s.n || s.ms || s.nw || s.rv) days[d] = { n: s.n, ms: s.ms, again: s.again, rv: s.rv, rvOk: s.rvOk, nw: s.nw, dk: s.dk };
  return { items, days };
};

/** What the store holds (state.bin after rebuildSnapshot), and the reference fold of the log. */
function both(): { stored: ReturnType<typeof view>; reference: ReturnType<typeof view> } {
  const settings = openSettings(home, now).settings;
  const snap = readSnapshot(home, paramsKey(settings, true));
  if (snap.kind !== 'ok') throw new Error(snap.kind);
  return { stored: view(snap.ledger), reference: view(replay(readLog(home).entries, ledgerContext(settings, true))) };
}

/** Arrivals after the first history: each picks its entry from what the log holds then. */
type Arrival =
  | { t: 'older'; key: number; back: number; grade: Grade }
  | { t: 'sameInstant'; pick: number; grade: Grade }
  | { t: 'repeat'; pick: number; grade?: Grade }
  | { t: 'undo'; pick: number; named: boolean }
  | { t: 'newer'; key: number; grade: Grade };

const grade = fc.constantFrom<Grade>(1, 2, 3, 4);
const arrival: fc.Arbitrary<Arrival> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('older' as const), key: fc.nat(KEYS.length - 1), back: fc.integer({ min: 1, max: 200 }), grade }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('sameInstant' as const), pick: fc.nat(), grade }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('repeat' as const), pick: fc.nat(), grade: fc.option(grade, { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('undo' as const), pick: fc.nat(), named: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('newer' as const), key: fc.nat(KEYS.length - 1), grade }) },
);

describe('refolds from checkpoints', () => {
  test('after any arrivals, state.bin (refolded from checkpoints) equals a replay of the whole log', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(grade, { minLength: 3 * CHECKPOINT_EVERY, maxLength: 5 * CHECKPOINT_EVERY }), fc.array(fc.array(arrival, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (grades, batches) => {
        cleanup();
        ({ home, cleanup } = tmpHome());
        run++;
        // A history of about a day apart per answer, the cards in turn.
        const history = grades.map((g, i) => answer(`h${i}`, KEYS[i % KEYS.length]!, T0 + i * 8 * HOUR, g));
        appendEntries(home, history);
        rebuildSnapshot(home, { now });
        // The rebuild left checkpoints in index.bin: the refolds below can start from them.
        expect(loadIndex(home).checkpoints(KEYS[0]!).length).toBeGreaterThan(0);
        let last = T0 + grades.length * 8 * HOUR;
        let n = 0;
        for (const batch of batches) {
          // Not an undone one: a copy of an undone answer arriving after the undo is applied on the
          // spot by applyEntry, which does not know undone ids (a gap of its own, with or without checkpoints).
          const all = readLog(home).entries;
          const undone = undoneIds(all);
          const log = all.filter((e) => e.op === 'answer' && !undone.has(e.id)) as AnswerEntry[];
          const pick = (i: number) => log[i % log.length]!;
          const entries: LogEntry[] = batch.map((a): LogEntry => {
            const id = `r${run}-${n++}`;
            switch (a.t) {
              case 'older':
                return answer(id, KEYS[a.key]!, last - a.back * 4 * HOUR, a.grade);
              case 'sameInstant':
                return answer(id, pick(a.pick).key, Date.parse(pick(a.pick).at), a.grade);
              case 'repeat':
                return a.grade === undefined ? pick(a.pick) : { ...pick(a.pick), grade: a.grade };
              case 'undo':
                return { v: 1, id, at: new Date(last).toISOString(), op: 'undo', target: pick(a.pick).id, ...(a.named ? { key: pick(a.pick).key } : {}) };
              case 'newer':
                last += HOUR;
                return answer(id, KEYS[a.key]!, last, a.grade);
            }
          });
          appendEntries(home, entries);
          rebuildSnapshot(home, { now });
          const { stored, reference } = both();
          expect(stored).toEqual(reference);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('old keyless undos', () => {
  test('one of an answer older than the recent list, then an answer of the same card: states and counters are the replay (the answer is counted once)', () => {
    const history = Array.from({ length: 65 }, (_, i) => answer(`h${i}`, KEYS[i % 3]!, T0 + i * 8 * HOUR, 1));
    appendEntries(home, history);
    rebuildSnapshot(home, { now });
    appendEntries(home, [{ v: 1, id: 'u1', at: new Date(T0 + 65 * 8 * HOUR).toISOString(), op: 'undo', target: 'h0' }, answer('n1', 'd-0', T0 + 65 * 8 * HOUR + HOUR, 1)]);
    rebuildSnapshot(home, { now });
    const { stored, reference } = both();
    expect(stored).toEqual(reference);
  });
});

describe('old keyless undos, index.bin rebuilt by a scan', () => {
  for (const how of ['missing', 'of another format'] as const)
    test(`index.bin ${how}, then an older answer of the undone one's card: the undone answer stays undone`, () => {
      const history = Array.from({ length: 20 }, (_, i) => answer(`h${i}`, 'd-0', T0 + i * 24 * HOUR, 3));
      appendEntries(home, [...history, { v: 1, id: 'u1', at: new Date(T0 + 20 * 24 * HOUR).toISOString(), op: 'undo', target: 'h19' }]);
      rebuildSnapshot(home, { now });
      const file = join(home, 'index.bin');
      if (how === 'missing') rmSync(file);
      else {
        const bytes = readFileSync(file);
        bytes.write('9', bytes.indexOf('"format":2') + 9);
        writeFileSync(file, bytes);
      }
      appendEntries(home, [answer('old1', 'd-0', T0 + 5 * 24 * HOUR + HOUR, 1)]);
      rebuildSnapshot(home, { now });
      const { stored, reference } = both();
      expect(stored).toEqual(reference);
      expect(loadIndex(home).size('d-0')).toBe(22);
    });
});

describe('a damaged index.bin', () => {
  test('an offset overwritten with another card\'s line: not trusted (checksum), scanned again; states and counters are the replay', () => {
    const history = Array.from({ length: 20 }, (_, i) => answer(`h${i}`, KEYS[i % 2]!, T0 + i * 24 * HOUR, 3));
    appendEntries(home, history);
    rebuildSnapshot(home, { now });
    const log = readFileSync(join(home, 'reviews.jsonl'), 'utf8');
    const lineAt = (n: number) => Buffer.byteLength(log.split('\n').slice(0, n).join('\n')) + (n ? 1 : 0);
    const double = (x: number) => {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(x);
      return b;
    };
    const file = join(home, 'index.bin');
    const bytes = readFileSync(file);
    // d-0's entry h2 now points at d-1's h1 (a stray write, a bad sector).
    const at = bytes.indexOf(double(lineAt(2)), bytes.indexOf(10));
    expect(at).toBeGreaterThan(0);
    double(lineAt(1)).copy(bytes, at);
    writeFileSync(file, bytes);
    appendEntries(home, [answer('old1', 'd-0', T0 + 3 * 24 * HOUR + HOUR, 1)]);
    rebuildSnapshot(home, { now });
    const { stored, reference } = both();
    expect(stored).toEqual(reference);
  });
});

describe('checkpointHolds', () => {
  const index = new EntryIndex();
  const first = Array.from({ length: CHECKPOINT_EVERY }, (_, i) => answer(`a${i}`, 'k', T0 + i * HOUR, 3));
  first.forEach((e, i) => index.add('k', i * 100, e));
  const cp = { upto: (CHECKPOINT_EVERY - 1) * 100, state: { deck: 'd', due: 0, s: 1, d: 5, el: 0, sch: 1, step: 0, reps: 1, lapses: 0, st: 2, la: T0 + (CHECKPOINT_EVERY - 1) * HOUR } };
  const hashes = index.entries('k').hash;
  const later = answer('b', 'k', T0 + CHECKPOINT_EVERY * HOUR, 3);

  test('entries after it, undos of entries after it: it holds', () => {
    expect(checkpointHolds(cp, hashes, [later, { v: 1, id: 'u', at: later.at, op: 'undo', target: 'b', key: 'k' }])).toBe(true);
  });
  test('an entry at or before its newest, a repeated id, an undo of an entry before it: it does not', () => {
    expect(checkpointHolds(cp, hashes, [later, answer('c', 'k', T0, 3)])).toBe(false);
    expect(checkpointHolds(cp, hashes, [answer('c', 'k', cp.state.la, 3)])).toBe(false);
    expect(checkpointHolds(cp, hashes, [later, { ...first[2]!, at: later.at }])).toBe(false);
    expect(checkpointHolds(cp, hashes, [later, { v: 1, id: 'u', at: later.at, op: 'undo', target: 'a3' }])).toBe(false);
  });
  test('an entry after it that an undo before it undid (it arrived later, from another machine): it does not', () => {
    const withUndo = new EntryIndex();
    first.forEach((e, i) => withUndo.add('k', i * 100, i === 5 ? { v: 1, id: 'u0', at: e.at, op: 'undo', target: 'b', key: 'k' } : e));
    expect(checkpointHolds(cp, withUndo.entries('k').hash, [later])).toBe(false);
  });
});

describe('index.bin', () => {
  const same = (a: EntryIndex, b: EntryIndex) => {
    for (const k of KEYS) {
      expect([...a.entries(k).off, ...a.entries(k).hash]).toEqual([...b.entries(k).off, ...b.entries(k).hash]);
      expect(a.checkpoints(k)).toEqual(b.checkpoints(k));
    }
  };
  const proof = (offset: number) => ({ offset, tail: '', sample: 0 });

  test('round trip: offsets, hashes and checkpoints (with flags), then entries added since (a tail) and checkpoints dropped; another format is not read', () => {
    const index = new EntryIndex();
    const entries = Array.from({ length: 40 }, (_, i) => answer(`a${i}`, KEYS[i % 3]!, T0 + i * HOUR, 3));
    entries.forEach((e, i) => index.add(e.key, i * 10, e));
    index.setCheckpoint('d-1', 70, { deck: 'd', due: 5, s: 1.5, d: 5, el: 0, sch: 1, step: 0, reps: 3, lapses: 0, st: 2, last: 4, ld: 3, la: 9, susp: true, cramN: 2 });
    index.setCheckpoint('d-2', 80, { deck: 'e', due: 6, s: 2, d: 4, el: 1, sch: 2, step: 0, reps: 4, lapses: 1, st: 2, la: 10 });
    index.end = 400;
    const bytes = Buffer.concat(index.encode(proof(400)));
    const back = EntryIndex.decode(bytes).index;
    same(back, index);
    expect(back.checkpoints('d-1')[0]!.state).toMatchObject({ susp: true, cramN: 2, ld: 3 });
    // Then a merge: entries past the file, a checkpoint dropped and one added.
    back.add('d-0', 500, answer('b1', 'd-0', T0 + 50 * HOUR, 1));
    back.add('d-3', 510, answer('b2', 'd-3', T0 + 51 * HOUR, 1));
    back.dropCheckpointsAfter('d-1', 0);
    back.setCheckpoint('d-1', 520, { deck: 'd', due: 7, s: 1, d: 5, el: 0, sch: 1, step: 0, reps: 5, lapses: 0, st: 2, la: 12, bury: 3 });
    const again = EntryIndex.decode(Buffer.concat(back.encode(proof(600)))).index;
    same(again, back);
    expect(again.entries('d-3').off).toEqual(new Float64Array([510]));
    expect(again.checkpoints('d-1').map((c) => c.upto)).toEqual([520]);
    expect(again.checkpoints('d-1')[0]!.state.bury).toBe(3);
    const v1 = Buffer.from(bytes);
    v1.write('{"format":1', 0);
    expect(() => EntryIndex.decode(v1)).toThrow();
  });
});

describe('checkpoints and the scheduler settings', () => {
  test('an index.bin whose checkpoints were folded under other weights (a save racing a settings change) is not refolded from', () => {
    // Two cards, 5 × CHECKPOINT_EVERY answers each (Good), each a day apart: checkpoints under the default weights.
    const history = Array.from({ length: 10 * CHECKPOINT_EVERY }, (_, i) => answer(`h${i}`, KEYS[i % 2]!, T0 + i * 12 * HOUR, 3));
    appendEntries(home, history);
    rebuildSnapshot(home, { now });
    const underDefaults = readFileSync(join(home, 'index.bin'));
    expect(loadIndex(home).checkpoints(KEYS[0]!).length).toBeGreaterThan(2);
    // Other weights (initial stabilities doubled): every state changes; this process rebuilds and
    // saves its index, then another process, still on the defaults, saves its index over it.
    openSettings(home, now).save({ weights: default_w.map((w, i) => (i < 4 ? w * 2 : w)) });
    rebuildSnapshot(home, { now, rebuild: true });
    writeFileSync(join(home, 'index.bin'), underDefaults);
    // An older answer of card 0 arrives: its refold must not start from a default-weights checkpoint.
    appendEntries(home, [answer('late', KEYS[0]!, T0 + 150 * 12 * HOUR, 3)]);
    rebuildSnapshot(home, { now });
    const { stored, reference } = both();
    expect(stored).toEqual(reference);
  });
});
