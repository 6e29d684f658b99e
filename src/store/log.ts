/**
 * The review log, `$AMGI_HOME/reviews.jsonl`: one LogEntry JSON per line, append-only, the
 * source of truth for all progress. Each append is one write() on an O_APPEND descriptor
 * followed by fsync, so concurrent terminals interleave whole lines and an answer is on disk
 * before the next card is shown. A torn last line (a process killed mid-write) is never read
 * as an entry, and the next append starts on a fresh line so it cannot glue onto it.
 */
import { msg } from '../core/messages.js';
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, statfsSync, statSync, writeSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { join } from 'node:path';
import { syncDir, writeFileAtomic } from './atomicFile.js';
import { DAYS_KEY, GRADES, type AnswerKind, type LogEntry } from '../core/schedule/types.js';
import { parseInstant } from '../core/schedule/instant.js';

const LOG_FILE = 'reviews.jsonl';

export function logPath(home: string): string {
  return join(home, LOG_FILE);
}

const KINDS: readonly AnswerKind[] = ['review', 'cram', 'quiz'];
const FLAG_OPS = new Set(['suspend', 'unsuspend', 'bury', 'unbury', 'forget']);
const isStr = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
/** Entry dates amgi accepts: from 2000 to 9999 (a later one is damage, and would freeze a card). */
const MIN_AT = Date.UTC(2000, 0, 1);
const MAX_AT = Date.UTC(10000, 0, 1) - 1;
/** An answer's time is capped at an hour when recorded: more is damage. */
export const MAX_ANSWER_MS = 3_600_000;
const isNum = (x: unknown, min = 0): x is number => typeof x === 'number' && Number.isFinite(x) && x >= min;

function isRestoredState(x: unknown): boolean {
  if (!x || typeof x !== 'object') return false;
  const s = x as Record<string, unknown>;
  return ['due', 's', 'd', 'el', 'sch', 'step', 'reps', 'lapses'].every((k) => isNum(s[k])) && [0, 1, 2, 3].includes(s.st as number) && (s.last === undefined || isNum(s.last));
}

/**
 * An answer line exactly as amgi writes it (JSON.stringify of session.ts's object: this key
 * order, no whitespace, no escapes, whole-number ms), decoded without JSON.parse into an object
 * with the same keys in the same order. Anything else — another order, an escape, a fraction —
 * does not match and goes through JSON.parse; either way parseEntry validates the result. Why:
 * JSON.parse was a quarter of a 1M-entry rebuild, and the regular expression is a few times faster.
 */
const ANSWER_LINE = /^\{"v":1,"id":"([^"\\\x00-\x1f]+)","at":"([^"\\\x00-\x1f]+)","op":"answer","key":"([^"\\\x00-\x1f]+)","deck":"([^"\\\x00-\x1f]+)","grade":([1-4]),"ms":(0|[1-9][0-9]{0,14}),"kind":"(?:review()|cram()|quiz)","reschedule":(?:true()|false)(?:,"plan":"([^"\\\x00-\x1f]+)")?(?:,"due":"([^"\\\x00-\x1f]+)")?\}$/;

function decodeAnswerLine(line: string): Record<string, unknown> | undefined {
  const m = ANSWER_LINE.exec(line);
  if (!m) return undefined;
  // kind and reschedule by which empty group matched: no capture text to allocate per line.
  const kind = m[7] !== undefined ? 'review' : m[8] !== undefined ? 'cram' : 'quiz';
  const e: Record<string, unknown> = { v: 1, id: m[1], at: m[2], op: 'answer', key: m[3], deck: m[4], grade: m[5]!.charCodeAt(0) - 48, ms: Number(m[6]), kind, reschedule: m[9] !== undefined };
  if (m[10] !== undefined) e.plan = m[10];
  if (m[11] !== undefined) e.due = m[11];
  return e;
}

/** The fields of an answer entry (time `at` already checked). */
function isAnswer(e: Record<string, unknown>, at: number): boolean {
  if (!isStr(e.key) || !isStr(e.deck) || !GRADES.includes(e.grade as never) || !isNum(e.ms) || e.ms > MAX_ANSWER_MS) return false;
  if (!KINDS.includes(e.kind as never) || typeof e.reschedule !== 'boolean') return false;
  if (e.plan !== undefined && !isStr(e.plan)) return false;
  if (e.due === undefined) return true;
  const due = isStr(e.due) ? parseInstant(e.due) : Number.NaN;
  return due >= at && due <= MAX_AT;
}

/** A parsed line if it is a well-formed entry, else undefined. */
export function parseEntry(line: string): LogEntry | undefined {
  let e: Record<string, unknown> | undefined = decodeAnswerLine(line);
  if (!e) {
    try {
      e = JSON.parse(line);
    } catch {
      return undefined;
    }
  }
  if (!e || typeof e !== 'object' || e.v !== 1 || !isStr(e.id) || !isStr(e.at)) return undefined;
  const at = parseInstant(e.at);
  if (!(at >= MIN_AT && at <= MAX_AT)) return undefined;
  switch (e.op) {
    case 'answer':
      return isAnswer(e, at) ? (e as unknown as LogEntry) : undefined;
    case 'undo':
      return isStr(e.target) && (e.key === undefined || isStr(e.key)) ? (e as unknown as LogEntry) : undefined;
    case 'restore':
      return isStr(e.key) && isStr(e.deck) && isRestoredState(e.state) ? (e as unknown as LogEntry) : undefined;
    case 'days':
      return e.key === DAYS_KEY && !!e.days && typeof e.days === 'object' ? (e as unknown as LogEntry) : undefined;
    default:
      return FLAG_OPS.has(e.op as string) && isStr(e.key) && isStr(e.deck) ? (e as unknown as LogEntry) : undefined;
  }
}

export interface ScanResult {
  /** Byte offset just after the last complete line read. */
  end: number;
  problems: string[];
  /** The file size seen (end < size when the last line is incomplete). */
  size: number;
  /** Inode of the file read (undefined: no log). */
  ino?: number;
  /** The file is not the one `expectIno` names (replaced by a merge): nothing was read. */
  replaced?: boolean;
}

const CHUNK = 1 << 20;
/** Bytes of ASCII lines decoded into one string (small enough for the young generation). */
const TEXT_WINDOW = 64 << 10;

export interface LineScan {
  /** Byte offset just after the last complete line read. */
  end: number;
  size: number;
  ino?: number;
  replaced?: boolean;
}

/** Call `onLine` for each complete, non-empty line of `buf` (at byte `base` of the file); the bytes consumed. */
function eachLine(buf: Buffer, base: number, onLine: (text: string, offset: number) => void): number {
  let start = 0;
  const end = buf.lastIndexOf(10) + 1;
  if (end > 0 && isAscii(buf.subarray(0, end))) {
    // Plain ASCII (amgi's own lines): one string per ~64 KB of whole lines and a slice per
    // line, where a UTF-8 decode per line was ≈ 0.2 µs of each line's cost. Byte offsets are
    // string offsets. Not one string per 1 MB chunk: that large an object is only freed by a
    // full collection, and a rebuild's peak memory grew by the chunks waiting for one.
    while (start < end) {
      let stop = buf.lastIndexOf(10, Math.min(start + TEXT_WINDOW, end) - 1) + 1;
      if (stop <= start) stop = buf.indexOf(10, start) + 1; // a line longer than the window
      const text = buf.toString('latin1', start, stop);
      for (let i = 0, nl = text.indexOf('\n'); nl >= 0; i = nl + 1, nl = text.indexOf('\n', i)) if (nl > i) onLine(text.slice(i, nl), base + start + i);
      start = stop;
    }
    return start;
  }
  for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
    if (nl > start) onLine(buf.toString('utf8', start, nl), base + start);
    start = nl + 1;
  }
  return start;
}

/**
 * Call `onLine` for each complete, non-empty line of `file` from byte `from` to the end (the
 * text, the line's byte offset). Stops before an incomplete last line (another writer's, a torn
 * one, or half of what a sync tool is delivering) without consuming it. `expectIno`: the file
 * the offset belongs to; another inode has other bytes there, so nothing is read.
 */
export function scanLines(file: string, from: number, onLine: (text: string, offset: number) => void, expectIno?: number): LineScan {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    // A file that was read before and is gone now was replaced too (by nothing).
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { end: 0, size: 0, replaced: expectIno !== undefined };
    throw e;
  }
  try {
    const { size, ino } = fstatSync(fd);
    if (expectIno !== undefined && ino !== expectIno) return { end: from, size, ino, replaced: true };
    let pos = Math.min(from, size);
    let carry: Buffer = Buffer.alloc(0);
    let carryAt = pos;
    while (pos < size) {
      const want = Math.min(CHUNK, size - pos);
      // The carried part of a line first, then the read right after it: no copy of the megabyte read.
      const chunk = Buffer.allocUnsafe(carry.length + want);
      carry.copy(chunk, 0);
      const got = readSync(fd, chunk, carry.length, want, pos);
      if (got <= 0) break;
      pos += got;
      const buf = chunk.subarray(0, carry.length + got);
      const start = eachLine(buf, carryAt, onLine);
      carry = buf.subarray(start);
      carryAt += start;
    }
    return { end: carryAt, size, ino };
  } finally {
    closeSync(fd);
  }
}

/**
 * Read complete lines from byte `from` to the end, calling `onEntry` for each valid entry
 * (scanLines: an incomplete last line is left for later, a replaced file is not read).
 */
export function scanLog(home: string, from: number, onEntry: (e: LogEntry, offset: number) => void, expectIno?: number, file = logPath(home)): ScanResult {
  const problems: string[] = [];
  let unreadable = 0;
  let firstBad = 0;
  const r = scanLines(
    file,
    from,
    (text, offset) => {
      const e = parseEntry(text);
      if (e) onEntry(e, offset);
      else if (unreadable++ === 0) firstBad = offset;
    },
    expectIno,
  );
  // One line for a whole damaged stretch, not one per line.
  if (unreadable) problems.push(msg().logSkipped(LOG_FILE, unreadable, firstBad));
  return { ...r, problems };
}

/** The entry on the line that starts at `offset` (the index only names lines it read as entries). */
export function readEntryAt(fd: number, offset: number): LogEntry {
  let size = 512;
  for (;;) {
    const buf = Buffer.allocUnsafe(size);
    const got = readSync(fd, buf, 0, size, offset);
    const nl = buf.subarray(0, got).indexOf(10);
    if (nl >= 0 || got < size) {
      const e = parseEntry(buf.toString('utf8', 0, nl >= 0 ? nl : got));
      if (!e) throw new Error(`the review log changed under amgi at byte ${offset}`);
      return e;
    }
    size *= 4;
  }
}

/** Offsets closer than this are read with one read() (a window), not one each. */
const GAP = 16 << 10;
const WINDOW = 1 << 20;

/**
 * The entries on the lines that start at `offsets` (any order; the result follows it), read in
 * windows: a refold or a merge check of a thousand cards reads ~100k lines spread over the log,
 * and one read() a line made the system calls most of its cost.
 */
export function readEntriesAt(fd: number, offsets: readonly number[]): LogEntry[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const out: LogEntry[] = new Array(offsets.length);
  const buf = Buffer.allocUnsafe(WINDOW + 1024);
  for (let i = 0; i < order.length; ) {
    const start = offsets[order[i]!]!;
    let j = i + 1;
    while (j < order.length && offsets[order[j]!]! - offsets[order[j - 1]!]! < GAP && offsets[order[j]!]! - start < WINDOW) j++;
    const got = readSync(fd, buf, 0, Math.min(buf.length, offsets[order[j - 1]!]! - start + 1024), start);
    for (let k = i; k < j; k++) {
      const at = offsets[order[k]!]! - start;
      const nl = buf.indexOf(10, at);
      // A line running past what was read (a long one, the window's end): on its own.
      if (nl < 0 || nl >= got) {
        out[order[k]!] = readEntryAt(fd, start + at);
        continue;
      }
      const e = parseEntry(buf.toString('utf8', at, nl));
      if (!e) throw new Error(`the review log changed under amgi at byte ${start + at}`);
      out[order[k]!] = e;
    }
    i = j;
  }
  return out;
}

/** Every valid entry of the log, and the lines that were skipped. For export/merge. */
export function readLog(home: string): { entries: LogEntry[]; problems: string[] } {
  const entries: LogEntry[] = [];
  const { problems } = scanLog(home, 0, (e) => entries.push(e));
  return { entries, problems };
}

/** An open log for appending (kept open by a running session: one open() per process, not per answer). */
export class LogAppender {
  private fd: number | undefined;
  constructor(private readonly home: string) {}

  /** Append entries as whole lines with one write, then fsync. Durable when it returns. */
  append(entries: LogEntry[]): void {
    if (entries.length === 0) return;
    // `import --progress` may have replaced the log file (rename over it): append to the file
    // the path names now, never to the old one that nobody will read again.
    if (this.fd !== undefined && logInode(this.home) !== fstatSync(this.fd).ino) this.close();
    if (this.fd === undefined) {
      mkdirSync(this.home, { recursive: true });
      this.fd = openSync(logPath(this.home), 'a+');
      // A new file's directory entry must be durable too.
      if (fstatSync(this.fd).size === 0) syncDir(this.home);
    }
    const fd = this.fd;
    let text = entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
    const size = fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 10) text = `\n${text}`;
    }
    const buf = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
    fsyncSync(fd);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Inode of the log file now (undefined: no file). A different inode means the log was replaced. */
function logInode(home: string): number | undefined {
  try {
    return statSync(logPath(home)).ino;
  } catch {
    return undefined;
  }
}

/** Append entries durably (opens, writes, fsyncs, closes). */
export function appendEntries(home: string, entries: LogEntry[]): void {
  const a = new LogAppender(home);
  try {
    a.append(entries);
  } finally {
    a.close();
  }
}

/**
 * Append a stream of whole-line chunks all or nothing (a merge): checks the free space first
 * (`bytes`: the total), and when a write still fails part-way (a full disk, an I/O error) cuts
 * the file back to where the batch began — unless another window appended behind it meanwhile,
 * which is then said (a merge is idempotent: running it again completes it).
 */
export function appendChunks(home: string, chunks: Iterable<Buffer>, bytes: number, io: { write?: typeof writeSync } = {}): void {
  const write = io.write ?? writeSync;
  mkdirSync(home, { recursive: true });
  try {
    const fs = statfsSync(home);
    if (fs.bavail * fs.bsize < bytes * 2) throw Object.assign(new Error(`ENOSPC: not enough free space in ${home} for ${bytes} bytes`), { code: 'ENOSPC' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC') throw e;
    // statfs unsupported here: the writes themselves still check.
  }
  const fd = openSync(logPath(home), 'a+');
  try {
    const start = fstatSync(fd).size;
    // Expected size after our writes; another window's append shows as a difference.
    let end = start;
    try {
      if (start > 0) {
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, start - 1);
        if (last[0] !== 10) end += write(fd, Buffer.from('\n'));
      }
      for (const chunk of chunks) {
        for (let done = 0; done < chunk.length; ) {
          const n = write(fd, chunk, done, chunk.length - done);
          done += n;
          end += n;
        }
      }
      fsyncSync(fd);
    } catch (e) {
      if (end > start) {
        if (fstatSync(fd).size === end) ftruncateSync(fd, start);
        else throw Object.assign(new Error(`${(e as Error).message}; part of the merge was written and another window appended after it: run the import again to complete it`), { code: (e as NodeJS.ErrnoException).code });
      }
      throw e;
    }
  } finally {
    closeSync(fd);
  }
}

/** Lines as newline-terminated chunks of about 1 MB (appendChunks' input): no one buffer of all of them. */
export function* lineChunks(lines: Iterable<string>): Generator<Buffer> {
  let pending: string[] = [];
  let size = 0;
  for (const line of lines) {
    pending.push(line);
    size += line.length;
    if (size > CHUNK) {
      yield Buffer.from(`${pending.join('\n')}\n`, 'utf8');
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield Buffer.from(`${pending.join('\n')}\n`, 'utf8');
}

/** Write a whole new log (a recovery): atomic and durable. */
export function writeLogFile(home: string, entries: LogEntry[]): void {
  writeFileAtomic(logPath(home), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

