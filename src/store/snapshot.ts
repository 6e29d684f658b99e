/**
 * The state snapshot, `$AMGI_HOME/state.json`: the ledger (every item's FSRS state, the day
 * counters, recent undoable entries) as of a byte offset of the review log. It is a cache:
 * written atomically (temp file + rename) so a kill leaves the old or the new one, checked
 * against the log on load, and rebuilt from the log whenever it is missing, stale or damaged.
 *
 * Format 3 stores items as columns, one value per row: keys and small integers as JSON arrays,
 * the doubles (due, stability, difficulty, last review, last study day) as base64 of
 * little-endian Float64 bytes — exact, and no decimal parsing (that was most of the parse time
 * of format 2's one tuple per item). Only the rare extra fields (flags, cram and plan counters,
 * undo data) are stored per item, for the rows that have them. Loading builds an ItemTable
 * over the columns: no object per item until one is touched. Format 2 is still read.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { ItemTable, ROW_FIELDS, ROW_WIDTH, rowState } from '../core/schedule/itemTable.js';
import type { DayStat, ItemState, Ledger, RecentEntry } from '../core/schedule/ledger.js';
import type { Settings } from '../core/schedule/types.js';
import { logPath } from './log.js';
import { writeFileAtomic } from './atomicFile.js';

export const SNAPSHOT_FILE = 'state.json';
export const SNAPSHOT_FORMAT = 3;
/** Bytes of the log just before the offset, kept to recognise the same log on load. */
const TAIL_BYTES = 64;

export function snapshotPath(home: string): string {
  return join(home, SNAPSHOT_FILE);
}

/** Fields an item keeps beyond the columns (flags, cram/plan counters, lastE + prev for undo). */
type Extras = Partial<ItemState>;

const F64_COLUMNS = ['due', 's', 'd', 'last', 'ld'] as const;
const INT_COLUMNS = ['el', 'sch', 'step', 'reps', 'lapses', 'st'] as const;
const COLUMN_FIELDS = new Set<string>(['deck', ...F64_COLUMNS, ...INT_COLUMNS]);

/** Format 3 items. */
interface ItemsV3 extends Record<(typeof F64_COLUMNS)[number], string>, Record<(typeof INT_COLUMNS)[number], number[]> {
  keys: string[];
  decks: string[];
  deck: number[];
  /** [row, extras] for the rows that have any. */
  more: [number, Extras][];
}

const LITTLE_ENDIAN = endianness() === 'LE';

function f64ToBase64(a: Float64Array): string {
  const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return (LITTLE_ENDIAN ? b : Buffer.from(b).swap64()).toString('base64');
}

function base64ToF64(text: unknown, n: number): Float64Array {
  if (typeof text !== 'string') throw new Error('bad column');
  const b = Buffer.from(text, 'base64');
  if (b.length !== n * 8) throw new Error('bad column length');
  if (!LITTLE_ENDIAN) b.swap64();
  // A Float64Array view needs an 8-byte aligned offset; small buffers come from a shared pool.
  return b.byteOffset % 8 === 0 ? new Float64Array(b.buffer, b.byteOffset, n) : new Float64Array(new Uint8Array(b).buffer);
}

/** An array of `n` values; that they are numbers is checked as they are copied into rows. */
function arrayColumn(a: unknown, n: number): unknown[] {
  if (!Array.isArray(a) || a.length !== n) throw new Error('bad column length');
  return a;
}

/** What an item needs besides the columns; the undo data only while its entry can be undone. */
function extrasOf(s: ItemState, keepUndo: boolean): Extras | undefined {
  let x: Extras | undefined;
  for (const k of Object.keys(s) as (keyof ItemState)[]) {
    if (COLUMN_FIELDS.has(k) || s[k] === undefined) continue;
    if (!keepUndo && (k === 'lastE' || k === 'prev')) continue;
    (x ??= {})[k as 'ld'] = s[k] as number;
  }
  return x;
}

/**
 * `order`: keys to write first (the decks' item order), so that start-up, which reads the states
 * in that order, walks the rows and key strings in memory order instead of jumping around.
 */
function encodeItems(items: Map<string, ItemState>, undoable: Set<string>, order: Iterable<string> = []): ItemsV3 {
  const n = items.size;
  const f64 = { due: new Float64Array(n), s: new Float64Array(n), d: new Float64Array(n), last: new Float64Array(n), ld: new Float64Array(n) };
  const out: Omit<ItemsV3, (typeof F64_COLUMNS)[number]> = { keys: [], decks: [], deck: [], el: [], sch: [], step: [], reps: [], lapses: [], st: [], more: [] };
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
    out.deck.push(di);
    f64.due[r] = s.due;
    f64.s[r] = s.s;
    f64.d[r] = s.d;
    f64.last[r] = s.last ?? NaN;
    f64.ld[r] = s.ld ?? NaN;
    out.el.push(s.el);
    out.sch.push(s.sch);
    out.step.push(s.step);
    out.reps.push(s.reps);
    out.lapses.push(s.lapses);
    out.st.push(s.st);
    if (typeof v !== 'number') {
      const x = extrasOf(s, s.lastE !== undefined && undoable.has(s.lastE.id));
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
  return { ...out, due: f64ToBase64(f64.due), s: f64ToBase64(f64.s), d: f64ToBase64(f64.d), last: f64ToBase64(f64.last), ld: f64ToBase64(f64.ld) };
}

function copyF64Column(col: Float64Array, rows: Float64Array, j: number): void {
  for (let r = 0, o = j; r < col.length; r++, o += ROW_WIDTH) rows[o] = col[r]!;
}

function copyArrayColumn(col: unknown[], rows: Float64Array, j: number, field: string): void {
  for (let r = 0, o = j; r < col.length; r++, o += ROW_WIDTH) {
    const v = col[r];
    if (typeof v !== 'number') throw new Error(`bad ${field} value`);
    rows[o] = v;
  }
}

function decodeItems(x: ItemsV3): ItemTable {
  if (!x || !Array.isArray(x.keys) || !Array.isArray(x.decks) || !Array.isArray(x.more)) throw new Error('bad items');
  const n = x.keys.length;
  for (const k of x.keys) if (typeof k !== 'string') throw new Error('bad key');
  for (const d of x.decks) if (typeof d !== 'string') throw new Error('bad deck');
  // The file keeps one array per field (smaller, readable); memory keeps rows (see ItemRows).
  const columns: Record<(typeof ROW_FIELDS)[number], ArrayLike<unknown>> = {
    deck: arrayColumn(x.deck, n),
    el: arrayColumn(x.el, n),
    sch: arrayColumn(x.sch, n),
    step: arrayColumn(x.step, n),
    reps: arrayColumn(x.reps, n),
    lapses: arrayColumn(x.lapses, n),
    st: arrayColumn(x.st, n),
    due: base64ToF64(x.due, n),
    s: base64ToF64(x.s, n),
    d: base64ToF64(x.d, n),
    last: base64ToF64(x.last, n),
    ld: base64ToF64(x.ld, n),
  };
  const rows = new Float64Array(n * ROW_WIDTH);
  ROW_FIELDS.forEach((field, j) => {
    const col = columns[field];
    // Two loops, each reading one kind of column: a loop that reads both stays slow (polymorphic).
    if (col instanceof Float64Array) copyF64Column(col, rows, j);
    else copyArrayColumn(col as unknown[], rows, j, field);
  });
  for (let o = 0; o < rows.length; o += ROW_WIDTH) if (!(Number.isInteger(rows[o]) && rows[o]! >= 0 && rows[o]! < x.decks.length)) throw new Error('bad deck index');
  const table = { keys: x.keys, decks: x.decks, rows };
  const objects: [number, ItemState][] = x.more.map((m) => {
    if (!Array.isArray(m) || !Number.isInteger(m[0]) || m[0] < 0 || m[0] >= n || typeof m[1] !== 'object' || m[1] === null) throw new Error('bad extras');
    return [m[0], Object.assign(rowState(table, m[0]), m[1])];
  });
  return new ItemTable(table, objects);
}

// ---- format 2 (read only): one tuple per item, keyed by item key.
type ItemTupleV2 = [deck: string, due: number, s: number, d: number, el: number, sch: number, step: number, reps: number, lapses: number, st: number, last: number | null, ld: number | null, extras: (Omit<Extras, 'prev'> & { prev?: ItemTupleV2 }) | 0];

function decodeItemV2(t: ItemTupleV2): ItemState {
  if (!Array.isArray(t) || t.length !== 13 || typeof t[0] !== 'string' || typeof t[1] !== 'number' || typeof t[9] !== 'number') throw new Error('bad item');
  const s: ItemState = { deck: t[0], due: t[1], s: t[2], d: t[3], el: t[4], sch: t[5], step: t[6], reps: t[7], lapses: t[8], st: t[9] };
  if (t[10] !== null) s.last = t[10];
  if (t[11] !== null) s.ld = t[11];
  if (t[12]) {
    const { prev, ...rest } = t[12];
    Object.assign(s, rest);
    if (prev) s.prev = decodeItemV2(prev);
  }
  return s;
}

function decodeItemsV2(items: Record<string, ItemTupleV2>): Map<string, ItemState> {
  if (typeof items !== 'object' || items === null) throw new Error('bad items');
  const out = new Map<string, ItemState>();
  for (const key of Object.keys(items)) out.set(key, decodeItemV2(items[key]!));
  return out;
}

export interface SnapshotFile {
  format: number;
  /** The log bytes this snapshot covers, and the last of them (base64) to check it is the same log. */
  log: { offset: number; tail: string };
  /** What the states depend on besides the log (paramsKey): a change means a rebuild. */
  params: string;
  items: ItemsV3;
  days: Record<string, DayStat>;
  recent: RecentEntry[];
}

/** The settings a replay depends on: states built under other ones are rebuilt. */
export function paramsKey(settings: Pick<Settings, 'retention' | 'maximumInterval' | 'weights' | 'dayStartHour' | 'leechThreshold'>, fuzz: boolean): string {
  const { retention, maximumInterval, weights, dayStartHour, leechThreshold } = settings;
  return JSON.stringify([retention, maximumInterval, weights ?? null, dayStartHour, leechThreshold, fuzz]);
}

/** `order`: item keys in the order start-up reads them (see encodeItems). */
export function encodeSnapshot(ledger: Ledger, offset: number, tail: string, params: string, order?: Iterable<string>): SnapshotFile {
  const undoable = new Set(ledger.recent.map((r) => r.id));
  const days: Record<string, DayStat> = {};
  for (const [day, stat] of ledger.days) days[day] = stat;
  return { format: SNAPSHOT_FORMAT, log: { offset, tail }, params, items: encodeItems(ledger.items, undoable, order), days, recent: ledger.recent };
}

/** The ledger in a parsed snapshot of this format or format 2; throws on anything else. */
export function decodeSnapshot(f: SnapshotFile): Ledger {
  if (!f || (f.format !== SNAPSHOT_FORMAT && f.format !== 2) || typeof f.log?.offset !== 'number' || typeof f.days !== 'object' || f.days === null || !Array.isArray(f.recent)) throw new Error('not a snapshot of a known format');
  const items = f.format === 2 ? decodeItemsV2(f.items as unknown as Record<string, ItemTupleV2>) : decodeItems(f.items);
  const days = new Map<number, DayStat>();
  for (const key of Object.keys(f.days)) days.set(Number(key), f.days[key]!);
  return { items, days, recent: f.recent };
}

/** The base64 of the log bytes just before `offset` ('' at 0); undefined if the log is shorter. */
export function logTail(home: string, offset: number): string | undefined {
  if (offset === 0) return '';
  let fd: number;
  try {
    fd = openSync(logPath(home), 'r');
  } catch {
    return undefined;
  }
  try {
    const n = Math.min(TAIL_BYTES, offset);
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, offset - n);
    return got === n ? buf.toString('base64') : undefined;
  } finally {
    closeSync(fd);
  }
}

export type SnapshotRead =
  | { kind: 'missing' }
  /** `outdated`: an older format, to be rewritten in the current one. */
  | { kind: 'ok'; ledger: Ledger; offset: number; outdated: boolean }
  /** Parsed but does not match the log, the settings or a known format: rebuild and overwrite it. */
  | { kind: 'stale'; reason: string }
  /** Could not be parsed: must be moved aside, never overwritten. */
  | { kind: 'corrupt'; reason: string };

export function readSnapshot(home: string, params: string): SnapshotRead {
  const file = snapshotPath(home);
  if (!existsSync(file)) return { kind: 'missing' };
  let parsed: SnapshotFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { kind: 'corrupt', reason: (e as Error).message };
  }
  if (parsed?.params !== params) return { kind: 'stale', reason: 'settings changed since it was written' };
  const offset = parsed.log?.offset;
  // The snapshot must end on a line boundary of this very log: same bytes before its offset.
  if (typeof offset !== 'number' || logTail(home, offset) !== parsed.log.tail) return { kind: 'stale', reason: 'the review log does not match it' };
  let ledger: Ledger;
  try {
    ledger = decodeSnapshot(parsed);
  } catch (e) {
    return { kind: 'stale', reason: (e as Error).message };
  }
  return { kind: 'ok', ledger, offset, outdated: parsed.format !== SNAPSHOT_FORMAT };
}

/** Write atomically: a temp file named per process (two terminals never share one), fsync, rename. */
export function writeSnapshot(home: string, ledger: Ledger, offset: number, params: string, order?: Iterable<string>): void {
  const tail = logTail(home, offset);
  if (tail === undefined) return;
  writeFileAtomic(snapshotPath(home), JSON.stringify(encodeSnapshot(ledger, offset, tail, params, order)));
}
