/**
 * Progress you can trust (reliability review F1, F2, F3, F5, F14 and two windows): each test
 * reproduces a finding of the review through the real store and the log on disk.
 */
process.env.TZ = 'Asia/Seoul';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { ledgerContext } from '../../src/core/schedule/context.js';
import { replay, type Ledger } from '../../src/core/schedule/ledger.js';
import { appendEntries, readLog } from '../../src/store/log.js';
import { rebuildLedger } from '../../src/store/ledgerStore.js';
import type { AnswerEntry, Grade, LogEntry } from '../../src/core/schedule/types.js';
import { clock, DAY, deck, MIN, open } from './fixtures.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

const view = (l: Ledger) => {
  const items = Object.fromEntries([...l.items].map(([k, s]) => [k, { ...s }]));
  const days: Record<string, unknown> = {};
  for (const [d, s] of l.days) if (s.n || s.ms || s.nw || s.rv) days[d] = { n: s.n, ms: s.ms, again: s.again, rv: s.rv, rvOk: s.rvOk, nw: s.nw };
  return { items, days };
};

function answer(id: string, key: string, at: number, grade: Grade): AnswerEntry {
  return { v: 1, id, at: new Date(at).toISOString(), op: 'answer', key, deck: key.split('-')[0]!, grade, ms: 1000, kind: 'review', reschedule: true };
}

describe('undo restores exactly (F1)', () => {
  test("the review's repro: a card answered again after 65 other answers, then undone, is back to its first answer", () => {
    const T = Date.parse('2026-03-01T10:00:00Z');
    const decks = [deck('arch', 80)];
    const first = answer('first', 'arch-0000', T, 3);
    const others = Array.from({ length: 65 }, (_, i) => answer(`o${i}`, `arch-${String(i + 1).padStart(4, '0')}`, T + (i + 1) * MIN, 3));
    appendEntries(home, [first, ...others]);
    const expected = view(replay([first, ...others], ledgerContext(open(home, decks, () => new Date(T + 30 * DAY)).settings, true)));
    const c = clock('2026-03-31T10:00:00');
    const p = open(home, decks, c.now);
    const s = p.startCram({ keys: ['arch-0000'], reschedule: true });
    s.answer(3, 1);
    expect(s.undo()).toEqual({ key: 'arch-0000', what: 'answer' });
    expect(view(p.ledger)).toEqual(expected);
    expect(p.state('arch-0000')?.reps).toBe(1);
    p.close();
    // And every rebuild agrees: a new process, then without state.bin.
    expect(view(open(home, decks, c.now).ledger)).toEqual(expected);
    rmSync(join(home, 'state.bin'));
    expect(view(open(home, decks, c.now).ledger)).toEqual(expected);
  });

  test('a long random history (3,000 steps, undos hundreds of entries apart, several in a row): the live store, a reopened one and a rebuild all equal the reference fold', () => {
    const decks = [deck('d', 40, { reversible: 8 })];
    const c = clock('2026-01-05T09:00:00');
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const p = open(home, decks, c.now);
    const keys = p.items().map((it) => it.key);
    const mine: { id: string; key: string }[] = [];
    for (let n = 0; n < 3000; n++) {
      c.advance(Math.floor(rand() * 6 * 3600_000));
      const r = rand();
      if (r < 0.08 && mine.length > 300) {
        // Undo an answer far back (hundreds of entries), sometimes several in a row.
        for (let k = 0, runs = 1 + Math.floor(rand() * 3); k < runs && mine.length; k++) {
          const victim = mine.splice(Math.floor(rand() * (mine.length - 200)), 1)[0]!;
          p.undoEntry(victim.id, victim.key);
        }
      } else if (r < 0.1) {
        const key = keys[Math.floor(rand() * keys.length)]!;
        p.setFlag(key, (['suspend', 'unsuspend', 'bury', 'unbury', 'forget'] as const)[Math.floor(rand() * 5)]!);
      } else {
        const key = keys[Math.floor(rand() * keys.length)]!;
        const s = p.startCram({ keys: [key], reschedule: rand() < 0.8 });
        if (!s.current()) continue;
        s.answer((1 + Math.floor(rand() * 4)) as Grade, 500);
        mine.push({ id: p.ledger.recent.at(-1)!.id, key });
      }
    }
    const entries = readLog(home).entries;
    expect(entries.length).toBeGreaterThan(2000);
    expect(entries.filter((e) => e.op === 'undo').length).toBeGreaterThan(100);
    const reference = view(replay(entries, p.ctx));
    expect(view(p.ledger)).toEqual(reference);
    p.close();
    expect(view(open(home, decks, c.now).ledger)).toEqual(reference);
    expect(view(rebuildLedger(home, p.ctx).ledger)).toEqual(reference);
  });
});

describe('undo entries written by older versions', () => {
  test('an undo that names no card, of an answer 100 entries back, is resolved by id on open', () => {
    const T = Date.parse('2026-03-01T10:00:00Z');
    const decks = [deck('arch', 120)];
    const target = answer('target', 'arch-0000', T, 1);
    const others = Array.from({ length: 100 }, (_, i) => answer(`o${i}`, `arch-${String(i + 1).padStart(4, '0')}`, T + (i + 1) * MIN, 3));
    const undo: LogEntry = { v: 1, id: 'u', at: new Date(T + 200 * MIN).toISOString(), op: 'undo', target: 'target' };
    appendEntries(home, [target, ...others, undo]);
    const c = clock('2026-03-05T10:00:00');
    const p = open(home, decks, c.now);
    expect(p.state('arch-0000')).toBeUndefined();
    expect(view(p.ledger)).toEqual(view(replay([...others], p.ctx)));
  });
});

describe('undo in a session (F5)', () => {
  test('`u` first in a cram of another deck says there is nothing to undo, touches nothing, and the session goes on', () => {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('arch', 3), deck('cncf', 3)];
    const p = open(home, decks, c.now);
    p.startReview({ deckId: 'arch' }).answer(4, 1);
    const before = view(p.ledger);
    const s = p.startCram({ deckId: 'cncf' });
    expect(s.undo()).toBeUndefined();
    expect(view(p.ledger)).toEqual(before);
    expect(s.current()?.item.deckId).toBe('cncf');
    s.answer(3, 1);
    expect(readLog(home).entries.filter((e) => e.op === 'undo')).toHaveLength(0);
  });

  test('undoing a bury brings back the card and its sibling', () => {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('d', 2, { reversible: 2 })];
    const p = open(home, decks, c.now);
    const s = p.startReview();
    const key = s.current()!.item.key;
    s.bury();
    expect(readLog(home).entries).toHaveLength(2);
    expect(s.undo()).toEqual({ key, what: 'bury' });
    for (const k of p.items().map((it) => it.key)) expect(p.state(k)).toBeUndefined();
  });
});

describe('older entries and merges (F2, F2b)', () => {
  test('entries arriving out of order (another machine, same-millisecond pairs) give the states of the sorted log', () => {
    const decks = [deck('d', 5)];
    const T = Date.parse('2026-03-01T10:00:00Z');
    const all: LogEntry[] = [];
    for (let i = 0; i < 40; i++) all.push(answer(`e${String(i).padStart(3, '0')}`, `d-000${i % 5}`, T + Math.floor(i / 2) * 7 * 3600_000, ((i % 4) + 1) as Grade));
    // Newer half first, then the older half (a merge of an older history), then a duplicate.
    appendEntries(home, [...all.slice(20), ...all.slice(0, 20), all[3]!]);
    const c = clock('2026-03-20T10:00:00');
    const p = open(home, decks, c.now);
    expect(view(p.ledger)).toEqual(view(replay(all, p.ctx)));
  });
});

describe('damaged logs (F3)', () => {
  function studied() {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('docker', 6)];
    const p = open(home, decks, c.now);
    const s = p.startReview();
    for (let i = 0; i < 6; i++) s.answer(3, 1);
    p.close();
    return { c, decks, states: view(open(home, decks, c.now).ledger) };
  }

  for (const [name, damage] of [
    ['truncated to 0', () => truncateSync(join(home, 'reviews.jsonl'), 0)],
    ['zero-filled', () => writeFileSync(join(home, 'reviews.jsonl'), Buffer.alloc(readFileSync(join(home, 'reviews.jsonl')).length))],
    ['cut in half', () => truncateSync(join(home, 'reviews.jsonl'), Math.floor(readFileSync(join(home, 'reviews.jsonl')).length / 2))],
    ['deleted', () => rmSync(join(home, 'reviews.jsonl'))],
  ] as const) {
    test(`a log ${name} under its snapshot: one notice, the damaged log and state.bin kept aside, progress recovered`, () => {
      const { c, decks, states } = studied();
      const hadLog = existsSync(join(home, 'reviews.jsonl'));
      damage();
      const p = open(home, decks, c.now);
      expect(p.notices).toHaveLength(1);
      expect(p.notices[0]).toMatch(/recovered from state\.bin \(6 cards/);
      expect(view(p.ledger)).toEqual(states);
      const files = readdirSync(home);
      expect(files.some((f) => f.startsWith('state.bin.before-recovery-'))).toBe(true);
      expect(files.some((f) => f.startsWith('reviews.jsonl.damaged-'))).toBe(hadLog && name !== 'deleted');
      // New answers go to the new log; a rebuild from it alone gives the same progress.
      p.startCram({ keys: ['docker-0000'], reschedule: true }).answer(4, 1);
      const after = view(p.ledger);
      p.close();
      rmSync(join(home, 'state.bin'));
      const again = open(home, decks, c.now);
      expect(view(again.ledger)).toEqual(after);
      expect(again.notices).toEqual([]);
    });
  }
});

describe('two windows (§5)', () => {
  test('a card answered in another window since it was shown is skipped, not graded twice', () => {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('docker', 3)];
    const a = open(home, decks, c.now);
    const b = open(home, decks, c.now);
    const sa = a.startReview();
    const sb = b.startReview();
    expect(sa.current()?.item.key).toBe(sb.current()?.item.key);
    sa.answer(3, 1);
    expect(sb.answer(1, 1)).toEqual({ leech: false, otherWindow: true });
    expect(readLog(home).entries.filter((e) => e.op === 'answer')).toHaveLength(1);
    // The other window goes on with a card of its own.
    expect(sb.current()?.item.key).not.toBe('docker-0000');
  });
});
