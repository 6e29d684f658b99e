/**
 * The candidate stage's data: every distinct word of every deck (keyed by its jamo), where it occurs,
 * buckets by first letters so a prefix lookup reads a few hundred words, not all of them, and the word
 * pairs written apart, listed under their first word. Built by merging the per-deck derived data into
 * flat arrays (postings as global `card * FIELD_SLOTS + field`), so nothing here re-reads card text.
 *
 * Ids: 0 … size-1 are words; size + e is pair entry e (a pair of one deck; the same pair in two decks
 * is two entries, which only costs a second look).
 */
import { FIELD_SLOTS, type DeckDerived } from './derive.js';

export class Vocabulary {
  readonly jamo: string[] = [];
  readonly cho: string[] = [];
  /** Postings of word or pair entry id: postings[postStart[id] … postStart[id + 1]). */
  readonly postStart: Int32Array;
  readonly postings: Int32Array;
  /** Per card: distinct words in its front (saturating at 255), so a short front can be preferred before ranking. */
  readonly frontWords: Uint8Array;
  /** Pair entry e: its first and second word; pairsByFirst lists entries under their first word. */
  private readonly pairFirst: Int32Array;
  readonly pairSecond: Int32Array;
  private readonly pairFirstStart: Int32Array;
  private readonly pairsByFirst: Int32Array;
  private readonly byJamo = new Map<string, number>();
  private readonly byFirst = new Map<number, number[]>();
  private readonly byFirstTwo = new Map<number, number[]>();
  private readonly byFirstCho = new Map<number, number[]>();
  /** Per word: the query pass that last visited it (cheaper than a Set per pass). */
  private stamps = new Uint32Array(0);
  private pass = 0;

  /** Merge decks; `cardBase[i]` is the global index of deck i's first card. */
  constructor(decks: DeckDerived[], cardBase: number[], cards: number) {
    const gids = decks.map((d) => this.addWords(d));
    const words = this.jamo.length;
    // Sizes first, then one pass copying each deck's postings to their place.
    const wordSizes = new Int32Array(words);
    let pairEntries = 0;
    let total = 0;
    decks.forEach((d, k) => {
      const g = gids[k]!;
      for (let i = 0; i < g.length; i++) wordSizes[g[i]!]! += d.postStart[i + 1]! - d.postStart[i]!;
      pairEntries += d.pairs.length / 2;
      total += d.postings.length;
    });
    const postStart = new Int32Array(words + pairEntries + 1);
    const postings = new Int32Array(total);
    const cursor = new Int32Array(words);
    const frontWords = new Uint8Array(cards);
    let pos = 0;
    for (let w = 0; w < words; w++) {
      postStart[w] = cursor[w] = pos;
      pos += wordSizes[w]!;
    }
    const pairFirst = new Int32Array(pairEntries);
    const pairSecond = new Int32Array(pairEntries);
    let e = 0;
    decks.forEach((d, k) => {
      const g = gids[k]!;
      const shift = cardBase[k]! * FIELD_SLOTS;
      for (let i = 0; i < g.length; i++) {
        let at = cursor[g[i]!]!;
        for (let p = d.postStart[i]!; p < d.postStart[i + 1]!; p++) {
          const posting = d.postings[p]! + shift;
          postings[at++] = posting;
          // Field 0 is the front (FIELD_SLOTS is 4).
          if ((posting & 3) === 0 && frontWords[posting >>> 2]! < 255) frontWords[posting >>> 2]!++;
        }
        cursor[g[i]!] = at;
      }
      for (let j = 0; j < d.pairs.length / 2; j++, e++) {
        pairFirst[e] = g[d.pairs[2 * j]!]!;
        pairSecond[e] = g[d.pairs[2 * j + 1]!]!;
        postStart[words + e] = pos;
        for (let p = d.postStart[g.length + j]!; p < d.postStart[g.length + j + 1]!; p++) postings[pos++] = d.postings[p]! + shift;
      }
    });
    postStart[words + pairEntries] = pos;
    this.postStart = postStart;
    this.frontWords = frontWords;
    this.postings = postings;
    this.pairFirst = pairFirst;
    this.pairSecond = pairSecond;
    // Pair entries grouped by their first word (counting sort).
    const firstStart = new Int32Array(words + 1);
    for (const f of pairFirst) firstStart[f + 1]!++;
    for (let w = 0; w < words; w++) firstStart[w + 1]! += firstStart[w]!;
    const fill = firstStart.slice(0, words);
    const byFirst = new Int32Array(pairEntries);
    for (let j = 0; j < pairEntries; j++) byFirst[fill[pairFirst[j]!]!++] = j;
    this.pairFirstStart = firstStart;
    this.pairsByFirst = byFirst;
  }

  /** The deck's words as global ids, adding the new ones. */
  private addWords(d: DeckDerived): Int32Array {
    const g = new Int32Array(d.jamo.length);
    for (let i = 0; i < d.jamo.length; i++) {
      const jamo = d.jamo[i]!;
      let id = this.byJamo.get(jamo);
      if (id === undefined) {
        id = this.jamo.length;
        this.byJamo.set(jamo, id);
        this.jamo.push(jamo);
        const cho = d.cho[i]!;
        this.cho.push(cho);
        push(this.byFirst, jamo.charCodeAt(0), id);
        if (jamo.length > 1) push(this.byFirstTwo, twoKey(jamo), id);
        if (cho !== jamo) push(this.byFirstCho, cho.charCodeAt(0), id);
      }
      g[i] = id;
    }
    return g;
  }

  /** Start a pass over words; `firstVisit(id)` is then true once per word. */
  beginPass(): void {
    if (this.stamps.length < this.jamo.length) this.stamps = new Uint32Array(this.jamo.length);
    this.pass = (this.pass + 1) >>> 0;
    if (this.pass === 0) {
      this.stamps.fill(0);
      this.pass = 1;
    }
  }

  firstVisit(id: number): boolean {
    if (this.stamps[id] === this.pass) return false;
    this.stamps[id] = this.pass;
    return true;
  }

  /** Number of words (pair entries come after them in the id space). */
  get size(): number {
    return this.jamo.length;
  }

  exact(jamo: string): number | undefined {
    return this.byJamo.get(jamo);
  }

  /** Word ids whose jamo may start with `prefix` (a superset: callers check startsWith). */
  prefixBucket(prefix: string): readonly number[] {
    if (prefix.length === 0) return [];
    return (prefix.length === 1 ? this.byFirst.get(prefix.charCodeAt(0)) : this.byFirstTwo.get(twoKey(prefix))) ?? [];
  }

  /** Word ids containing Hangul whose initial consonants start with `first`. */
  choBucket(first: string): readonly number[] {
    return this.byFirstCho.get(first.charCodeAt(0)) ?? [];
  }

  /** Pair entries whose first word is `word`, as a range of pairsByFirst. */
  pairsOf(word: number): { list: Int32Array; start: number; end: number } {
    return { list: this.pairsByFirst, start: this.pairFirstStart[word]!, end: this.pairFirstStart[word + 1]! };
  }

  /** The jamo of a word or a pair entry (a pair's is built on demand: only typo corrections ask). */
  jamoOf(id: number): string {
    if (id < this.jamo.length) return this.jamo[id]!;
    const e = id - this.jamo.length;
    return this.jamo[this.pairFirst[e]!]! + this.jamo[this.pairSecond[e]!]!;
  }
}

/** Bucket key of a word's first two letters (one number: no string is built). */
function twoKey(s: string): number {
  return s.charCodeAt(0) * 65536 + s.charCodeAt(1);
}

function push(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
