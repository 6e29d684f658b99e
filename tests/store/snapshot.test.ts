process.env.TZ = 'Asia/Seoul';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpHome } from '../helpers/tmpHome.js';
import { ledgerContext } from '../../src/core/schedule/context.js';
import { ItemTable } from '../../src/core/schedule/itemTable.js';
import type { Ledger } from '../../src/core/schedule/ledger.js';
import { DEFAULT_SETTINGS } from '../../src/core/schedule/types.js';
import { loadLedger, rebuildLedger } from '../../src/store/ledgerStore.js';
import { decodeSnapshot, encodeSnapshot, readSnapshot, SNAPSHOT_FORMAT, snapshotPath } from '../../src/store/snapshot.js';
import { paramsKey } from '../../src/core/schedule/context.js';
import { clock, deck, open } from './fixtures.js';

/**
 * `snapshot-v2/` was written by amgi with snapshot format 2 (state.json, one tuple per item) from a log of
 * 132 entries: answers over 4 decks, cram answers, suspend, bury, an interview-plan answer and an
 * undo; 40 cards are outside the undo window (no undo data), 19 inside it. `snapshot-v3/` holds
 * the format-3 state.json (columns) the build before state.bin wrote for that same log.
 */
const V2 = fileURLToPath(new URL('./snapshot-v2/', import.meta.url));
const NOW = '2026-01-07T10:30:00+09:00';
const ctx = ledgerContext(DEFAULT_SETTINGS, false);
const params = paramsKey(DEFAULT_SETTINGS, false);

let home: string;
let cleanup: () => void;
beforeEach(() => {
  ({ home, cleanup } = tmpHome());
  for (const f of ['reviews.jsonl', 'state.json']) copyFileSync(join(V2, f), join(home, f));
});
afterEach(() => cleanup());

/** Comparable: the states without the undo chain, and the day counters. */
function view(l: Ledger) {
  return { items: Object.fromEntries([...l.items].map(([k, s]) => [k, { ...s, prev: undefined }])), days: Object.fromEntries(l.days) };
}

/** The JSON line at the top of state.bin. */
const header = () => {
  const b = readFileSync(snapshotPath(home));
  return JSON.parse(b.toString('utf8', 0, b.indexOf(10)));
};
/** Five 'old' cards were never studied: the session reaches new cards too. */
const decks = [deck('old', 45), deck('mid', 10), deck('v2', 7, { reversible: 1 }), deck('other', 1)];

describe('snapshot formats', () => {
  test.each([2, 3])('an earlier version\'s state.json (format %i) is not read: rebuilt from the log, then replaced by state.bin', (format) => {
    copyFileSync(join(V2, '..', `snapshot-v${format}`, 'state.json'), join(home, 'state.json'));
    expect(JSON.parse(readFileSync(join(home, 'state.json'), 'utf8')).format).toBe(format);
    expect(readSnapshot(home, params)).toEqual({ kind: 'missing' });
    const c = clock(NOW);
    const p = open(home, decks, c.now);
    expect(p.notices).toEqual([]);
    const full = rebuildLedger(home, ctx).ledger;
    expect(view(p.ledger)).toEqual(view(full));
    expect(p.ledger.recent).toEqual(full.recent);
    expect(existsSync(join(home, 'state.json'))).toBe(false);
    const f = header();
    expect(f.format).toBe(SNAPSHOT_FORMAT);
    expect(f.keys).toHaveLength(59);
    // Only the cards inside the undo window or with flags carry per-item fields.
    expect(f.more.length).toBeLessThan(30);

    // The next open reads state.bin as it is: no rebuild, nothing to rewrite.
    const load = loadLedger(home, ctx, c.now);
    expect(load).toMatchObject({ rebuilt: false, resave: false, replayed: 0, notices: [] });
    expect(load.ledger.items).toBeInstanceOf(ItemTable);
    expect(view(load.ledger)).toEqual(view(full));
    expect(load.ledger.recent).toEqual(full.recent);

    // Undo after the restart still has the state before the last answer.
    const p2 = open(home, decks, c.now);
    expect(p2.state('other-0000')).toBeDefined();
    expect(p2.undoLast()).toBe(true);
    expect(p2.state('other-0000')).toBeUndefined();
    p2.close();
    expect(view(open(home, decks, c.now).ledger)).toEqual(view(rebuildLedger(home, ctx).ledger));
  });

  test('a review session over a snapshot-backed store matches one over a fresh replay', () => {
    const c = clock(NOW);
    open(home, decks, c.now).close(); // now state.bin
    const fromSnapshot = open(home, decks, c.now);
    expect(fromSnapshot.ledger.items).toBeInstanceOf(ItemTable);
    const order = (p: ReturnType<typeof open>) => {
      const s = p.startReview();
      const out: string[] = [];
      for (let i = 0; i < 80 && s.current(); i++) {
        out.push(`${s.current()!.item.key}:${s.current()!.kind}`);
        s.answer(i % 7 === 0 ? 1 : 4, 1000);
        c.advance(30_000);
      }
      return { out, counts: p.counts(), remaining: s.remaining() };
    };
    const a = order(fromSnapshot);
    // The same answers again, on a store rebuilt from the log alone.
    const { home: other, cleanup: done } = tmpHome();
    try {
      copyFileSync(join(V2, 'reviews.jsonl'), join(other, 'reviews.jsonl'));
      c.set(NOW);
      const b = order(open(other, decks, c.now));
      expect(a).toEqual(b);
      expect(a.out.length).toBeGreaterThan(50);
      for (const kind of ['learning', 'review', 'new']) expect(a.out.some((o) => o.endsWith(`:${kind}`)), kind).toBe(true);
    } finally {
      done();
    }
  });

  test('a state.bin with damaged rows (cut, extra, impossible values, NaN) is corrupt: moved aside, reported, rebuilt from the log (F7)', () => {
    const c = clock(NOW);
    open(home, decks, c.now).close();
    const whole = readFileSync(snapshotPath(home));
    const rowsAt = (whole.indexOf(10) + 8) & ~7;
    const at = (row: number, field: number) => rowsAt + (row * 13 + field) * 8;
    const damaged = [
      whole.subarray(0, whole.length - 8), // a row cut short
      Buffer.concat([whole, Buffer.alloc(8)]), // a row too many
    ];
    const edit = (row: number, field: number, v: number) => {
      const b = Buffer.from(whole);
      b.writeDoubleLE(v, at(row, field));
      return b;
    };
    damaged.push(edit(3, 0, 99)); // a deck index past the deck list
    damaged.push(edit(5, 1, NaN)); // due: NaN (the review's repro)
    damaged.push(edit(7, 2, -1)); // negative stability
    damaged.push(edit(2, 9, 3.5)); // no such FSRS state
    for (const bytes of damaged) {
      writeFileSync(snapshotPath(home), bytes);
      expect(readSnapshot(home, params)).toMatchObject({ kind: 'corrupt' });
      const p = open(home, decks, c.now);
      expect(p.notices.some((n) => n.startsWith('state.bin could not be read'))).toBe(true);
      expect(view(p.ledger)).toEqual(view(rebuildLedger(home, ctx).ledger));
      p.close();
      expect(readFileSync(snapshotPath(home))).toEqual(whole);
    }
    expect(readdirSync(home).filter((n) => n.includes('corrupt'))).toHaveLength(damaged.length);
  });

  test('rows are read where they lie in the file, aligned to 8 bytes, and survive a round trip exactly', () => {
    const c = clock(NOW);
    const p = open(home, decks, c.now);
    p.close();
    const bytes = readFileSync(snapshotPath(home));
    const nl = bytes.indexOf(10);
    const rowsAt = (nl + 8) & ~7;
    expect(bytes.length - rowsAt).toBe(59 * 13 * 8);
    expect(bytes.subarray(nl + 1, rowsAt).every((b) => b === 0)).toBe(true);
    const back = decodeSnapshot(bytes);
    expect(view(back)).toEqual(view(p.ledger));
    const h = header();
    expect(encodeSnapshot(back, h.log, params, h.keys)).toEqual(bytes);
  });
});
