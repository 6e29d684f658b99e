/**
 * The progress file carried between machines: a header line
 * `{"amgi":"progress","version":1,"entries":N}` then one LogEntry per line (JSONL).
 * Read strictly: an entry that is not understood stops the import with its line number,
 * because merging half a history would rebuild wrong schedules. The store reads it as a
 * stream (store/progressTransfer.ts) with the checks below, one line at a time.
 */
import type { LogEntry } from '../schedule/types.js';
import { InputError } from '../import/errors.js';
import { sortEntries } from './merge.js';

const PROGRESS_VERSION = 1;

export function progressHeader(entries: number): string {
  return JSON.stringify({ amgi: 'progress', version: PROGRESS_VERSION, entries });
}

export function formatProgress(entries: LogEntry[]): string {
  const sorted = sortEntries(entries);
  return `${[progressHeader(sorted.length), ...sorted.map((e) => JSON.stringify(e))].join('\n')}\n`;
}

/** Checks one log line and returns the entry (the store's `parseEntry`: one validator for log and file). */
export type EntryParser = (line: string) => LogEntry | undefined;

const fail = (file: string, line: number, problem: string, hint?: string): never => {
  throw new InputError(file, problem, { line, column: 1 }, hint);
};

/** The header line (1-based `line`): the number of entries it announces, if any. */
export function checkProgressHeader(raw: string, file: string, line: number): number | undefined {
  let header: Record<string, unknown> | undefined;
  try {
    const h: unknown = JSON.parse(raw);
    if (h && typeof h === 'object' && !Array.isArray(h)) header = h as Record<string, unknown>;
  } catch {
    // reported below
  }
  if (header?.amgi !== 'progress') {
    fail(file, line, 'not an amgi progress file (the first line must be {"amgi":"progress","version":1})', 'create it with `amgi export --progress FILE`');
  }
  const version = header!.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail(file, line, `unknown progress file version ${JSON.stringify(version)}`);
  if ((version as number) > PROGRESS_VERSION) {
    fail(file, line, `progress file version ${version} is newer than this amgi understands (${PROGRESS_VERSION})`, 'update amgi on this machine');
  }
  return typeof header!.entries === 'number' ? header!.entries : undefined;
}

/** An entry line: the entry, or an InputError saying why not. */
export function checkProgressLine(raw: string, file: string, line: number, parseEntry: EntryParser): LogEntry {
  const entry = parseEntry(raw);
  if (entry) return entry;
  // Not an entry: parse again only to say why.
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    fail(file, line, 'broken line: not valid JSON', 'the file may be cut off or edited; export it again');
  }
  const v = (value as { v?: unknown } | null)?.v;
  if (typeof v === 'number' && v > 1) fail(file, line, `entry format ${v} is newer than this amgi understands (1)`, 'update amgi on this machine');
  return fail(file, line, 'broken line: not a review log entry (or one with an impossible date or time)', 'export the file again on the other machine');
}

export function checkProgressCount(declared: number | undefined, found: number, file: string, lastLine: number): void {
  if (declared !== undefined && declared !== found) fail(file, lastLine, `the header announces ${declared} entries but the file has ${found}`, 'the file is incomplete; export it again');
}

export function emptyProgress(file: string): never {
  return fail(file, 1, 'the progress file is empty', 'create it with `amgi export --progress FILE`');
}

export function parseProgress(text: string, file: string, parseEntry: EntryParser): LogEntry[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) emptyProgress(file);
  const declared = checkProgressHeader(lines[first]!, file, first + 1);
  const entries: LogEntry[] = [];
  for (let k = first + 1; k < lines.length; k++) {
    if (lines[k]!.trim() === '') continue;
    entries.push(checkProgressLine(lines[k]!, file, k + 1, parseEntry));
  }
  checkProgressCount(declared, entries.length, file, lines.length);
  return entries;
}
