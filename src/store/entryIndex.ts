/**
 * Where each card's entries are in the review log (byte offsets, file order), so that an undo
 * or an older entry merged from another machine refolds one card from its own lines instead of
 * replaying the whole history. Kept in `index.bin` beside state.bin: a cache, checked against
 * the log with the same proof as the snapshot, extended by scanning the log past its end, and
 * rebuilt by a scan when missing or stale. Read only when a refold or a merge needs it: start-up
 * and `amgi status` never open it.
 *
 * Besides the offsets it keeps, per entry, a 32-bit hash of its id (of its target's, for an
 * undo): a merge asks "is this id here already?" of the hashes and reads only the lines that
 * match. And checkpoints: a card's state after its first entries up to an offset, every
 * CHECKPOINT_EVERY entries, so that an entry merged a month back refolds from the checkpoint
 * before it rather than from the card's first answer (see `checkpointFor`).
 *
 * Format: one JSON header line ({format, log: LogProof, params, keys, counts, tail, decks, more}), then
 * at the next multiple of 8 bytes, little-endian: the offsets (Float64, key after key in header
 * order, `counts` each), the checkpoints' offsets and state rows (ItemRows), the tail's offsets
 * (entries added since the last grouping, in file order: `tail` of them), then as Uint32 the id
 * hashes (as the offsets), the checkpoints' key numbers (DEAD: dropped), the tail's hashes and
 * key numbers. Why a tail: saving after a merge of 1k entries writes the arrays as they are,
 * with no regrouping of a million offsets (the grouping waits until the tail is long).
 */
import { readFileSync, rmSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ItemState, Ledger } from '../core/schedule/ledger.js';
import { FIELD, ROW_WIDTH, rowState, writeRow } from '../core/schedule/itemTable.js';
import { DAYS_KEY, type LogEntry, type UndoEntry } from '../core/schedule/types.js';
import { writeFileAtomic } from './atomicFile.js';
import { hashOf } from './idSet.js';
import { scanLog } from './log.js';
import { extrasOf, logProof, type LogProof } from './snapshot.js';

const INDEX_FILE = 'index.bin';
/** 2: id hashes and checkpoints. A file of another format is rebuilt, never read. */
const INDEX_FORMAT = 2;
/** A checkpoint every this many entries of a card: a refold reads about half of it plus what follows. */
export const CHECKPOINT_EVERY = 16;

/** The index's id hash (a match is confirmed by reading the line); another function needs a new INDEX_FORMAT. */
export const idHash = hashOf;

/** The hash the index keeps for an entry: its id's, or for an undo its target's (see checkpointFor). */
export const entryHash = (e: LogEntry): number => idHash(e.op === 'undo' ? e.target : e.id);

/** One card's entries: offsets in file order and their hashes, same length. */
export interface CardEntries {
  off: Float64Array;
  hash: Uint32Array;
}

/** A card's state after its entries up to and including the one at `upto`. */
export interface Checkpoint {
  upto: number;
  state: ItemState;
}

/** Entries added since the grouped arrays were built; past this they are merged in. */
const TAIL_LIMIT = 4096;

/** The key number of a dropped checkpoint. */
const DEAD = 0xffffffff;

const grow = <T extends Float64Array | Uint32Array | Int32Array>(a: T, need: number): T => {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, Math.ceil(a.length * 1.5), 1024));
  b.set(a);
  return b;
};

/** Byte offsets of each card's entries in the log, in file order, up to `end`. */
export class EntryIndex {
  private readonly keyList: string[] = [];
  private readonly keyNo = new Map<string, number>();
  /** Entries per key (grouped and tail). */
  private count = new Int32Array(0);
  /** Grouped: key k's entries are at [start[k], start[k + 1]) of off/hash; keys past start's end have none. */
  private start = new Float64Array(1);
  private off = new Float64Array(0);
  private hash = new Uint32Array(0);
  /** Per key, the numbers of its tail entries (built when first asked for). */
  private tailOf?: Map<number, number[]>;
  /** Added since grouping, in the order added. */
  private tOff = new Float64Array(0);
  private tHash = new Uint32Array(0);
  private tKey = new Uint32Array(0);
  private tn = 0;
  /** Keys with an entry inserted before others of theirs (an old keyless undo found later). */
  private readonly unsorted = new Set<number>();
  /** Checkpoints: per key, in `upto` order, numbers into the arrays below (built when first asked for); a dropped one leaves its row unused. */
  private byKeyCps?: Map<number, number[]>;
  /** Dropped checkpoints (their key number is DEAD), left in the arrays until there are many. */
  private dead = 0;
  private cpUpto = new Float64Array(0);
  private cpRows = new Float64Array(0);
  private cpKey = new Uint32Array(0);
  private cpN = 0;
  private readonly cpMore = new Map<number, Partial<ItemState>>();
  private readonly decks: string[] = [];
  private readonly deckNo = new Map<string, number>();
  /** Checkpoints added or dropped since read: saving is not skipped. */
  private changed = false;
  /** The scheduler settings (LedgerContext.params) the checkpoints were folded under. */
  private params = '';
  /** The `end` index.bin had when this was read from it: saving the same again is skipped. */
  fileEnd?: number;
  constructor(public end = 0) {}

  private keyOf(key: string): number {
    let k = this.keyNo.get(key);
    if (k === undefined) {
      k = this.keyList.length;
      this.keyNo.set(key, k);
      this.keyList.push(key);
      if (k >= this.count.length) this.count = grow(this.count, k + 1);
    }
    return k;
  }

  /**
   * Record the entry at `offset`; its key's number (for noteApplied), or −1 when it is one before
   * `end`, which the index holds already. `insert`: it may lie before entries of its card already
   * here (an old keyless undo, found late).
   */
  add(key: string, offset: number, e: LogEntry, insert = false): number {
    if (offset < this.end && !insert) return -1;
    const k = this.keyOf(key);
    const h = entryHash(e);
    if (insert) {
      const own = this.entries(key);
      if (own.off.includes(offset)) return -1;
      if (own.off.length && offset < own.off[own.off.length - 1]!) {
        this.unsorted.add(k);
        // Checkpoints after it no longer hold all of their entries.
        this.dropCheckpointsAfter(key, offset);
      }
    }
    const n = this.tn++;
    if (n >= this.tOff.length) {
      this.tOff = grow(this.tOff, n + 1);
      this.tHash = grow(this.tHash, n + 1);
      this.tKey = grow(this.tKey, n + 1);
    }
    this.tOff[n] = offset;
    this.tHash[n] = h;
    this.tKey[n] = k;
    this.count[k]!++;
    if (this.tailOf) this.tailOf = undefined;
    return k;
  }

  /** Entries recorded for `key`. */
  size(key: string): number {
    const k = this.keyNo.get(key);
    return k === undefined ? 0 : this.count[k]!;
  }

  /** Merge the tail into the grouped arrays (a counting sort by key: file order is kept). */
  private group(): void {
    if (this.tn === 0 && this.unsorted.size === 0) return;
    const nk = this.keyList.length;
    const start = new Float64Array(nk + 1);
    for (let k = 0; k < nk; k++) start[k + 1] = start[k]! + this.count[k]!;
    const total = start[nk]!;
    const off = new Float64Array(total);
    const hash = new Uint32Array(total);
    const at = start.slice(0, nk);
    const old = this.start;
    for (let k = 0; k < old.length - 1; k++) {
      const a = old[k]!;
      const b = old[k + 1]!;
      off.set(this.off.subarray(a, b), at[k]!);
      hash.set(this.hash.subarray(a, b), at[k]!);
      at[k]! += b - a;
    }
    for (let i = 0; i < this.tn; i++) {
      const k = this.tKey[i]!;
      const j = at[k]!++;
      off[j] = this.tOff[i]!;
      hash[j] = this.tHash[i]!;
    }
    for (const k of this.unsorted) {
      const a = start[k]!;
      const b = start[k + 1]!;
      const order = Array.from({ length: b - a }, (_, i) => a + i).sort((x, y) => off[x]! - off[y]!);
      const o = order.map((i) => off[i]!);
      const h = order.map((i) => hash[i]!);
      off.set(o, a);
      hash.set(h, a);
    }
    this.unsorted.clear();
    Object.assign(this, { start, off, hash, tn: 0, tailOf: undefined });
  }

  /** `key`'s entries (views: valid until the next add). */
  entries(key: string): CardEntries {
    const k = this.keyNo.get(key);
    if (k === undefined) return { off: new Float64Array(0), hash: new Uint32Array(0) };
    if (this.tn > TAIL_LIMIT || this.unsorted.size) this.group();
    const a = k + 1 < this.start.length ? this.start[k]! : this.off.length;
    const b = k + 1 < this.start.length ? this.start[k + 1]! : this.off.length;
    if (this.tn === 0) return { off: this.off.subarray(a, b), hash: this.hash.subarray(a, b) };
    const n = this.count[k]!;
    const off = new Float64Array(n);
    const hash = new Uint32Array(n);
    off.set(this.off.subarray(a, b));
    hash.set(this.hash.subarray(a, b));
    if (!this.tailOf) {
      this.tailOf = new Map();
      for (let i = 0; i < this.tn; i++) {
        const list = this.tailOf.get(this.tKey[i]!);
        if (list) list.push(i);
        else this.tailOf.set(this.tKey[i]!, [i]);
      }
    }
    let j = b - a;
    for (const i of this.tailOf.get(k) ?? []) {
      off[j] = this.tOff[i]!;
      hash[j++] = this.tHash[i]!;
    }
    return { off, hash };
  }

  offsets(key: string): readonly number[] {
    return [...this.entries(key).off];
  }

  keys(): IterableIterator<string> {
    return this.keyNo.keys();
  }

  /**
   * Whether key number `k` (add's answer; −1: none) has a multiple of CHECKPOINT_EVERY entries: when its
   * newest was applied on the spot, noteApplied keeps its state. By number, and the state asked
   * for only then: a rebuild looked the key up twice more per entry.
   */
  checkpointDue(k: number): boolean {
    return k >= 0 && this.count[k]! % CHECKPOINT_EVERY === 0 && this.keyList[k] !== DAYS_KEY;
  }

  /** Keep `state`, the fold of key number `k`'s entries up to `offset` (see checkpointDue). A copy: the caller's object may be updated in place. */
  noteApplied(k: number, offset: number, state: ItemState | undefined): void {
    if (state !== undefined) this.addCheckpoint(k, offset, state);
  }

  /** Keep `state` as `key`'s fold of its entries up to `upto` (after a refold of all of them). */
  setCheckpoint(key: string, upto: number, state: ItemState | undefined): void {
    if (state === undefined || key === DAYS_KEY) return;
    const k = this.keyOf(key);
    const list = this.cps().get(k);
    if (list?.length && this.cpUpto[list[list.length - 1]!]! >= upto) return;
    this.addCheckpoint(k, upto, state);
  }

  private addCheckpoint(k: number, upto: number, state: ItemState): void {
    const c = this.cpN++;
    this.cpUpto = grow(this.cpUpto, c + 1);
    this.cpKey = grow(this.cpKey, c + 1);
    this.cpRows = grow(this.cpRows, (c + 1) * ROW_WIDTH);
    let d = this.deckNo.get(state.deck);
    if (d === undefined) {
      this.deckNo.set(state.deck, (d = this.decks.length));
      this.decks.push(state.deck);
    }
    writeRow(this.cpRows, c, state, d);
    const x = extrasOf(state);
    if (x) this.cpMore.set(c, x);
    this.cpUpto[c] = upto;
    this.cpKey[c] = k;
    if (this.byKeyCps) {
      const list = this.byKeyCps.get(k);
      if (list) list.push(c);
      else this.byKeyCps.set(k, [c]);
    }
    this.changed = true;
  }

  /** Each key's checkpoint numbers, in `upto` order (they are added in that order). */
  private cps(): Map<number, number[]> {
    if (this.byKeyCps) return this.byKeyCps;
    const m = new Map<number, number[]>();
    for (let c = 0; c < this.cpN; c++) {
      if (this.cpKey[c] === DEAD) continue;
      const list = m.get(this.cpKey[c]!);
      if (list) list.push(c);
      else m.set(this.cpKey[c]!, [c]);
    }
    return (this.byKeyCps = m);
  }

  private checkpointAt(c: number): Checkpoint {
    return { upto: this.cpUpto[c]!, state: Object.assign(rowState({ keys: [], decks: this.decks, rows: this.cpRows }, c), this.cpMore.get(c)) };
  }

  /** `key`'s checkpoints, oldest first. */
  checkpoints(key: string): Checkpoint[] {
    const k = this.keyNo.get(key);
    return (k === undefined ? [] : (this.cps().get(k) ?? [])).map((c) => this.checkpointAt(c));
  }

  /** `key`'s newest checkpoint up to an offset before `cut` whose newest entry is before time `at`. */
  checkpointBefore(key: string, cut: number, at: number): Checkpoint | undefined {
    const k = this.keyNo.get(key);
    const c = (k === undefined ? undefined : this.cps().get(k))?.findLast((c) => this.cpUpto[c]! < cut && this.cpRows[c * ROW_WIDTH + LA]! < at);
    return c === undefined ? undefined : this.checkpointAt(c);
  }

  /** Forget `key`'s checkpoints past the offset `upto`. */
  dropCheckpointsAfter(key: string, upto: number): void {
    const k = this.keyNo.get(key);
    const list = k === undefined ? undefined : this.cps().get(k);
    if (!list?.length || this.cpUpto[list[list.length - 1]!]! <= upto) return;
    const kept = list.filter((c) => this.cpUpto[c]! <= upto);
    for (let i = kept.length; i < list.length; i++) this.cpKey[list[i]!] = DEAD;
    this.dead += list.length - kept.length;
    this.changed = true;
    if (kept.length) this.cps().set(k!, kept);
    else this.cps().delete(k!);
  }

  /**
   * Use the checkpoints under these scheduler settings: ones folded under others (another
   * process's save racing a settings change, an index.bin from before settings were recorded)
   * are dropped, all of them; the offsets and hashes do not depend on settings and stay.
   */
  settle(params: string): void {
    if (params === this.params) return;
    this.params = params;
    this.cpMore.clear();
    Object.assign(this, { cpUpto: new Float64Array(0), cpRows: new Float64Array(0), cpKey: new Uint32Array(0), cpN: 0, dead: 0, byKeyCps: undefined, changed: true });
  }

  /** Whether the file would hold something index.bin does not. */
  get unsaved(): boolean {
    return this.changed || this.fileEnd !== this.end;
  }

  /** Keep only the live checkpoints (renumbered). */
  private compactCheckpoints(): void {
    const live: number[] = [];
    for (let c = 0; c < this.cpN; c++) if (this.cpKey[c] !== DEAD) live.push(c);
    const n = live.length;
    const upto = new Float64Array(n);
    const rows = new Float64Array(n * ROW_WIDTH);
    const cpKey = new Uint32Array(n);
    const more = new Map<number, Partial<ItemState>>();
    live.forEach((c, i) => {
      upto[i] = this.cpUpto[c]!;
      cpKey[i] = this.cpKey[c]!;
      rows.set(this.cpRows.subarray(c * ROW_WIDTH, (c + 1) * ROW_WIDTH), i * ROW_WIDTH);
      const x = this.cpMore.get(c);
      if (x) more.set(i, x);
    });
    this.cpMore.clear();
    for (const [i, x] of more) this.cpMore.set(i, x);
    Object.assign(this, { cpUpto: upto, cpRows: rows, cpKey, cpN: n, dead: 0, byKeyCps: undefined });
  }

  /**
   * The index file's bytes (parts to write in order: the arrays as they are, no copy), for a log
   * whose first `end` bytes `proof` describes.
   */
  encode(proof: LogProof): Uint8Array[] {
    if (this.tn > TAIL_LIMIT + this.off.length / 8 || this.unsorted.size) this.group();
    if (this.dead > this.cpN / 4) this.compactCheckpoints();
    const keys = this.keyList;
    const grouped = this.start.length - 1;
    const counts = keys.map((_, k) => (k < grouped ? this.start[k + 1]! - this.start[k]! : 0));
    const n = this.cpN;
    const tn = this.tn;
    const more: [number, Partial<ItemState>][] = [];
    for (const [c, x] of this.cpMore) if (c < n && this.cpKey[c] !== DEAD) more.push([c, x]);
    const parts = [this.off, this.cpUpto.subarray(0, n), this.cpRows.subarray(0, n * ROW_WIDTH), this.tOff.subarray(0, tn), this.hash, this.cpKey.subarray(0, n), this.tHash.subarray(0, tn), this.tKey.subarray(0, tn)].map(le);
    // A checksum of the arrays: a damaged offset or checkpoint row would otherwise be trusted
    // (a refold of the wrong lines, counters gone negative). ≈ 10 ms over 20 MB.
    // Empty parts skipped: Node 20's crc32 of a view of an empty ArrayBuffer returns 0, not the running value.
    const crc = parts.reduce((c, p) => (p.length ? crc32(p, c) : c), 0);
    const text = `${JSON.stringify({ format: INDEX_FORMAT, log: proof, params: this.params, keys, counts, tail: tn, decks: this.decks, more, crc })}\n`;
    const head = Buffer.alloc(align8(Buffer.byteLength(text)));
    head.write(text, 'utf8');
    return [head, ...parts];
  }

  static decode(bytes: Buffer): { index: EntryIndex; proof: LogProof } {
    const nl = bytes.indexOf(10);
    const h = JSON.parse(bytes.toString('utf8', 0, nl)) as { format: number; log: LogProof; params?: unknown; keys: string[]; counts: number[]; tail: number; decks: string[]; more: [number, Partial<ItemState>][]; crc: number };
    if (crc32(bytes.subarray(align8(nl + 1))) !== h.crc) throw new Error('index checksum');
    if (h.format !== INDEX_FORMAT || !Array.isArray(h.keys) || !Array.isArray(h.counts) || h.keys.length !== h.counts.length || !Number.isInteger(h.tail) || !Array.isArray(h.decks) || !Array.isArray(h.more)) throw new Error('not an index');
    const total = h.counts.reduce((a, b) => a + b, 0);
    const tn = h.tail;
    const body = align8(nl + 1);
    // The checkpoint count follows from the size: each is 8 + ROW_WIDTH·8 + 4 bytes.
    const n = (bytes.length - body - (total + tn) * 12 - tn * 4) / (12 + ROW_WIDTH * 8);
    if (!Number.isInteger(n) || n < 0) throw new Error('index size');
    const index = new EntryIndex(h.log.offset);
    let at = body;
    const f64 = (len: number) => {
      const a = numbers(bytes, at, len, Float64Array);
      at += len * 8;
      return a;
    };
    const u32 = (len: number) => {
      const a = numbers(bytes, at, len, Uint32Array);
      at += len * 4;
      return a;
    };
    Object.assign(index, { off: f64(total), cpUpto: f64(n), cpRows: f64(n * ROW_WIDTH), tOff: f64(tn), hash: u32(total), cpKey: u32(n), tHash: u32(tn), tKey: u32(tn), cpN: n, tn });
    // Written before settings were recorded: settle() drops its checkpoints on first use.
    index.params = typeof h.params === 'string' ? h.params : '';
    index.count = Int32Array.from(h.counts);
    index.start = new Float64Array(h.keys.length + 1);
    h.keys.forEach((k, i) => {
      index.keyNo.set(k, i);
      index.keyList.push(k);
      index.start[i + 1] = index.start[i]! + h.counts[i]!;
    });
    for (let i = 0; i < tn; i++) {
      if (index.tKey[i]! >= h.keys.length) throw new Error('not an index');
      index.count[index.tKey[i]!]!++;
    }
    h.decks.forEach((d, i) => {
      index.decks.push(d);
      index.deckNo.set(d, i);
    });
    for (let c = 0; c < n; c++) {
      if (index.cpKey[c] === DEAD) index.dead++;
      else if (index.cpKey[c]! >= h.keys.length) throw new Error('not an index');
    }
    for (const [c, x] of h.more) index.cpMore.set(c, x);
    return { index, proof: h.log };
  }
}

const LITTLE_ENDIAN = endianness() === 'LE';
const align8 = (n: number) => (n + 7) & ~7;
/** Where `la` (the newest entry's time) sits in a row. */
const LA = FIELD.la;

/** An array's bytes, little-endian (a view, or a swapped copy on a big-endian host). */
function le(a: Float64Array | Uint32Array): Uint8Array {
  const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  if (LITTLE_ENDIAN) return b;
  return a instanceof Float64Array ? Buffer.from(b).swap64() : Buffer.from(b).swap32();
}

/** `len` little-endian numbers at byte `at` of `b`: a view when aligned, else a copy. */
function numbers<T extends Float64Array | Uint32Array>(b: Buffer, at: number, len: number, Type: { new (buf: ArrayBufferLike, off: number, len: number): T; new (len: number): T; BYTES_PER_ELEMENT: number }): T {
  const size = Type.BYTES_PER_ELEMENT;
  if (LITTLE_ENDIAN && (b.byteOffset + at) % size === 0) return new Type(b.buffer, b.byteOffset + at, len);
  const out = new Type(len);
  new Uint8Array(out.buffer).set(b.subarray(at, at + len * size));
  if (!LITTLE_ENDIAN) (size === 8 ? Buffer.from(out.buffer).swap64() : Buffer.from(out.buffer).swap32());
  return out;
}

/** The key an entry belongs to (an undo: its target's, when it names it or the target is recent). */
export function keyOfEntry(e: LogEntry, ledger: Ledger): string | undefined {
  if (e.op !== 'undo') return e.key;
  return e.key ?? ledger.recent.find((r) => r.id === e.target)?.key;
}

export function indexPath(home: string): string {
  return join(home, INDEX_FILE);
}

/**
 * Add the log's entries from `index.end` to `end` (the whole log when `end` is undefined). An
 * undo that names no card (old versions) goes to its target's card, found by id: left out, a
 * refold of that card from its first entry would count the undone answer again.
 */
function extend(home: string, index: EntryIndex, end?: number): EntryIndex {
  const keyless: { offset: number; e: UndoEntry }[] = [];
  const scan = scanLog(home, index.end, (e, offset) => {
    if (end !== undefined && offset >= end) return;
    if (e.op !== 'undo') index.add(e.key, offset, e);
    else if (e.key !== undefined) index.add(e.key, offset, e);
    else keyless.push({ offset, e });
  });
  index.end = end ?? scan.end;
  if (keyless.length) {
    const found = keysOfIds(home, new Set(keyless.map((u) => u.e.target)));
    for (const u of keyless) {
      const key = found.get(u.e.target);
      if (key !== undefined) index.add(key, u.offset, u.e, true);
    }
  }
  return index;
}

/** The card keys of the entries with these ids (one pass over the log). */
export function keysOfIds(home: string, ids: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  scanLog(home, 0, (e) => {
    if (e.op !== 'undo' && ids.has(e.id)) out.set(e.id, e.key);
  });
  return out;
}

/**
 * The index of the log up to `end` (undefined: all of it): index.bin when it still describes
 * this log (then the lines past it are scanned), else a scan of the whole log.
 */
export function loadIndex(home: string, end?: number): EntryIndex {
  try {
    const { index, proof } = EntryIndex.decode(readFileSync(indexPath(home)));
    const now = logProof(home, proof.offset);
    if (now && now.tail === proof.tail && now.sample === proof.sample && (end === undefined || proof.offset <= end)) {
      index.fileEnd = proof.offset;
      return extend(home, index, end);
    }
  } catch {
    // Missing or damaged: it is a cache; scan instead.
  }
  return extend(home, new EntryIndex(), end);
}

/** Best effort: a cache, rebuilt when missing. */
export function saveIndex(home: string, index: EntryIndex): void {
  // Read from index.bin and nothing added since: the file holds it already (8 MB at 1M entries).
  if (!index.unsaved) return;
  const proof = logProof(home, index.end);
  if (!proof) return;
  try {
    writeFileAtomic(indexPath(home), index.encode(proof), { durable: false });
  } catch {
    // The next refold scans the log instead. The old file goes: after a rebuild (new scheduler
    // settings) its checkpoints were folded under other settings, and its proof may still hold.
    try {
      rmSync(indexPath(home), { force: true });
    } catch {
      // Cannot be removed either: a folder we cannot write to, where nothing is saved at all.
    }
  }
}
