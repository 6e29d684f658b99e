/** Decks and a clock for store tests. */
import type { Card, LoadedDeck } from '../../src/core/deck/types.js';
import { openProgress } from '../../src/store/progress.js';

export function deck(id: string, n: number, opts: { reversible?: number; tags?: (i: number) => string[] } = {}): LoadedDeck {
  const cards: Card[] = [];
  for (let i = 0; i < n; i++) {
    const cid = `${id}-${String(i).padStart(4, '0')}`;
    const tags = opts.tags?.(i);
    cards.push(i < (opts.reversible ?? 0) ? { id: cid, type: 'reversible', front: `앞 ${i}`, back: `뒤 ${i}`, ...(tags ? { tags } : {}) } : { id: cid, type: 'basic', front: `질문 ${i}`, back: `답 ${i}`, ...(tags ? { tags } : {}) });
  }
  return { deck: { id, title: `Deck ${id}`, description: '', language: 'ko', cards }, file: `${id}.json`, origin: 'user', contentHash: 'x' };
}

/** A settable clock. */
export function clock(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (s: string) => {
      t = new Date(s).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export const MIN = 60_000;
export const DAY = 86_400_000;

export function open(home: string, decks: LoadedDeck[], now: () => Date) {
  return openProgress({ home, decks, now, fuzz: false });
}
