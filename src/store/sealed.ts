/**
 * Cache files that carry their own checksum. Caches are written without fsync (they can be
 * rebuilt), so a power cut can leave an entry truncated, zero-filled or half old: such an entry
 * must be noticed, deleted and rebuilt, never trusted and never blamed on the file it caches.
 *
 * A sealed segment is `<16 hex digits: bytesHash of the payload> <payload byte length>\n<payload>`.
 * Segments can follow each other in one file (the deck cache: a small header the prompt reads, then
 * the deck it reads only when needed), each checked on its own.
 */
import { readFileSync, rmSync } from 'node:fs';
import { bytesHash } from '../core/crypto.js';
import { writeFileAtomic } from './atomicFile.js';

const CHECK_LINE = /^([0-9a-f]{16}) (\d{1,12})$/;
/** The check line is at most 16 + 1 + 12 characters. */
const MAX_CHECK_LINE = 29;

export function seal(payload: string | Uint8Array): Buffer {
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([Buffer.from(`${bytesHash(bytes)} ${bytes.length}\n`, 'latin1'), bytes]);
}

export interface Segment {
  payload: Buffer;
  /** Offset just past the payload: where the next segment starts. */
  end: number;
  /** Whether the payload hashes to its check line (computed on first call). */
  intact(): boolean;
}

/** The segment starting at `at`, or undefined when its check line is malformed or it is cut short. */
export function segmentAt(raw: Buffer, at = 0): Segment | undefined {
  const nl = raw.indexOf(10, at);
  if (nl < 0 || nl - at > MAX_CHECK_LINE) return undefined;
  const m = CHECK_LINE.exec(raw.toString('latin1', at, nl));
  if (!m) return undefined;
  const end = nl + 1 + Number(m[2]);
  if (end > raw.length) return undefined;
  const payload = raw.subarray(nl + 1, end);
  let ok: boolean | undefined;
  return { payload, end, intact: () => (ok ??= bytesHash(payload) === m[1]) };
}

/** Delete a damaged cache file (best effort: a read-only home keeps it, and it stays a miss). */
export function dropDamaged(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Still never trusted: its checksum does not match.
  }
}

/**
 * The payload of a file holding one sealed segment, or undefined when there is none. A file
 * that exists but fails its check is deleted (it is rebuilt by whoever asked).
 */
export function readSealed(file: string): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return undefined;
  }
  const seg = segmentAt(raw);
  if (seg && seg.end === raw.length && seg.intact()) return seg.payload;
  dropDamaged(file);
  return undefined;
}

/** Write a one-segment cache file (atomically, no fsync: see writeFileAtomic). Throws like it. */
export function writeSealed(file: string, payload: string | Uint8Array): void {
  writeFileAtomic(file, seal(payload), { durable: false });
}
