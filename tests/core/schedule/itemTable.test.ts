import { describe, expect, test } from 'vitest';
import { ItemTable, peekItem, ROW_WIDTH, type ItemRows } from '../../../src/core/schedule/itemTable.js';
import { newItemState, type ItemState } from '../../../src/core/schedule/ledger.js';

/** Rows for keys a, b, c: a has no last review / study day (NaN), b and c have both. */
function rows(): ItemRows {
  const v = new Float64Array(3 * ROW_WIDTH);
  // deck, due, s, d, el, sch, step, reps, lapses, st, last, ld
  v.set([0, 1000, 1.5, 5.25, 0, 0, 1, 1, 0, 1, NaN, NaN, NaN], 0);
  v.set([1, 2000, 12.3, 4.5, 3, 9, 0, 4, 1, 2, 1500, 20500, NaN], ROW_WIDTH);
  v.set([0, 3000, 2.5, 6, 1, 2, 0, 2, 0, 3, 2500, 20501, NaN], 2 * ROW_WIDTH);
  return { keys: ['a', 'b', 'c'], decks: ['x', 'y'], rows: v };
}

const B: ItemState = { deck: 'y', due: 2000, s: 12.3, d: 4.5, el: 3, sch: 9, step: 0, reps: 4, lapses: 1, st: 2, last: 1500, ld: 20500 };

describe('ItemTable', () => {
  test('reads rows as the states a replay builds (absent last / ld are left out)', () => {
    const t = new ItemTable(rows());
    expect(t.size).toBe(3);
    expect(t.get('b')).toEqual(B);
    const a = t.get('a')!;
    expect('last' in a || 'ld' in a).toBe(false);
    expect(t.get('a')).toBe(a); // built once, then the same object
    expect(t.get('zzz')).toBeUndefined();
    expect(Object.fromEntries(t)).toEqual({ a, b: B, c: t.get('c') });
  });

  test('peek reads a row without building it; the scratch object is reused', () => {
    const t = new ItemTable(rows());
    const p = t.peek('b')!;
    // A view: its fields are read from the row when asked for.
    const fields = (s: ItemState) => Object.fromEntries(Object.keys(B).map((k) => [k, s[k as keyof ItemState]]));
    expect(fields(p)).toEqual({ ...B });
    expect(p.susp).toBeUndefined();
    expect(t.peek('c')).toBe(p); // same scratch object, now holding c
    expect(p.due).toBe(3000);
    expect(t.peek('a')!.last).toBeUndefined();
    // After a set, peek returns the stored object, not the scratch.
    const mine = { ...newItemState('x'), due: 7 };
    t.set('b', mine);
    expect(t.peek('b')).toBe(mine);
    expect(peekItem(t, 'b')).toBe(mine);
    expect(peekItem(new Map([['b', mine]]), 'b')).toBe(mine);
  });

  test('set, delete and has follow Map semantics across rows and new keys', () => {
    const t = new ItemTable(rows(), [[2, { ...newItemState('x'), susp: true }]]);
    expect(t.get('c')?.susp).toBe(true);
    expect(t.size).toBe(3);
    expect(t.delete('a')).toBe(true);
    expect(t.delete('a')).toBe(false);
    expect(t.has('a')).toBe(false);
    expect(t.get('a')).toBeUndefined();
    expect(t.peek('a')).toBeUndefined();
    expect(t.size).toBe(2);
    const n = newItemState('y');
    t.set('new', n);
    t.set('a', n); // a deleted row can come back
    expect(t.size).toBe(4);
    expect([...t.keys()]).toEqual(['a', 'b', 'c', 'new']);
    expect(t.delete('new')).toBe(true);
    expect(t.has('new')).toBe(false);
    expect(t.size).toBe(3);
    const seen: string[] = [];
    t.forEach((_, k) => seen.push(k));
    expect(seen).toEqual(['a', 'b', 'c']);
    expect([...t.values()]).toHaveLength(3);
    t.clear();
    expect(t.size).toBe(0);
    expect(t.get('b')).toBeUndefined();
  });

  test('rawEntries gives rows not yet built as row numbers', () => {
    const t = new ItemTable(rows());
    t.get('b');
    t.set('z', newItemState('x'));
    expect([...t.rawEntries()].map(([k, v]) => [k, typeof v === 'number' ? v : 'object'])).toEqual([
      ['a', 0],
      ['b', 'object'],
      ['c', 2],
      ['z', 'object'],
    ]);
  });

  test('refuses rows that do not match the keys', () => {
    expect(() => new ItemTable({ keys: ['a', 'a', 'c'], decks: ['x', 'y'], rows: rows().rows })).toThrow(/duplicate/);
    expect(() => new ItemTable({ keys: ['a', 'b'], decks: ['x', 'y'], rows: rows().rows })).toThrow(/differ/);
  });
});
