/**
 * The ledger kept level with reviews.jsonl: opened from the snapshot (or a replay), moved on by
 * whatever the log gained since (this process's answers and other terminals'), replayed whole when
 * the log was replaced or the scheduler's settings changed, and folded back into state.bin.
 */
import type { Ledger, LedgerContext } from '../core/schedule/ledger.js';
import { applyLog, loadLedger, rebuildLedger } from './ledgerStore.js';
import { loadIndex, saveIndex, type EntryIndex } from './entryIndex.js';
import { writeSnapshot } from './snapshot.js';

export class LiveLedger {
  readonly ledger: Ledger;
  /** Log bytes folded into the ledger. */
  private offset: number;
  /** Inode of the log when last read: a different one means the file was replaced (import --progress). */
  private ino: number | undefined;
  /** Where each card's entries are in the log: built the first time a card is refolded, then kept up to date. */
  private index: EntryIndex | undefined;
  /** The snapshot should be written now (a rebuild, a long tail, an older format). */
  readonly resave: boolean;

  constructor(
    private readonly home: string,
    ctx: LedgerContext,
    now: () => Date,
    notices: string[],
  ) {
    const load = loadLedger(home, ctx, now);
    notices.push(...load.notices);
    this.ledger = load.ledger;
    this.offset = load.offset;
    this.ino = load.ino;
    this.index = load.index;
    this.resave = load.resave;
  }

  /** What the ledger was read from: equal keys, equal ledgers (the browser's rows are kept by it). */
  get readKey(): string {
    return `${this.offset}:${this.ino}`;
  }

  /**
   * Apply whatever the log holds past our offset; the ids of answers that made their card a leech.
   * A replaced log (a recovery in another window) has other bytes at our offset: the scan checks
   * the inode of the file it reads and asks for a rebuild instead.
   */
  catchUp(ctx: LedgerContext, notices: string[]): Set<string> {
    const tail = applyLog(this.home, this.ledger, this.offset, ctx, { ...(this.index ? { index: this.index } : {}), expectIno: this.ino });
    notices.push(...tail.problems);
    if (tail.replaced) {
      this.rebuild(ctx);
      return new Set();
    }
    this.offset = tail.end;
    this.ino = tail.ino;
    this.index = tail.index;
    return tail.leeches;
  }

  /** Replay the whole log into a fresh ledger. */
  rebuild(ctx: LedgerContext): void {
    const r = rebuildLedger(this.home, ctx);
    // Into the same object: open review queues and sessions hold this ledger and must see the new states.
    Object.assign(this.ledger, r.ledger);
    this.offset = r.offset;
    this.ino = r.ino;
    this.index = r.index;
  }

  /** Where each card's entries are in the log, loaded on first use (the card view's history). */
  entryIndex(): EntryIndex {
    return (this.index ??= loadIndex(this.home, this.offset));
  }

  /** Write state.bin (rows in `order`: the next start-up reads them so) and the index if this process has one. Throws on a file error. */
  save(params: string, order: Iterable<string>): void {
    writeSnapshot(this.home, this.ledger, this.offset, params, order);
    // Only when this process built or extended it (a rebuild, an undo, a merge): start-up never reads it.
    if (this.index) saveIndex(this.home, this.index);
  }
}
