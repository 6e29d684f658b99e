/**
 * The candidate stage's data: every distinct word of every deck (keyed by its jamo), where it occurs,
 * and buckets by first letters so a prefix lookup reads a few hundred words, not all of them.
 * Built by merging the per-deck derived data, so nothing here re-reads card text.
 */
import type { DeckDerived } from './derive.js';

export class Vocabulary {
  readonly words: string[] = [];
  readonly jamo: string[] = [];
  readonly cho: string[] = [];
  /** Word ids that are real words (not compounds): the ones scanned for infixes and typos. */
  readonly base: number[] = [];
  /** Per word: its postings in each deck, as [deck index, postings list] pairs. */
  readonly places: Array<Array<[number, number[]]>> = [];
  private readonly byJamo = new Map<string, number>();
  private readonly byFirst = new Map<string, number[]>();
  private readonly byFirstTwo = new Map<string, number[]>();
  /** Compounds by their first two jamo: only a query longer than a word can need one. */
  private readonly compoundsByFirstTwo = new Map<string, number[]>();
  private readonly compoundsByFirstTwoCho = new Map<string, number[]>();
  private readonly byFirstCho = new Map<string, number[]>();
  private readonly compoundOnly = new Set<number>();
  /** Per word: the query pass that last visited it (cheaper than a Set per pass). */
  private stamps = new Uint32Array(0);
  private pass = 0;

  add(deckIndex: number, d: DeckDerived): void {
    for (let i = 0; i < d.words.length; i++) {
      const jamo = d.jamo[i]!;
      let id = this.byJamo.get(jamo);
      if (id === undefined) {
        id = this.words.length;
        this.byJamo.set(jamo, id);
        this.words.push(d.words[i]!);
        this.jamo.push(jamo);
        const cho = d.cho[i]!;
        this.cho.push(cho);
        this.places.push([]);
        if (i < d.baseCount) {
          this.base.push(id);
          this.indexPrefixes(id);
        } else {
          this.compoundOnly.add(id);
          push(this.compoundsByFirstTwo, jamo.slice(0, 2), id);
          if (cho !== jamo) push(this.compoundsByFirstTwoCho, cho.slice(0, 2), id);
        }
      } else if (i < d.baseCount && this.compoundOnly.delete(id)) {
        // A compound in one deck, a plain word in another: a plain word from now on.
        this.base.push(id);
        this.indexPrefixes(id);
      }
      this.places[id]!.push([deckIndex, d.postings[i]!]);
    }
  }

  private indexPrefixes(id: number): void {
    const jamo = this.jamo[id]!;
    const cho = this.cho[id]!;
    push(this.byFirst, jamo.slice(0, 1), id);
    if (jamo.length > 1) push(this.byFirstTwo, jamo.slice(0, 2), id);
    if (cho !== jamo) push(this.byFirstCho, cho.slice(0, 1), id);
  }

  /** Start a pass over words; `visit(id)` is then true once per word. */
  beginPass(): void {
    if (this.stamps.length < this.words.length) this.stamps = new Uint32Array(this.words.length);
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

  get size(): number {
    return this.words.length;
  }

  exact(jamo: string): number | undefined {
    return this.byJamo.get(jamo);
  }

  /** Plain word ids whose jamo may start with `prefix` (a superset: callers check startsWith). */
  prefixBucket(prefix: string): readonly number[] {
    if (prefix.length === 0) return [];
    return (prefix.length === 1 ? this.byFirst.get(prefix) : this.byFirstTwo.get(prefix.slice(0, 2))) ?? [];
  }

  /** Compound ids whose jamo may start with `prefix` (two letters or more). */
  compoundBucket(prefix: string): readonly number[] {
    return (prefix.length >= 2 && this.compoundsByFirstTwo.get(prefix.slice(0, 2))) || [];
  }

  /** Compound ids containing Hangul whose initial consonants may start with `prefix` (two letters or more). */
  choCompoundBucket(prefix: string): readonly number[] {
    return (prefix.length >= 2 && this.compoundsByFirstTwoCho.get(prefix.slice(0, 2))) || [];
  }

  /** Plain word ids containing Hangul whose initial consonants start with `first`. */
  choBucket(first: string): readonly number[] {
    return this.byFirstCho.get(first) ?? [];
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
