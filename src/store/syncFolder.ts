/**
 * Sync through a folder a sync tool carries (Syncthing, Dropbox, iCloud, git): each machine
 * appends the entries it writes to its own `<dir>/<device>.jsonl` and never writes another's, so
 * the tool never sees two machines change one file. A step (on open and before each answer):
 *
 *  1. merge: the complete new lines of the other device files are appended to the local log
 *     (the only log replay reads), once each by id — the store's append-only merge;
 *  2. export: the local log's entries past the last step that did not come from a device file
 *     are appended to this device's file.
 *
 * The local log stays the single source of truth, so turning sync on or off, or a kill at any
 * point, loses no answer: what a step did not finish the next one does, and every write is
 * idempotent by entry id. Per machine, `$AMGI_HOME/sync-state.json` remembers how far each file
 * was read (a cache: without it everything is re-read and deduplicated). A file a sync tool
 * delivers by rename (a new inode) is continued where it was left when the bytes before that
 * point are unchanged; a file that shrank or changed is re-read whole and merged by id.
 * Steps of two windows are serialised by `sync.lock` (a window that finds it taken skips its
 * step: the other one is doing the same work).
 */
import { closeSync, fstatSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { LogEntry } from '../core/schedule/types.js';
import { syncDir as fsyncDir, writeFileAtomic } from './atomicFile.js';
import { appendChunks, lineChunks, logPath, parseEntry, scanLines, scanLog } from './log.js';
import { ensureDevice, syncDirOf } from './syncConfig.js';
import { isConflictCopy, originalOf } from './conflictCopy.js';
import { IdSet } from './idSet.js';
import { fsCause, msg } from '../core/messages.js';

const DEVICE_FORMAT = 1;
const STATE_FILE = 'sync-state.json';
const LOCK_FILE = 'sync.lock';
/** A lock older than this was left by a killed process (a step takes milliseconds). */
const STALE_LOCK_MS = 30_000;
/** Bytes before a file's read offset that must be unchanged for reading to continue there. */
const TAIL = 64;
const FUTURE_SLACK_MS = 24 * 3_600_000;

interface FileMark {
  offset: number;
  ino: number;
  tail: number;
}

interface SyncState {
  v: 1;
  dir: string;
  device: string;
  /** Local log: bytes covered by the last step (merged or exported), and its inode. */
  logEnd: number;
  logIno?: number;
  /** Size of this device's file after the last step. */
  own: number;
  files: Record<string, FileMark>;
}

/** A device file's id: its name without `.jsonl` and without a conflict copy's mark. */
function deviceOfFile(name: string): string {
  return originalOf(name.replace(/\.jsonl$/, ''));
}

export function deviceFileName(device: string): string {
  return `${device}.jsonl`;
}

export function deviceHeader(device: string, name: string): string {
  return JSON.stringify({ amgi: 'device', version: DEVICE_FORMAT, device, name });
}

/** The device files in the folder: `*.jsonl`, not hidden (sync tools' temp files are). */
export function deviceFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl') && !n.startsWith('.') && !n.startsWith('~'))
    .sort();
}

/** One line of a device file: an entry, the header, or something this amgi cannot use. */
type Line = { kind: 'entry'; entry: LogEntry } | { kind: 'header'; device?: string; name?: string; newer: boolean } | { kind: 'newer' } | { kind: 'bad' };

function readDeviceLine(text: string): Line {
  const entry = parseEntry(text);
  if (entry) return { kind: 'entry', entry };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { kind: 'bad' };
  }
  if (raw && raw.amgi === 'device') {
    const version = typeof raw.version === 'number' ? raw.version : 0;
    return { kind: 'header', newer: version > DEVICE_FORMAT, ...(typeof raw.device === 'string' ? { device: raw.device } : {}), ...(typeof raw.name === 'string' ? { name: raw.name } : {}) };
  }
  return raw && typeof raw.v === 'number' && raw.v > 1 ? { kind: 'newer' } : { kind: 'bad' };
}

export interface StepResult {
  /** Another window holds the lock: nothing was done. */
  busy?: true;
  /** Entries appended to the local log from other devices, and to this device's file. */
  merged: number;
  exported: number;
  /** One line each: files skipped (a newer amgi), unreadable lines. */
  problems: string[];
}

function readState(home: string, dir: string, device: string): SyncState | undefined {
  try {
    const s = JSON.parse(readFileSync(join(home, STATE_FILE), 'utf8')) as SyncState;
    if (s.v === 1 && s.dir === dir && s.device === device && typeof s.logEnd === 'number' && typeof s.own === 'number' && s.files && typeof s.files === 'object') return s;
  } catch {
    // Missing or damaged: a cache; the step starts over and deduplicates by id.
  }
  return undefined;
}

/** Take the step lock, or undefined when a live window holds it. */
function lock(home: string, nowMs: number): (() => void) | undefined {
  const file = join(home, LOCK_FILE);
  // The pid is written first and the lock made by link(), which fails when it exists: a lock
  // file always names its owner, even when the owner was killed while taking it.
  const tmp = join(home, `.${LOCK_FILE}.${process.pid}.${Date.now().toString(36)}.tmp`); // a temp name housekeeping removes
  writeFileSync(tmp, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(tmp, file);
        return () => rmSync(file, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      if (!staleLock(file, nowMs)) return undefined;
      rmSync(file, { force: true });
    }
    return undefined;
  } finally {
    rmSync(tmp, { force: true });
  }
}

function staleLock(file: string, nowMs: number): boolean {
  try {
    const st = statSync(file);
    if (Math.abs(Date.now() - st.mtimeMs) > STALE_LOCK_MS && Math.abs(nowMs - st.mtimeMs) > STALE_LOCK_MS) return true;
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return true;
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // ESRCH: the writer is gone (killed mid-step). ENOENT: released meanwhile.
    return (e as NodeJS.ErrnoException).code === 'ESRCH' || (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** node:zlib on first use: `amgi status` imports this module (device file names) and never needs it; loading it costs 1–4 ms. */
let zlib: typeof import('node:zlib') | undefined;

/** crc32 of the TAIL bytes before `offset`: whether a file still starts with what was read. */
function tailCrc(file: string, offset: number): number {
  const n = Math.min(TAIL, offset);
  if (n === 0) return 0;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, offset - n);
    return (zlib ??= createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib')).crc32(buf.subarray(0, got));
  } finally {
    closeSync(fd);
  }
}

/** Where to go on reading `file`: 0 (all of it, deduplicated by id) unless it only grew since. */
function resumeAt(file: string, st: Stats, mark: FileMark | undefined): number {
  if (!mark || st.size < mark.offset) return 0;
  if (st.ino === mark.ino) return mark.offset;
  // Delivered anew (a sync tool writes a temp file and renames it): continue if the start is the same.
  return tailCrc(file, mark.offset) === mark.tail ? mark.offset : 0;
}

/**
 * One sync step for the data folder `home` (a no-op when sync is off). Never throws for what a
 * sync tool or another machine did: damaged files and lines become `problems`.
 */
export function syncStep(home: string, opts: { env?: NodeJS.ProcessEnv; now?: number } = {}): StepResult | undefined {
  const where = syncDirOf(home, opts.env);
  if (!where) return undefined;
  const nowMs = opts.now ?? Date.now();
  const release = lock(home, nowMs);
  if (!release) return { busy: true, merged: 0, exported: 0, problems: [] };
  try {
    return step(home, where.dir);
  } finally {
    release();
  }
}

function step(home: string, dir: string): StepResult {
  const { device, name } = ensureDevice(home);
  const problems: string[] = [];
  let names: string[];
  try {
    names = deviceFiles(dir);
  } catch (e) {
    return { merged: 0, exported: 0, problems: [msg().syncFolderUnreadable(dir, fsCause(e))] };
  }
  const ownName = deviceFileName(device);
  const ownFile = join(dir, ownName);
  const old = readState(home, dir, device);
  const ownSize = fileSize(ownFile);
  const log = logPath(home);
  const logSt = statOrUndefined(log);
  // This device's file lost lines (replaced by an older copy, deleted) or the local log was
  // replaced (a recovery), or no state: everything is checked against everything, by id.
  const full = !old || ownSize < old.own || (old.logIno !== undefined && logSt?.ino !== old.logIno) || (logSt?.size ?? 0) < old.logEnd;
  const state: SyncState = full ? { v: 1, dir, device, logEnd: 0, own: 0, files: {} } : old;

  // 1. Read the new lines of the other device files (conflict copies of any device included).
  const incoming = new Map<string, string>();
  let wholeRead = full;
  for (const n of names) {
    if (n === ownName) continue;
    if (readDeviceFile(join(dir, n), n, state, incoming, problems) === 'whole') wholeRead = true;
  }
  for (const n of Object.keys(state.files)) if (!names.includes(n)) delete state.files[n];

  // 2. Append those not in the local log yet. A step killed after its append re-reads the same
  // lines: they are in the log's tail since the last step, so the tail is enough — unless a file
  // was read whole (the whole log is checked then).
  const foreign = new Set(incoming.keys());
  appendNewToLog(home, incoming, wholeRead ? 0 : state.logEnd);

  // 3. Export this machine's entries: the log past the last step, less what came from a device
  // file. Those already in this device's file (a step killed after writing it) are skipped.
  const inOwn = new IdSet();
  if (ownSize > state.own) scanLines(ownFile, state.own, (text) => {
    const l = readDeviceLine(text);
    if (l.kind === 'entry') inOwn.add(l.entry.id);
  });
  if (full && ownSize > 0) collectIds(join(dir, ownName), inOwn);
  const out: string[] = [];
  const scan = scanLog(home, state.logEnd, (e) => {
    if (!foreign.has(e.id) && !inOwn.has(e.id)) out.push(JSON.stringify(e));
  });
  let own = ownSize;
  if (out.length) own = appendOwn(ownFile, out, device, name);
  state.logEnd = scan.end;
  state.logIno = scan.ino;
  state.own = own;
  try {
    writeFileAtomic(join(home, STATE_FILE), JSON.stringify(state), { durable: false });
  } catch {
    // A cache: the next step reads more and deduplicates by id.
  }
  return { merged: incoming.size, exported: out.length, problems };
}

/** The incoming lines the local log does not hold yet (checked from `from`), appended; `incoming` keeps only those. */
function appendNewToLog(home: string, incoming: Map<string, string>, from: number): void {
  if (!incoming.size) return;
  scanLog(home, from, (e) => incoming.delete(e.id));
  if (!incoming.size) return;
  // In ~1 MB chunks: one buffer of 666k lines (and the string it was made from) was ~260 MB.
  let bytes = 0;
  for (const text of incoming.values()) bytes += Buffer.byteLength(text) + 1;
  appendChunks(home, lineChunks(incoming.values()), bytes);
}

/**
 * The new lines of another device's file into `incoming` (id → line, first seen wins), its mark
 * in `state` moved past them. 'whole' when the file was read from its start.
 */
function readDeviceFile(file: string, n: string, state: SyncState, incoming: Map<string, string>, problems: string[]): 'whole' | 'tail' | 'none' {
  const st = statOrUndefined(file);
  if (!st?.isFile()) return 'none';
  const mark = state.files[n];
  const from = resumeAt(file, st, mark);
  if (mark && from === mark.offset && st.size === mark.offset) {
    if (st.ino !== mark.ino) state.files[n] = { ...mark, ino: st.ino };
    return 'none';
  }
  let headerNewer = false;
  let newer = 0;
  let bad = 0;
  const got: [string, string][] = [];
  const scan = scanLines(file, from, (text) => {
    const l = readDeviceLine(text);
    if (l.kind === 'entry') got.push([l.entry.id, text]);
    else if (l.kind === 'header') headerNewer ||= l.newer;
    else if (l.kind === 'newer') newer++;
    else bad++;
  });
  if (headerNewer) {
    // A file from a newer amgi may mean something else by the same fields: left whole for an
    // amgi that understands it (read again after an update).
    problems.push(msg().syncNewerFile(n));
    delete state.files[n];
    return 'none';
  }
  for (const [id, text] of got) if (!incoming.has(id)) incoming.set(id, text);
  if (newer) problems.push(msg().syncNewerEntries(n, newer));
  if (bad) problems.push(msg().syncBadLines(n, bad));
  state.files[n] = { offset: scan.end, ino: st.ino, tail: tailCrc(file, scan.end) };
  return from === 0 ? 'whole' : 'tail';
}

/** One line of a device file counted into its report. */
function countLine(r: DeviceReport, l: Line, local: IdSet, nowMs: number): void {
  if (l.kind === 'header') {
    if (l.name) r.name = l.name;
    if (l.newer) r.newer = true;
  } else if (l.kind === 'newer') r.newer = true;
  else if (l.kind === 'bad') r.bad++;
  else {
    const e = l.entry;
    r.entries++;
    if (!local.has(e.id)) r.pending++;
    if (e.op === 'answer' && (!r.lastAnswer || e.at > r.lastAnswer)) r.lastAnswer = e.at;
    if (Date.parse(e.at) > nowMs + FUTURE_SLACK_MS) r.future++;
  }
}

function collectIds(file: string, into: IdSet): void {
  scanLines(file, 0, (text) => {
    const l = readDeviceLine(text);
    if (l.kind === 'entry') into.add(l.entry.id);
  });
}

/** Append lines to this device's file (a header first when new), durably. Its new size. */
function appendOwn(file: string, lines: string[], device: string, name: string): number {
  const fd = openSync(file, 'a+');
  try {
    const size = fstatSync(fd).size;
    let text = `${lines.join('\n')}\n`;
    if (size === 0) text = `${deviceHeader(device, name)}\n${text}`;
    else {
      // A write cut by a kill left half a line: start on a fresh one.
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 10) text = `\n${text}`;
    }
    const buf = Buffer.from(text, 'utf8');
    for (let done = 0; done < buf.length; ) done += writeSync(fd, buf, done, buf.length - done);
    fsyncSync(fd);
    if (size === 0) fsyncDir(join(file, '..'));
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function fileSize(file: string): number {
  return statOrUndefined(file)?.size ?? 0;
}

export interface DeviceReport {
  file: string;
  device: string;
  name?: string;
  entries: number;
  /** Time of the newest answer (ISO), if any. */
  lastAnswer?: string;
  conflictCopy: boolean;
  own: boolean;
  /** Complete lines not in the local log yet. */
  pending: number;
  /** A last line still being delivered. */
  torn: boolean;
  future: number;
  newer: boolean;
  bad: number;
}

/** Every device file read whole, for `amgi sync` (not on the open path). */
export function syncReport(home: string, dir: string, device: string, nowMs: number): DeviceReport[] {
  // Every id of the local log (a million at the largest): compact, as in a progress merge.
  const local = new IdSet();
  scanLog(home, 0, (e) => local.add(e.id));
  const out: DeviceReport[] = [];
  for (const n of deviceFiles(dir)) {
    const file = join(dir, n);
    if (!statOrUndefined(file)?.isFile()) continue;
    const r: DeviceReport = { file: n, device: deviceOfFile(n), entries: 0, conflictCopy: isConflictCopy(n), own: n === deviceFileName(device), pending: 0, torn: false, future: 0, newer: false, bad: 0 };
    const scan = scanLines(file, 0, (text) => countLine(r, readDeviceLine(text), local, nowMs));
    r.torn = scan.end < scan.size;
    out.push(r);
  }
  return out;
}
