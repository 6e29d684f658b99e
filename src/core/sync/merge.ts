/**
 * Review histories from several machines hold the union of their entries by id. Two copies
 * of one id with different content (edited by hand, a bug elsewhere) must resolve the same way
 * on every machine and in any order: `pickEntry`. The merge itself streams in the store
 * (store/progressTransfer.ts) and replay folds in log order (core/schedule/logOrder.ts).
 */
import type { LogEntry } from '../schedule/types.js';
import { canonicalJson } from './canonical.js';

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
