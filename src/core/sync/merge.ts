/**
 * Merging review histories from two machines: the union of entries by id, in one
 * deterministic order (time, then id). Union is idempotent, commutative and associative,
 * so merging the same file twice, or two files in either order, gives the same log.
 */
import type { LogEntry } from '../schedule/types.js';
import { canonicalJson } from './canonical.js';
import { sortEntries } from '../schedule/logOrder.js';

export { compareEntries, sortEntries } from '../schedule/logOrder.js';

/** Same content? Plain JSON first (same key order is the common case), canonical JSON if not. */
function same(a: LogEntry, b: LogEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
}

/** Of two entries claiming one id, the one with the smaller canonical JSON: the same pick in any order. */
export function pickEntry(a: LogEntry, b: LogEntry): LogEntry {
  if (a === b || same(a, b)) return a;
  return canonicalJson(a) <= canonicalJson(b) ? a : b;
}

export function mergeLogs(...logs: LogEntry[][]): LogEntry[] {
  const byId = new Map<string, LogEntry>();
  for (const log of logs) {
    for (const e of log) {
      const prev = byId.get(e.id);
      byId.set(e.id, prev ? pickEntry(prev, e) : e);
    }
  }
  return sortEntries([...byId.values()]);
}

export interface MergePlan {
  /** Entries of `incoming` this machine does not have, in log order: append them. */
  add: LogEntry[];
  /** Incoming entries already here. */
  known: number;
  /** Ids present on both sides with different content (the local entry is kept). */
  conflicts: string[];
}

/** What to append to an append-only local log so that it holds the union. */
export function planMerge(local: LogEntry[], incoming: LogEntry[]): MergePlan {
  const here = new Map(local.map((e) => [e.id, e]));
  const fresh = new Map<string, LogEntry>();
  let known = 0;
  const conflicts = new Set<string>();
  for (const e of incoming) {
    const mine = here.get(e.id);
    if (mine) {
      known++;
      if (!same(mine, e)) conflicts.add(e.id);
      continue;
    }
    const dup = fresh.get(e.id);
    fresh.set(e.id, dup ? pickEntry(dup, e) : e);
  }
  return { add: sortEntries([...fresh.values()]), known, conflicts: [...conflicts].sort() };
}
