/**
 * What the card browser and the card view read from the store: every card's row, kept while
 * nothing it comes from changes, and one card's entries read from the log through the index.
 */
import { closeSync, openSync } from 'node:fs';
import type { CardInfo } from '../core/schedule/browse.js';
import { effectiveEntries } from '../core/schedule/ledger.js';
import type { ItemEntry } from '../core/schedule/types.js';
import type { EntryIndex } from './entryIndex.js';
import { logPath, readEntryAt } from './log.js';

/**
 * All items' rows, kept while their key (the log read so far, the scheduler's settings, the
 * minute) is unchanged: opening the browser again, or a card and back, costs no recomputation of
 * 10k rows. Callers never change the rows (they filter and sort copies).
 */
export class BrowserRows {
  private kept?: { key: string; rows: CardInfo[] };

  rows(key: string, compute: () => CardInfo[]): CardInfo[] {
    if (this.kept?.key !== key) this.kept = { key, rows: compute() };
    return this.kept.rows;
  }
}

/** A card's entries still in effect (answers, flags, restores), oldest first: that card's lines, not the whole log. */
export function cardHistory(home: string, index: EntryIndex, key: string): ItemEntry[] {
  const offsets = index.offsets(key);
  if (!offsets.length) return [];
  const fd = openSync(logPath(home), 'r');
  try {
    const entries = offsets.map((o) => readEntryAt(fd, o));
    return effectiveEntries(entries).filter((e): e is ItemEntry => e.op !== 'days');
  } finally {
    closeSync(fd);
  }
}
