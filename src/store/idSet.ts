/**
 * A set of entry ids in typed arrays and a few long strings, for a merge of a million-entry
 * progress file: each id gets a number (its insertion index) that callers hang flags and digests
 * on. Exact: a lookup compares the id's characters, the hash only finds where to look. Why: a
 * `Map`/`Set` of a million short strings (plus the Set the append pass kept) took the import of a
 * 1M-entry file to ~460 MB; this holds the same ids in ~30 MB.
 */

/** Ids per joined string. */
const SEGMENT = 4096;

export class IdSet {
  /** Open addressing: index + 1 of the id in each slot, 0 = empty. */
  private slots = new Int32Array(1 << 12);
  private hashes = new Uint32Array(1 << 10);
  private starts = new Uint32Array(1 << 10);
  private lengths = new Uint32Array(1 << 10);
  /** Joined ids of full segments, and the ids of the one being filled. */
  private readonly segments: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  size = 0;

  /** The id's number, or -1. */
  indexOf(id: string): number {
    const h = hashOf(id);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s]!;
      if (v === 0) return -1;
      if (this.hashes[v - 1] === h && this.equals(v - 1, id)) return v - 1;
    }
  }

  has(id: string): boolean {
    return this.indexOf(id) >= 0;
  }

  /** The id's number, added when new. */
  add(id: string): number {
    const h = hashOf(id);
    let mask = this.slots.length - 1;
    let s = h & mask;
    for (; ; s = (s + 1) & mask) {
      const v = this.slots[s]!;
      if (v === 0) break;
      if (this.hashes[v - 1] === h && this.equals(v - 1, id)) return v - 1;
    }
    const i = this.size++;
    if (i >= this.hashes.length) this.growArrays();
    this.hashes[i] = h;
    this.starts[i] = this.pendingLength;
    this.lengths[i] = id.length;
    this.pending.push(id);
    this.pendingLength += id.length;
    if (this.pending.length === SEGMENT) {
      this.segments.push(this.pending.join(''));
      this.pending = [];
      this.pendingLength = 0;
    }
    if (this.size * 2 > this.slots.length) {
      this.rehash();
      mask = this.slots.length - 1;
      for (s = h & mask; this.slots[s] !== 0; s = (s + 1) & mask);
    }
    this.slots[s] = i + 1;
    return i;
  }

  /** The id numbered `i`. */
  idAt(i: number): string {
    const seg = i / SEGMENT >>> 0;
    return seg < this.segments.length ? this.segments[seg]!.slice(this.starts[i], this.starts[i]! + this.lengths[i]!) : this.pending[i % SEGMENT]!;
  }

  private equals(i: number, id: string): boolean {
    if (this.lengths[i] !== id.length) return false;
    const seg = i / SEGMENT >>> 0;
    if (seg < this.segments.length) return this.segments[seg]!.startsWith(id, this.starts[i]);
    return this.pending[i % SEGMENT] === id;
  }

  private growArrays(): void {
    const grow = <T extends Uint32Array>(a: T): T => {
      const b = new Uint32Array(a.length * 2) as T;
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.size - 1; i++) {
      let s = this.hashes[i]! & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 code units, then a final mix (ids share long prefixes). Also index.bin's id hash. */
export function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A growable Uint32Array: one number per id (a digest) or flags. */
export class U32List {
  a = new Uint32Array(1 << 10);
  get(i: number): number {
    return this.a[i] ?? 0;
  }
  set(i: number, v: number): void {
    if (i >= this.a.length) {
      const b = new Uint32Array(Math.max(this.a.length * 2, i + 1));
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = v;
  }
}

/** The ids of a set but those marked in `out` (a merge plan's new entries). */
export class IdsExcept {
  readonly size: number;
  constructor(
    private readonly ids: IdSet,
    private readonly out: Uint8Array,
    excluded: number,
  ) {
    this.size = ids.size - excluded;
  }

  /** The id's number in the underlying set (below `span`), or -1 when it is not one of these. */
  indexOf(id: string): number {
    const i = this.ids.indexOf(id);
    return i >= 0 && !this.out[i] ? i : -1;
  }

  /** Numbers are below this. */
  get span(): number {
    return this.ids.size;
  }

  *[Symbol.iterator](): Generator<string> {
    for (let i = 0; i < this.ids.size; i++) if (!this.out[i]) yield this.ids.idAt(i);
  }
}
