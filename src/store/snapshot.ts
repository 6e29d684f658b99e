/**
 * The state snapshot, `$AMGI_HOME/state.bin`: the ledger (every item's FSRS state, the day
 * counters, recent undoable entries) as of a byte offset of the review log. It is a cache:
 * written atomically (temp file + rename) so a kill leaves the old or the new one, checked
 * against the log on load, and rebuilt from the log whenever it is missing, stale or damaged.
 *
 * Format 4 is one line of JSON (the header: log offset, settings key, item keys, deck ids, day
 * counters, recent entries, and the rare per-item extras such as flags and undo data), then the
 * item rows (ItemRows: 12 numbers per item) as raw little-endian Float64, starting at the next
 * multiple of 8 bytes. Loading parses the header and uses the rows where they lie in the file
 * buffer: no number is parsed or copied. Format 3 kept the same rows as base64 columns inside
 * JSON; decoding them was 15 ms of a 10k-card `amgi status` (see the benchmark).
 *
 * Earlier formats lived in `state.json`. They are not read: they were built by the scheduler
 * before SCHEDULER_VERSION 2 (another fuzz seed), so the log is replayed once, as for a missing
 * snapshot, and the old file is removed once the new one is written.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { ItemTable, ROW_WIDTH, rowState, writeRow } from '../core/schedule/itemTable.js';
import type { DayStat, ItemState, Ledger, RecentEntry } from '../core/schedule/ledger.js';
import { logPath } from './log.js';
import { writeFileAtomic } from './atomicFile.js';
import { fsCause, msg } from '../core/messages.js';

export const SNAPSHOT_FILE = 'state.bin';
/** Where formats 2 and 3 were kept (JSON); removed after the first save in the current format. */
const LEGACY_SNAPSHOT_FILE = 'state.json';
export const SNAPSHOT_FORMAT = 5;
/** Bytes of the log just before the offset, kept to recognise the same log on load. */
const TAIL_BYTES = 64;
const ROW_BYTES = ROW_WIDTH * 8;

export function snapshotPath(home: string): string {
  return join(home, SNAPSHOT_FILE);
}

/** Fields an item keeps beyond the row (flags, cram/plan counters). */
type Extras = Partial<ItemState>;

/** The numeric fields, stored in the rows; every other field of a state is an extra. */
const ROW_STATE_FIELDS = new Set<string>(['deck', 'due', 's', 'd', 'el', 'sch', 'step', 'reps', 'lapses', 'st', 'last', 'ld', 'la']);

export interface SnapshotHeader {
  format: number;
  /**
   * The log bytes this snapshot covers: their length, the last of them (base64), and a CRC-32 of
   * sampled blocks across them (LogProof). A log that no longer starts with these bytes was
   * damaged (truncated, zero-filled, replaced), not just appended to.
   */
  log: LogProof;
  /** CRC-32 of the row bytes: a row changed on disk is a corrupt snapshot, never used. */
  rowsCrc: number;
  /** What the states depend on besides the log (paramsKey): a change means a rebuild. */
  params: string;
  /** One per row, in row order. */
  keys: string[];
  /** Deck ids; a row's first number is an index into it. */
  decks: string[];
  /** [row, extras] for the rows that have any. */
  more: [number, Extras][];
  days: Record<string, DayStat>;
  recent: RecentEntry[];
}

const LITTLE_ENDIAN = endianness() === 'LE';
const align8 = (n: number) => (n + 7) & ~7;

/** What an item needs besides its row. */
export function extrasOf(s: ItemState): Extras | undefined {
  let x: Extras | undefined;
  for (const k of Object.keys(s) as (keyof ItemState)[]) {
    if (ROW_STATE_FIELDS.has(k) || s[k] === undefined) continue;
    (x ??= {})[k as 'ld'] = s[k] as number;
  }
  return x;
}

/**
 * `order`: keys to write first (the decks' item order), so that start-up, which reads the states
 * in that order, walks the rows and key strings in memory order instead of jumping around.
 */
function encodeItems(items: Map<string, ItemState>, order: Iterable<string> = []): Pick<SnapshotHeader, 'keys' | 'decks' | 'more'> & { rows: Float64Array } {
  const n = items.size;
  const rows = new Float64Array(n * ROW_WIDTH);
  const out: Pick<SnapshotHeader, 'keys' | 'decks' | 'more'> = { keys: [], decks: [], more: [] };
  const deckIndex = new Map<string, number>();
  const table = items instanceof ItemTable ? items : undefined;
  const written = new Set<string>();
  let r = 0;
  // A table's rows not yet built are read straight from its rows: no object per item.
  const write = (key: string, v: ItemState | number) => {
    const s = typeof v === 'number' ? table!.peekRow(v) : v;
    let di = deckIndex.get(s.deck);
    if (di === undefined) {
      deckIndex.set(s.deck, (di = out.decks.length));
      out.decks.push(s.deck);
    }
    written.add(key);
    out.keys.push(key);
    writeRow(rows, r, s, di);
    if (typeof v !== 'number') {
      const x = extrasOf(s);
      if (x) out.more.push([r, x]);
    }
    r++;
  };
  for (const key of order) {
    const v = table ? table.raw(key) : items.get(key);
    if (v !== undefined && !written.has(key)) write(key, v);
  }
  for (const [key, v] of table ? table.rawEntries() : items.entries()) if (!written.has(key)) write(key, v);
  if (r !== n) throw new Error('item count changed while encoding');
  return { ...out, rows };
}

/** The file's bytes. `order`: item keys in the order start-up reads them (see encodeItems). */
export function encodeSnapshot(ledger: Ledger, log: LogProof, params: string, order?: Iterable<string>): Buffer {
  const days: Record<string, DayStat> = {};
  for (const [day, stat] of ledger.days) days[day] = stat;
  const { rows, ...items } = encodeItems(ledger.items, order);
  const rowsCrc = crc32(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength));
  const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, log, params, rowsCrc, ...items, days, recent: ledger.recent };
  const head = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  const at = align8(head.length);
  const out = Buffer.alloc(at + rows.byteLength);
  head.copy(out, 0);
  const body = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  (LITTLE_ENDIAN ? body : Buffer.from(body).swap64()).copy(out, at);
  return out;
}

/** A file split into its header and row bytes; throws SyntaxError when the header cannot be parsed. */
function parseSnapshot(bytes: Buffer): { header: SnapshotHeader; rows: Buffer } {
  const nl = bytes.indexOf(10);
  if (nl < 0) throw new SyntaxError('no header line');
  const header = JSON.parse(bytes.toString('utf8', 0, nl)) as SnapshotHeader;
  return { header, rows: bytes.subarray(align8(nl + 1)) };
}

/** The rows as numbers: a view of the file's bytes when aligned and little-endian, else a copy. */
function rowNumbers(b: Buffer, n: number): Float64Array {
  if (b.length !== n * ROW_BYTES) throw new Error(msg().snapshotDamage.header);
  if (LITTLE_ENDIAN && b.byteOffset % 8 === 0) return new Float64Array(b.buffer, b.byteOffset, n * ROW_WIDTH);
  const copy = Buffer.from(b);
  if (!LITTLE_ENDIAN) copy.swap64();
  return new Float64Array(copy.buffer, copy.byteOffset, n * ROW_WIDTH);
}

/** Latest plausible date in a state (year 9999): anything later is damage, not a schedule. */
const MAX_TIME = 253402300799999;
const okTime = (v: number) => Number.isFinite(v) && v >= 0 && v <= MAX_TIME;
const okNum = (v: number) => Number.isFinite(v) && v >= 0;

/** The first row with a value no replay can produce (NaN, negative stability, a date out of range), or -1. */
function badRow(rows: Float64Array, decks: number): number {
  for (let o = 0, r = 0; o < rows.length; o += ROW_WIDTH, r++) {
    const deck = rows[o]!;
    const ok =
      Number.isInteger(deck) && deck >= 0 && deck < decks &&
      okTime(rows[o + 1]!) && okNum(rows[o + 2]!) && okNum(rows[o + 3]!) && okNum(rows[o + 4]!) && okNum(rows[o + 5]!) &&
      Number.isInteger(rows[o + 6]) && rows[o + 6]! >= 0 && Number.isInteger(rows[o + 7]) && rows[o + 7]! >= 0 && Number.isInteger(rows[o + 8]) && rows[o + 8]! >= 0 &&
      [0, 1, 2, 3].includes(rows[o + 9]!) &&
      (Number.isNaN(rows[o + 10]!) || okTime(rows[o + 10]!)) && (Number.isNaN(rows[o + 11]!) || Number.isInteger(rows[o + 11])) && (Number.isNaN(rows[o + 12]!) || okTime(rows[o + 12]!));
    if (!ok) return r;
  }
  return -1;
}

/** The ledger of a parsed file; throws on anything that is not a well-formed snapshot of this format. */
function decodeParsed(h: SnapshotHeader, rowBytes: Buffer): Ledger {
  if (!h || h.format !== SNAPSHOT_FORMAT || typeof h.log?.offset !== 'number' || typeof h.rowsCrc !== 'number' || typeof h.days !== 'object' || h.days === null || !Array.isArray(h.recent)) {
    throw new Error(msg().snapshotDamage.header);
  }
  if (!Array.isArray(h.keys) || !Array.isArray(h.decks) || !Array.isArray(h.more)) throw new Error(msg().snapshotDamage.header);
  const n = h.keys.length;
  for (const k of h.keys) if (typeof k !== 'string') throw new Error(msg().snapshotDamage.header);
  for (const d of h.decks) if (typeof d !== 'string') throw new Error(msg().snapshotDamage.header);
  const rows = rowNumbers(rowBytes, n);
  if (crc32(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength)) !== h.rowsCrc) throw new Error(msg().snapshotDamage.checksum);
  const bad = badRow(rows, h.decks.length);
  if (bad >= 0) throw new Error(msg().snapshotDamage.impossibleRow(bad));
  const table = { keys: h.keys, decks: h.decks, rows };
  const objects: [number, ItemState][] = h.more.map((m) => {
    if (!Array.isArray(m) || !Number.isInteger(m[0]) || m[0] < 0 || m[0] >= n || typeof m[1] !== 'object' || m[1] === null) throw new Error(msg().snapshotDamage.header);
    return [m[0], Object.assign(rowState(table, m[0]), m[1])];
  });
  const days = new Map<number, DayStat>();
  for (const key of Object.keys(h.days)) days.set(Number(key), h.days[key]!);
  return { items: new ItemTable(table, objects), days, recent: h.recent };
}

/** The ledger in a snapshot file's bytes; throws on anything else. */
export function decodeSnapshot(bytes: Buffer): Ledger {
  const { header, rows } = parseSnapshot(bytes);
  return decodeParsed(header, rows);
}

/** What a snapshot records of the log bytes it covers (see SnapshotHeader.log). */
export interface LogProof {
  offset: number;
  /** Base64 of the bytes just before `offset` ('' at 0). */
  tail: string;
  /** CRC-32 of SAMPLES blocks spread over [0, offset). */
  sample: number;
}

const SAMPLES = 16;
const SAMPLE_BYTES = 256;

/** The proof of the log's first `offset` bytes as the file holds them now; undefined if it is shorter (or gone). */
export function logProof(home: string, offset: number): LogProof | undefined {
  let fd: number;
  try {
    fd = openSync(logPath(home), 'r');
  } catch {
    return offset === 0 ? { offset, tail: '', sample: 0 } : undefined;
  }
  try {
    if (fstatSync(fd).size < offset) return undefined;
    const n = Math.min(TAIL_BYTES, offset);
    const tail = Buffer.alloc(n);
    if (readSync(fd, tail, 0, n, offset - n) !== n) return undefined;
    // Blocks at fixed fractions of the covered length: a zero-filled or garbled stretch of any
    // size is caught without reading the whole log on every start.
    const block = Buffer.alloc(SAMPLE_BYTES);
    let crc = 0;
    for (let i = 0; i < SAMPLES && offset > 0; i++) {
      const at = Math.floor((offset * i) / SAMPLES);
      const len = Math.min(SAMPLE_BYTES, offset - at);
      const got = readSync(fd, block, 0, len, at);
      crc = crc32(block.subarray(0, got), crc);
    }
    return { offset, tail: tail.toString('base64'), sample: crc };
  } finally {
    closeSync(fd);
  }
}

export type SnapshotRead =
  | { kind: 'missing' }
  | { kind: 'ok'; ledger: Ledger; offset: number }
  /** Parsed but built under other settings or an older format: rebuild and overwrite it. */
  | { kind: 'stale'; reason: string }
  /** Could not be parsed, or its rows are damaged: must be moved aside, never overwritten. */
  | { kind: 'corrupt'; reason: string }
  /**
   * A sound snapshot of a log that no longer holds what it covered (shrunk, zero-filled,
   * replaced, deleted): its states are the best copy of the progress left. Never overwritten.
   */
  | { kind: 'logDamaged'; ledger: Ledger; offset: number; reason: string };

export function readSnapshot(home: string, params: string): SnapshotRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(snapshotPath(home));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', reason: fsCause(e) };
  }
  let parsed: ReturnType<typeof parseSnapshot>;
  try {
    parsed = parseSnapshot(bytes);
  } catch {
    return { kind: 'corrupt', reason: msg().snapshotDamage.unreadable };
  }
  const h = parsed.header;
  // An older format was written by an older amgi: a cache to rebuild, not damage.
  if (h?.format !== SNAPSHOT_FORMAT) return { kind: 'stale', reason: 'written in an older format' };
  let ledger: Ledger;
  try {
    ledger = decodeParsed(h, parsed.rows);
  } catch (e) {
    return { kind: 'corrupt', reason: (e as Error).message };
  }
  const offset = h.log.offset;
  const now = logProof(home, offset);
  if (!now || now.tail !== h.log.tail || now.sample !== h.log.sample) {
    const reason = !now ? msg().snapshotDamage.logShorter : msg().snapshotDamage.logOverwritten;
    return { kind: 'logDamaged', ledger, offset, reason };
  }
  if (h.params !== params) return { kind: 'stale', reason: 'settings changed since it was written' };
  return { kind: 'ok', ledger, offset };
}

/** Write atomically: a temp file named per process (two terminals never share one), fsync, rename. */
export function writeSnapshot(home: string, ledger: Ledger, offset: number, params: string, order?: Iterable<string>): void {
  const proof = logProof(home, offset);
  if (proof === undefined) return;
  writeFileAtomic(snapshotPath(home), encodeSnapshot(ledger, proof, params, order));
  // The old format's file is a cache of the same log: nothing is lost with it.
  const legacy = join(home, LEGACY_SNAPSHOT_FILE);
  if (existsSync(legacy)) rmSync(legacy, { force: true });
}
