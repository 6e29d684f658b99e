/**
 * Merging review histories from two machines: the union of entries by id, in one
 * deterministic order (time, then id). Union is idempotent, commutative and associative,
 * so merging the same file twice, or two files in either order, gives the same log.
 */
import type { LogEntry } from '../schedule/types.js';
import { canonicalJson } from './canonical.js';

export function compareEntries(a: LogEntry, b: LogEntry): number {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Of two entries claiming one id, the one with the smaller canonical JSON: the same pick in any order. */
function pick(a: LogEntry, b: LogEntry): LogEntry {
  return canonicalJson(a) <= canonicalJson(b) ? a : b;
}

export function mergeLogs(...logs: LogEntry[][]): LogEntry[] {
  const byId = new Map<string, LogEntry>();
  for (const log of logs) {
    for (const e of log) {
      const prev = byId.get(e.id);
      byId.set(e.id, prev ? pick(prev, e) : e);
    }
  }
  return [...byId.values()].sort(compareEntries);
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
      if (canonicalJson(mine) !== canonicalJson(e)) conflicts.add(e.id);
      continue;
    }
    const dup = fresh.get(e.id);
    fresh.set(e.id, dup ? pick(dup, e) : e);
  }
  return { add: [...fresh.values()].sort(compareEntries), known, conflicts: [...conflicts].sort() };
}
