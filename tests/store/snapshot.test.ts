process.env.TZ = 'Asia/Seoul';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpHome } from '../helpers/tmpHome.js';
import { ledgerContext } from '../../src/core/schedule/context.js';
import { ItemTable } from '../../src/core/schedule/itemTable.js';
import type { Ledger } from '../../src/core/schedule/ledger.js';
import { DEFAULT_SETTINGS } from '../../src/core/schedule/types.js';
import { loadLedger, rebuildLedger } from '../../src/store/ledgerStore.js';
import { paramsKey, readSnapshot, SNAPSHOT_FORMAT, snapshotPath } from '../../src/store/snapshot.js';
import { clock, deck, open } from './fixtures.js';

/**
 * `snapshot-v2/` was written by amgi with snapshot format 2 (one tuple per item) from a log of
 * 132 entries: answers over 4 decks, cram answers, suspend, bury, an interview-plan answer and an
 * undo; 40 cards are outside the undo window (no undo data), 19 inside it.
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

const file = () => JSON.parse(readFileSync(snapshotPath(home), 'utf8'));
/** Five 'old' cards were never studied: the session reaches new cards too. */
const decks = [deck('old', 45), deck('mid', 10), deck('v2', 7, { reversible: 1 }), deck('other', 1)];

describe('snapshot formats', () => {
  test('a format-2 snapshot is still read, and equals a replay of the log', () => {
    expect(file().format).toBe(2);
    const r = readSnapshot(home, params);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.outdated).toBe(true);
    const full = rebuildLedger(home, ctx);
    expect(r.offset).toBe(full.offset);
    expect(view(r.ledger)).toEqual(view(full.ledger));
    expect(r.ledger.recent).toEqual(full.ledger.recent);
  });

  test('opening a format-2 store rewrites the snapshot in the current format, keeping states and undo', () => {
    const c = clock(NOW);
    const p = open(home, decks, c.now);
    expect(p.notices).toEqual([]);
    const f = file();
    expect(f.format).toBe(SNAPSHOT_FORMAT);
    expect(f.items.keys).toHaveLength(59);
    // Only the cards inside the undo window or with flags carry per-item fields.
    expect(f.items.more.length).toBeLessThan(30);
    const full = rebuildLedger(home, ctx).ledger;
    expect(view(p.ledger)).toEqual(view(full));

    // The next open reads the new format as it is: no rebuild, nothing to rewrite.
    const load = loadLedger(home, ctx, params, c.now);
    expect(load).toMatchObject({ rebuilt: false, resave: false, replayed: 0, notices: [] });
    expect(load.ledger.items).toBeInstanceOf(ItemTable);
    expect(view(load.ledger)).toEqual(view(full));

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
    open(home, decks, c.now).close(); // now format 3
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

  test('a snapshot with damaged columns is stale: rebuilt from the log, not moved aside', () => {
    const c = clock(NOW);
    open(home, decks, c.now).close();
    const f = file();
    f.items.st = f.items.st.slice(1);
    writeFileSync(snapshotPath(home), JSON.stringify(f));
    expect(readSnapshot(home, params)).toMatchObject({ kind: 'stale' });
    const p = open(home, decks, c.now);
    expect(view(p.ledger)).toEqual(view(rebuildLedger(home, ctx).ledger));
    expect(file().items.st).toHaveLength(59);
    expect(readdirSync(home).some((n) => n.includes('corrupt'))).toBe(false);
  });
});
