/** IdSet (a merge's compact set of entry ids) answers as a Set of the same strings does. */
import { describe, expect, test } from 'vitest';
import { IdSet } from '../../src/store/idSet.js';

describe('IdSet', () => {
  test('100k ids with repeats, prefixes of each other and non-ASCII: the same membership, size and stable numbers as a Set', () => {
    const ids = new IdSet();
    const ref = new Map<string, number>();
    let seed = 9;
    const rand = () => (seed = (seed * 16807) % 2147483647);
    const make = () => {
      const r = rand();
      if (r % 5 === 0) return `g${r % 3000}`; // many repeats, and prefixes of longer ids
      if (r % 7 === 0) return `카드-${r % 50_000}`;
      return `${(r % 1e9).toString(36).padStart(9, '0')}-${rand().toString(16)}`;
    };
    for (let n = 0; n < 100_000; n++) {
      const id = make();
      const i = ids.add(id);
      if (!ref.has(id)) ref.set(id, ref.size);
      expect(i).toBe(ref.get(id));
    }
    expect(ids.size).toBe(ref.size);
    for (const [id, i] of ref) expect(ids.indexOf(id)).toBe(i);
    for (let n = 0; n < 20_000; n++) {
      const id = `${make()}x`;
      expect(ids.has(id)).toBe(ref.has(id));
    }
    expect(ids.has('')).toBe(false);
    expect(ids.has('g1')).toBe(ref.has('g1'));
  });
});
