/**
 * Review history between machines, as streams: `export --progress` writes the log's entries to
 * a progress file without holding them in memory, and a merge reads the file twice (check, then
 * append) so that a million-entry history moves in a few tens of megabytes. The log is only ever
 * appended to: a session answering in another window keeps every answer, and replay folds each
 * card in time order, so older entries refold just the cards they touch.
 */
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { LogEntry } from '../core/schedule/types.js';
import { InputError } from '../core/import/errors.js';
import { checkProgressCount, checkProgressHeader, checkProgressLine, emptyProgress, progressHeader } from '../core/sync/progressFile.js';
import { appendChunks, lineChunks, logPath, parseEntry, readEntriesAt, scanLog } from './log.js';
import { idHash, indexPath, loadIndex, type EntryIndex } from './entryIndex.js';
import { ensureDir, syncDir } from './atomicFile.js';
import { IdSet, IdsExcept, U32List } from './idSet.js';

const CHUNK = 1 << 20;

/** A descriptor on `file`, or one clear InputError (a folder, a missing or unreadable file). */
function openText(file: string): number {
  try {
    if (statSync(file).isDirectory()) throw new InputError(file, 'is a folder, not a file');
    return openSync(file, 'r');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** The text of the `got` bytes read (0: the end, flushing the decoder), or an InputError for binary or non-UTF-8 bytes. */
function decodeChunk(decoder: InstanceType<typeof TextDecoder>, bytes: Buffer, file: string): string {
  if (bytes.length > 0 && bytes.includes(0)) throw new InputError(file, 'binary file, not text', undefined, 'import a progress file made by `amgi export --progress`');
  try {
    return decoder.decode(bytes, { stream: bytes.length > 0 });
  } catch {
    throw new InputError(file, 'invalid UTF-8', undefined, 'save the file as UTF-8');
  }
}

const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** Each line of a UTF-8 text file (BOM and CR dropped), read in chunks: (text, 1-based line number). */
function* fileLines(file: string): Generator<[string, number]> {
  const fd = openText(file);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let n = 0;
  let carry = '';
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const got = readSync(fd, buf, 0, CHUNK, null);
      let text = decodeChunk(decoder, buf.subarray(0, got), file);
      if (n === 0 && carry === '' && text.startsWith('\ufeff')) text = text.slice(1);
      const parts = (carry + text).split('\n');
      carry = got > 0 ? parts.pop()! : '';
      for (const p of parts) yield [withoutCr(p), ++n];
      if (got <= 0) break;
    }
    if (carry) yield [withoutCr(carry), ++n];
  } finally {
    closeSync(fd);
  }
}

/** Every entry of a progress file, checked as `parseProgress` checks it, one at a time. */
function* progressEntries(file: string): Generator<LogEntry> {
  let declared: number | undefined;
  let header = false;
  let count = 0;
  let last = 0;
  for (const [raw, n] of fileLines(file)) {
    last = n;
    if (raw.trim() === '') continue;
    if (!header) {
      declared = checkProgressHeader(raw, file, n);
      header = true;
      continue;
    }
    yield checkProgressLine(raw, file, n, parseEntry);
    count++;
  }
  if (!header) emptyProgress(file);
  checkProgressCount(declared, count, file, last);
}

/** Export the log as a progress file (`-`: stdout): written to a temp file, fsync'd, renamed. Entries written. */
export function exportProgressFile(home: string, out: string): { entries: number; problems: string[] } {
  // Two passes: the header announces the count, and nothing is held in memory.
  let entries = 0;
  const { problems } = scanLog(home, 0, () => entries++);
  const toStdout = out === '-';
  if (!toStdout) ensureDir(dirname(out));
  const tmp = toStdout ? '' : join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  const fd = toStdout ? 1 : openSync(tmp, 'w', 0o644);
  try {
    let pending: string[] = [progressHeader(entries)];
    let size = 0;
    const flush = () => {
      const buf = Buffer.from(`${pending.join('\n')}\n`, 'utf8');
      for (let done = 0; done < buf.length; ) done += writeSync(fd, buf, done, buf.length - done);
      pending = [];
      size = 0;
    };
    let written = 0;
    scanLog(home, 0, (e) => {
      if (written++ >= entries) return; // appended since the count: the next export has them
      const line = JSON.stringify(e);
      pending.push(line);
      size += line.length;
      if (size > CHUNK) flush();
    });
    if (pending.length) flush();
    if (!toStdout) fsyncSync(fd);
  } catch (e) {
    if (!toStdout) {
      closeSync(fd);
      rmSync(tmp, { force: true });
    }
    throw e;
  }
  if (!toStdout) {
    closeSync(fd);
    renameSync(tmp, out);
    syncDir(dirname(out));
  }
  return { entries, problems };
}

/** What merging a progress file would do; nothing is written until `applyProgressMerge`. */
export interface ProgressPlan {
  file: string;
  /** Entries in the file. */
  incoming: number;
  /** Of those, already here. */
  known: number;
  /** Ids to append (each once). */
  add: IdsExcept;
  /** Ids here and there with different content: this machine's copy is kept. */
  conflicts: string[];
  /** New entries dated more than a day after now (a clock gone wrong), and the latest date. */
  future: { count: number; latest?: string };
  /** New `forget` entries (they reset cards to new). */
  forgets: number;
  /** Lines of the local log that could not be read (reported once). */
  logProblems: string[];
  /** The log's entry index when the check read it: the replay after the merge extends it. */
  index?: EntryIndex;
}

const FUTURE_SLACK_MS = 24 * 3_600_000;
/** Up to this many incoming entries, the log is read card by card through the index (see planProgressMerge). */
const BY_CARD_LIMIT = 20_000;
const digest = (e: LogEntry) => crc32(JSON.stringify(e));

/** Pass 1's findings about the file: its ids (with a digest of each entry), the cards it touches, what needs confirming. */
interface IncomingScan {
  incoming: IdSet;
  digests: U32List;
  /** The cards the file's entries belong to (undefined once one names none: an old keyless undo), each with its entries' id hashes (undefined: an undo, whose id the index does not keep). */
  keys: Map<string, number[] | undefined> | undefined;
  future: Set<string>;
  forgets: Set<string>;
  latest?: string;
  count: number;
}

/** The cards an entry touches, for the by-card read of pass 2 (keys undefined: scan the whole log). */
function noteCard(keys: IncomingScan['keys'], e: LogEntry, count: number): IncomingScan['keys'] {
  if (e.op === 'undo' && e.key === undefined) return undefined;
  if (!keys || count > BY_CARD_LIMIT) return keys;
  const had = keys.get(e.key!);
  if (e.op === 'undo') keys.set(e.key!, undefined);
  else if (had) had.push(idHash(e.id));
  else if (!keys.has(e.key!)) keys.set(e.key!, [idHash(e.id)]);
  return keys;
}

/** Pass 1, the file: every line checked before anything is written. */
function scanIncoming(file: string, now: number): IncomingScan {
  const r: IncomingScan = { incoming: new IdSet(), digests: new U32List(), keys: new Map(), future: new Set(), forgets: new Set(), count: 0 };
  for (const e of progressEntries(file)) {
    r.count++;
    r.digests.set(r.incoming.add(e.id), digest(e));
    r.keys = noteCard(r.keys, e, r.count);
    if (Date.parse(e.at) > now + FUTURE_SLACK_MS) {
      r.future.add(e.id);
      if (!r.latest || e.at > r.latest) r.latest = e.at;
    } else r.future.delete(e.id);
    if (e.op === 'forget') r.forgets.add(e.id);
  }
  return r;
}

/** The log lines of `keys`' cards whose id hash is one of the file's (all of a card's lines when it brings an undo). */
function touchedLines(home: string, index: EntryIndex, keys: Map<string, number[] | undefined>, seen: (e: LogEntry) => void): void {
  const offsets: number[] = [];
  for (const [key, hashes] of keys) {
    const own = index.entries(key);
    const want = hashes && new Set(hashes);
    for (let i = 0; i < own.off.length; i++) if (!want || want.has(own.hash[i]!)) offsets.push(own.off[i]!);
  }
  const fd = openSync(logPath(home), 'r');
  try {
    // A bounded batch at a time: parsed entries are ~300 bytes each.
    for (let i = 0; i < offsets.length; i += 50_000) for (const e of readEntriesAt(fd, offsets.slice(i, i + 50_000))) seen(e);
  } finally {
    closeSync(fd);
  }
}

export function planProgressMerge(home: string, file: string, now: number): ProgressPlan {
  const { incoming, digests, keys, future, forgets, latest, count } = scanIncoming(file, now);
  // Pass 2, the log: what is here already. A small file (another machine's last days, a sync
  // step) reads, through the entry index, only the lines whose id hash is one of its entries'
  // (all of a card's lines when it brings an undo: the index keeps an undo's target, not its
  // id); a big one, or one with an entry that names no card, scans the whole log once.
  let known = 0;
  const conflicts: string[] = [];
  /** 1: the file's entry of that number is here already. */
  const here = new Uint8Array(incoming.size);
  const seen = (e: LogEntry) => {
    const i = incoming.indexOf(e.id);
    if (i < 0 || here[i]) return;
    known++;
    if (digests.get(i) !== digest(e)) conflicts.push(e.id);
    here[i] = 1;
    future.delete(e.id);
    forgets.delete(e.id);
  };
  let problems: string[] = [];
  let index: EntryIndex | undefined;
  if (!existsSync(logPath(home))) {
    // No history here yet: everything is new.
  } else if (keys && count <= BY_CARD_LIMIT && existsSync(indexPath(home))) {
    index = loadIndex(home);
    touchedLines(home, index, keys, seen);
  } else problems = scanLog(home, 0, seen).problems;
  const add = new IdsExcept(incoming, here, known);
  return { file, incoming: count, known, add, conflicts: conflicts.sort(), future: { count: future.size, ...(latest && future.size ? { latest } : {}) }, forgets: forgets.size, logProblems: problems, ...(index ? { index } : {}) };
}

/** Append the plan's new entries (pass 3, the file again, one chunk at a time), all or nothing. */
export function applyProgressMerge(home: string, plan: ProgressPlan, io: { write?: typeof writeSync } = {}): void {
  if (plan.add.size === 0) return;
  function* lines(): Generator<string> {
    // Each id once: a flag by its number in the plan.
    const written = new Uint8Array(plan.add.span);
    for (const e of progressEntries(plan.file)) {
      const i = plan.add.indexOf(e.id);
      if (i < 0 || written[i]) continue;
      written[i] = 1;
      yield JSON.stringify(e);
    }
  }
  // The space check needs a size before writing: the file's is an upper bound.
  appendChunks(home, lineChunks(lines()), statSync(plan.file).size, io);
}
