/**
 * Score arrays of the search engine: one slot per card (lower is better, NONE for "not found"),
 * reused through a pool, combined with AND and OR, and cut to the best few.
 */

export const NONE = 100;

/** Card index → score, listing each card once. */
export interface Scores {
  score: Float64Array;
  cards: number[];
  /** For a query word found only with typos: the closest words (jamo), what the user probably meant. */
  corrected?: string[];
}

/** A score in a tier (0 exact word, 1 prefix, 2 typo) plus the place within it, below 1. */
export function within(tier: number, frac: number): number {
  return tier + Math.min(0.99, frac);
}

/**
 * Score arrays (one slot per card, all NONE) to reuse: at 100k cards each is 800 kB, and allocating
 * several per keystroke drove the garbage collector into pauses. Temporaries go back at the end of
 * a search (releaseTemps), like part-cache entries dropped during it (the search may still hold them).
 */
export class ScorePool {
  private readonly free: Float64Array[] = [];
  private readonly temps: Scores[] = [];

  constructor(private readonly cardCount: number) {}

  /** A score array of NONE, reused if one is free. */
  scores(): Scores {
    return { score: this.free.pop() ?? new Float64Array(this.cardCount).fill(NONE), cards: [] };
  }

  /** A temporary for this search only. */
  temp(): Scores {
    const s = this.scores();
    this.temps.push(s);
    return s;
  }

  /** Give these back at the end of the current search. */
  releaseLater(list: Iterable<Scores>): void {
    this.temps.push(...list);
  }

  releaseTemps(): void {
    for (const s of this.temps) {
      for (const c of s.cards) s.score[c] = NONE;
      this.free.push(s.score);
    }
    this.temps.length = 0;
  }
}

/** AND over lists of scores (all must hold), adding `cost` to each. */
export function allOf(pool: ScorePool, lists: Scores[], cost: number): Scores {
  if (lists.length === 1 && cost === 0) return lists[0]!;
  const smallest = lists.reduce((a, b) => (b.cards.length < a.cards.length ? b : a));
  const out = pool.temp();
  const { score, cards } = out;
  // The `both` rule inlined: this loop runs once per candidate card, allocation-free.
  outer: for (const c of smallest.cards) {
    let tier = 0;
    let frac = 0;
    for (const l of lists) {
      const v = l.score[c]!;
      if (v >= NONE) continue outer;
      const t = Math.floor(v);
      if (t > tier) tier = t;
      frac += v - t;
    }
    score[c] = within(tier, frac / lists.length + cost);
    cards.push(c);
  }
  return out;
}

/** The same cards, none in a better tier than `tier`: each keeps its place within its tier. */
export function atLeastTier(pool: ScorePool, list: Scores, tier: number): Scores {
  const out = pool.temp();
  for (const c of list.cards) {
    const v = list.score[c]!;
    const t = Math.floor(v);
    out.score[c] = t >= tier ? v : within(tier, v - t);
    out.cards.push(c);
  }
  return out;
}

/** OR: the best score of any list. */
export function anyOf(pool: ScorePool, lists: Scores[]): Scores {
  if (lists.length === 1) return lists[0]!;
  const out = pool.temp();
  const { score, cards } = out;
  for (const l of lists) {
    for (const c of l.cards) {
      const s = l.score[c]!;
      if (s >= score[c]!) continue;
      if (score[c] === NONE) cards.push(c);
      score[c] = s;
    }
  }
  return out;
}

/** The `n` lowest-scored cards (ties by card order). Scores lie in [0, 3): a histogram finds the cut in linear time. */
export function bestCards(cards: number[], score: Float64Array, n: number): number[] {
  const order = (a: number, b: number) => score[a]! - score[b]! || a - b;
  if (cards.length <= n) return [...cards].sort(order);
  const BUCKETS = 300;
  const counts = new Uint32Array(BUCKETS + 1);
  const bucket = (c: number) => Math.min(BUCKETS, Math.floor((score[c]! * BUCKETS) / 3));
  for (const c of cards) counts[bucket(c)]!++;
  let cut = 0;
  for (let seen = 0; cut <= BUCKETS && seen + counts[cut]! < n; cut++) seen += counts[cut]!;
  return cards.filter((c) => bucket(c) <= cut).sort(order).slice(0, n);
}
