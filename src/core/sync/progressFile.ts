/**
 * The progress file carried between machines: a header line
 * `{"amgi":"progress","version":1,"entries":N}` then one LogEntry per line (JSONL), sorted.
 * Read strictly: an entry that is not understood stops the import with its line number,
 * because merging half a history would rebuild wrong schedules.
 */
import type { LogEntry } from '../schedule/types.js';
import { InputError } from '../import/errors.js';
import { sortEntries } from './merge.js';

export const PROGRESS_VERSION = 1;

export function formatProgress(entries: LogEntry[]): string {
  const sorted = sortEntries(entries);
  const header = JSON.stringify({ amgi: 'progress', version: PROGRESS_VERSION, entries: sorted.length });
  return `${[header, ...sorted.map((e) => JSON.stringify(e))].join('\n')}\n`;
}

/** Checks one log line and returns the entry (the store's `parseEntry`: one validator for log and file). */
export type EntryParser = (line: string) => LogEntry | undefined;

export function parseProgress(text: string, file: string, parseEntry: EntryParser): LogEntry[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const fail = (line: number, problem: string, hint?: string): never => {
    throw new InputError(file, problem, { line, column: 1 }, hint);
  };
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) fail(1, 'the progress file is empty', 'create it with `amgi export --progress FILE`');
  let header: Record<string, unknown> | undefined;
  try {
    const h: unknown = JSON.parse(lines[first]!);
    if (h && typeof h === 'object' && !Array.isArray(h)) header = h as Record<string, unknown>;
  } catch {
    // reported below
  }
  if (!header || header.amgi !== 'progress') {
    fail(first + 1, 'not an amgi progress file (the first line must be {"amgi":"progress","version":1})', 'create it with `amgi export --progress FILE`');
  }
  const version = header!.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail(first + 1, `unknown progress file version ${JSON.stringify(version)}`);
  if ((version as number) > PROGRESS_VERSION) {
    fail(first + 1, `progress file version ${version} is newer than this amgi understands (${PROGRESS_VERSION})`, 'update amgi on this machine');
  }
  const entries: LogEntry[] = [];
  for (let k = first + 1; k < lines.length; k++) {
    const raw = lines[k]!;
    if (raw.trim() === '') continue;
    const entry = parseEntry(raw);
    if (entry) {
      entries.push(entry);
      continue;
    }
    // Not an entry: parse again only to say why.
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      fail(k + 1, 'broken line: not valid JSON', 'the file may be cut off or edited; export it again');
    }
    const v = (value as { v?: unknown } | null)?.v;
    if (typeof v === 'number' && v > 1) fail(k + 1, `entry format ${v} is newer than this amgi understands (1)`, 'update amgi on this machine');
    fail(k + 1, 'broken line: not a review log entry', 'export the file again on the other machine');
  }
  const declared = header!.entries;
  if (typeof declared === 'number' && declared !== entries.length) {
    fail(lines.length, `the header announces ${declared} entries but the file has ${entries.length}`, 'the file is incomplete; export it again');
  }
  return entries;
}
