/**
 * Where each card's entries are in the review log (byte offsets, file order), so that an undo
 * or an older entry merged from another machine refolds one card from its own lines instead of
 * replaying the whole history. Kept in `index.bin` beside state.bin: a cache, checked against
 * the log with the same proof as the snapshot, extended by scanning the log past its end, and
 * rebuilt by a scan when missing or stale. Read only when a refold or a merge needs it: start-up
 * and `amgi status` never open it.
 *
 * Format: one JSON header line ({format, log: LogProof, keys, counts}), then the offsets as
 * little-endian Float64, key after key in header order, at the next multiple of 8 bytes.
 */
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { emptyLedger, type Ledger } from '../core/schedule/ledger.js';
import type { LogEntry } from '../core/schedule/types.js';
import { writeFileAtomic } from './atomicFile.js';
import { scanLog } from './log.js';
import { logProof, type LogProof } from './snapshot.js';

export const INDEX_FILE = 'index.bin';
const INDEX_FORMAT = 1;

/** Byte offsets of each card's entries in the log, in file order, up to `end`. */
export class EntryIndex {
  private readonly byKey = new Map<string, number[]>();
  /** The `end` index.bin had when this was read from it: saving the same again is skipped. */
  fileEnd?: number;
  constructor(public end = 0) {}

  add(key: string, offset: number): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [offset]);
    else if (offset > list[list.length - 1]!) list.push(offset);
    else if (!list.includes(offset)) {
      list.push(offset);
      list.sort((a, b) => a - b);
    }
  }

  offsets(key: string): readonly number[] {
    return this.byKey.get(key) ?? [];
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  /** The index file's bytes, for a log whose first `end` bytes `proof` describes. */
  encode(proof: LogProof): Buffer {
    const keys = [...this.byKey.keys()];
    const counts = keys.map((k) => this.byKey.get(k)!.length);
    const head = Buffer.from(`${JSON.stringify({ format: INDEX_FORMAT, log: proof, keys, counts })}\n`, 'utf8');
    const at = (head.length + 7) & ~7;
    const total = counts.reduce((a, b) => a + b, 0);
    const out = Buffer.alloc(at + total * 8);
    head.copy(out, 0);
    const all = new Float64Array(total);
    let o = 0;
    for (const k of keys) {
      all.set(this.byKey.get(k)!, o);
      o += this.byKey.get(k)!.length;
    }
    const body = Buffer.from(all.buffer, 0, total * 8);
    (LITTLE_ENDIAN ? body : Buffer.from(body).swap64()).copy(out, at);
    return out;
  }

  static decode(bytes: Buffer): { index: EntryIndex; proof: LogProof } {
    const nl = bytes.indexOf(10);
    const h = JSON.parse(bytes.toString('utf8', 0, nl)) as { format: number; log: LogProof; keys: string[]; counts: number[] };
    if (h.format !== INDEX_FORMAT || !Array.isArray(h.keys) || !Array.isArray(h.counts) || h.keys.length !== h.counts.length) throw new Error('not an index');
    const o = (nl + 1 + 7) & ~7;
    const total = h.counts.reduce((a, b) => a + b, 0);
    if (bytes.length !== o + total * 8) throw new Error('index size');
    const index = new EntryIndex(h.log.offset);
    const all = float64s(bytes.subarray(o), total);
    let at = 0;
    h.keys.forEach((k, i) => {
      const n = h.counts[i]!;
      index.byKey.set(k, Array.from(all.subarray(at, (at += n))));
    });
    return { index, proof: h.log };
  }
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** `n` little-endian Float64 values at the start of `b`, as numbers (a copy: the file buffer may be unaligned). */
function float64s(b: Buffer, n: number): Float64Array {
  const out = new Float64Array(n);
  new Uint8Array(out.buffer).set(b.subarray(0, n * 8));
  if (!LITTLE_ENDIAN) Buffer.from(out.buffer).swap64();
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

/** Add the log's entries from `index.end` to `end` (the whole log when `end` is undefined). */
function extend(home: string, index: EntryIndex, end?: number): EntryIndex {
  const recent = emptyLedger();
  const scan = scanLog(home, index.end, (e, offset) => {
    if (end !== undefined && offset >= end) return;
    const key = keyOfEntry(e, recent);
    if (key !== undefined) index.add(key, offset);
  });
  index.end = end ?? scan.end;
  return index;
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
  // Read from index.bin and not extended since: the file holds it already (8 MB at 1M entries).
  if (index.fileEnd === index.end) return;
  const proof = logProof(home, index.end);
  if (!proof) return;
  try {
    writeFileAtomic(indexPath(home), index.encode(proof), { durable: false });
  } catch {
    // The next refold scans the log instead.
  }
}
