/**
 * The state snapshot, `$AMGI_HOME/state.json`: the ledger (every item's FSRS state, the day
 * counters, recent undoable entries) as of a byte offset of the review log. It is a cache:
 * written atomically (temp file + rename) so a kill leaves the old or the new one, checked
 * against the log on load, and rebuilt from the log whenever it is missing, stale or damaged.
 * Items are stored as tuples, which halves the size and parse time of objects with keys.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DayStat, ItemState, Ledger, RecentEntry } from '../core/schedule/ledger.js';
import type { Settings } from '../core/schedule/types.js';
import { logPath } from './log.js';

export const SNAPSHOT_FILE = 'state.json';
export const SNAPSHOT_FORMAT = 2;
/** Bytes of the log just before the offset, kept to recognise the same log on load. */
const TAIL_BYTES = 64;

export function snapshotPath(home: string): string {
  return join(home, SNAPSHOT_FILE);
}

type Extras = Omit<Partial<ItemState>, 'prev'> & { prev?: ItemTuple };
type ItemTuple = [deck: string, due: number, s: number, d: number, el: number, sch: number, step: number, reps: number, lapses: number, st: number, last: number | null, ld: number | null, extras: Extras | 0];

// `ld` is set on every studied card: a tuple slot, not an extras object per card (start-up time).
const CORE_KEYS = new Set(['deck', 'due', 's', 'd', 'el', 'sch', 'step', 'reps', 'lapses', 'st', 'last', 'ld', 'prev', 'lastE']);

function encodeItem(s: ItemState, keepUndo: boolean): ItemTuple {
  let extras: Extras | 0 = 0;
  for (const k of Object.keys(s) as (keyof ItemState)[]) {
    if (CORE_KEYS.has(k) || s[k] === undefined) continue;
    (extras ||= {} as Extras)[k as 'ld'] = s[k] as number;
  }
  if (keepUndo && s.lastE) {
    extras ||= {};
    extras.lastE = s.lastE;
    if (s.prev) extras.prev = encodeItem(s.prev, true);
  }
  return [s.deck, s.due, s.s, s.d, s.el, s.sch, s.step, s.reps, s.lapses, s.st, s.last ?? null, s.ld ?? null, extras];
}

function decodeItem(t: ItemTuple): ItemState {
  if (!Array.isArray(t) || t.length !== 13 || typeof t[0] !== 'string' || typeof t[1] !== 'number' || typeof t[9] !== 'number') throw new Error('bad item');
  const s: ItemState = { deck: t[0], due: t[1], s: t[2], d: t[3], el: t[4], sch: t[5], step: t[6], reps: t[7], lapses: t[8], st: t[9] };
  if (t[10] !== null) s.last = t[10];
  if (t[11] !== null) s.ld = t[11];
  if (t[12]) {
    const { prev, ...rest } = t[12];
    Object.assign(s, rest);
    if (prev) s.prev = decodeItem(prev);
  }
  return s;
}

export interface SnapshotFile {
  format: number;
  /** The log bytes this snapshot covers, and the last of them (base64) to check it is the same log. */
  log: { offset: number; tail: string };
  /** What the states depend on besides the log (paramsKey): a change means a rebuild. */
  params: string;
  items: Record<string, ItemTuple>;
  days: Record<string, DayStat>;
  recent: RecentEntry[];
}

/** The settings a replay depends on: states built under other ones are rebuilt. */
export function paramsKey(settings: Pick<Settings, 'retention' | 'maximumInterval' | 'weights' | 'dayStartHour' | 'leechThreshold'>, fuzz: boolean): string {
  const { retention, maximumInterval, weights, dayStartHour, leechThreshold } = settings;
  return JSON.stringify([retention, maximumInterval, weights ?? null, dayStartHour, leechThreshold, fuzz]);
}

export function encodeSnapshot(ledger: Ledger, offset: number, tail: string, params: string): SnapshotFile {
  const undoable = new Set(ledger.recent.map((r) => r.id));
  const items: Record<string, ItemTuple> = {};
  for (const [key, s] of ledger.items) items[key] = encodeItem(s, s.lastE !== undefined && undoable.has(s.lastE.id));
  const days: Record<string, DayStat> = {};
  for (const [day, stat] of ledger.days) days[day] = stat;
  return { format: SNAPSHOT_FORMAT, log: { offset, tail }, params, items, days, recent: ledger.recent };
}

export function decodeSnapshot(f: SnapshotFile): Ledger {
  if (!f || f.format !== SNAPSHOT_FORMAT || typeof f.log?.offset !== 'number' || typeof f.items !== 'object' || typeof f.days !== 'object' || !Array.isArray(f.recent)) throw new Error('not a snapshot of this version');
  const items = new Map<string, ItemState>();
  for (const key of Object.keys(f.items)) items.set(key, decodeItem(f.items[key]!));
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
  | { kind: 'ok'; ledger: Ledger; offset: number }
  /** Parsed but does not match the log (or an older format): rebuild and overwrite it. */
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
  let ledger: Ledger;
  try {
    ledger = decodeSnapshot(parsed);
  } catch (e) {
    return { kind: 'stale', reason: (e as Error).message };
  }
  if (parsed.params !== params) return { kind: 'stale', reason: 'settings changed since it was written' };
  const { offset, tail } = parsed.log;
  // The snapshot must end on a line boundary of this very log: same bytes before its offset.
  if (logTail(home, offset) !== tail) return { kind: 'stale', reason: 'the review log does not match it' };
  return { kind: 'ok', ledger, offset };
}

/** Write atomically: a temp file named per process (two terminals never share one), fsync, rename. */
export function writeSnapshot(home: string, ledger: Ledger, offset: number, params: string): void {
  const tail = logTail(home, offset);
  if (tail === undefined) return;
  const file = snapshotPath(home);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(encodeSnapshot(ledger, offset, tail, params)));
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
