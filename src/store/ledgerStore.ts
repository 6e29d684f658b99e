/**
 * Loading the ledger: the snapshot plus the log after its offset, or a rebuild from the log when
 * the snapshot is missing, stale or damaged, or a recovery from the snapshot when the log is.
 *
 * Entries are applied as they are read; one that cannot be (an undo, an entry older than its
 * card's newest) marks its card dirty, and each dirty card is refolded from its own entries,
 * found through the EntryIndex (byte offsets of every card's entries). So the cost of an undo
 * or of older entries merged from another machine is the entries of the cards they touch.
 */
import { msg } from '../core/messages.js';
import { closeSync, copyFileSync, existsSync, openSync, renameSync } from 'node:fs';
import { applyEntry, emptyLedger, refoldItem, type Ledger, type LedgerContext } from '../core/schedule/ledger.js';
import { ledgerContext } from '../core/schedule/context.js';
import { DAYS_KEY, type DaysEntry, type LogEntry, type RestoreEntry } from '../core/schedule/types.js';
import { nodeCrypto } from '../core/crypto.js';
import { logPath, readEntriesAt, scanLog, writeLogFile } from './log.js';
import { entryHash, EntryIndex, keyOfEntry, keysOfIds, loadIndex, saveIndex, type CardEntries, type Checkpoint } from './entryIndex.js';

import { freePath, moveAside } from './recover.js';
import { openSettings } from './settings.js';
import { readSnapshot, snapshotPath, writeSnapshot } from './snapshot.js';

export interface ApplyResult {
  /** Log bytes covered. */
  end: number;
  /** Entries read. */
  count: number;
  problems: string[];
  ino?: number;
  /** The log is no longer the file that was read before: rebuild. */
  replaced: boolean;
  /** Ids of answers that made their card a leech. */
  leeches: Set<string>;
}

/**
 * Apply the log from `from` to its end onto `ledger` (which holds the fold of everything before
 * `from`), refolding the cards that need it. `index`, when given, covers the log up to `from`
 * and is extended; without one an index is built only if a card needs refolding.
 */
export function applyLog(home: string, ledger: Ledger, from: number, ctx: LedgerContext, opts: { index?: EntryIndex; expectIno?: number; fresh?: boolean } = {}): ApplyResult & { index?: EntryIndex } {
  // An index that ends before `from` would never hold the entries in between (a merge plan's,
  // read before another process moved state.bin past it): not used; one is loaded if needed.
  let index = opts.index && opts.index.end >= from ? opts.index : undefined;
  index?.settle(ctx.params);
  const leeches = new Set<string>();
  /** Key → offset of its first entry not applied on the spot (Infinity: all were but an old keyless undo, see `skipped`). */
  const dirty = new Map<string, number>();
  /** Offsets of the keyless undos found by id after the scan: never applied, so not in what a state was built from. */
  const skipped = new Set<number>();
  /** Key → the earliest time among its entries from that offset on (which checkpoints they leave alone). */
  const dirtyAt = new Map<string, number>();
  const orphans: { offset: number; target: string; e: LogEntry }[] = [];
  /** Keyless undos whose card came from `recent`: an index read from disk or a scan does not know their card. */
  const viaRecent: { key: string; offset: number; e: LogEntry }[] = [];
  let count = 0;
  const scan = scanLog(
    home,
    from,
    (e, offset) => {
      count++;
      const key = keyOfEntry(e, ledger);
      if (key === undefined) {
        if (e.op === 'undo') orphans.push({ offset, target: e.target, e });
        return;
      }
      if (e.op === 'undo' && e.key === undefined) viaRecent.push({ key, offset, e });
      const k = index ? index.add(key, offset, e) : -1;
      if (dirty.size && dirty.has(key)) {
        if (e.op === 'undo') applyEntry(ledger, e, ctx); // drops the target from `recent`
        else dirtyAt.set(key, Math.min(dirtyAt.get(key)!, Date.parse(e.at)));
        return;
      }
      const r = applyEntry(ledger, e, ctx, opts.fresh);
      if (!r.ok) {
        dirty.set(key, offset);
        dirtyAt.set(key, e.op === 'undo' ? Infinity : Date.parse(e.at));
      } else {
        if (r.leech) leeches.add(e.id);
        if (index?.checkpointDue(k)) index.noteApplied(k, offset, ledger.items.get(key));
      }
    },
    opts.expectIno,
  );
  const result = { end: scan.end, count, problems: scan.problems, ino: scan.ino, replaced: scan.replaced === true, leeches };
  if (result.replaced) return result;
  if (index) index.end = Math.max(index.end, scan.end);
  if (dirty.size === 0 && orphans.length === 0) return { ...result, index };
  index ??= loadIndex(home, scan.end);
  index.settle(ctx.params);
  for (const f of viaRecent) index.add(f.key, f.offset, f.e, true);
  // Undo entries that name no key (written by old versions) find their target's card by id.
  if (orphans.length) {
    const found = keysOfIds(home, new Set(orphans.map((o) => o.target)));
    for (const o of orphans) {
      const key = found.get(o.target);
      if (key === undefined) continue;
      index.add(key, o.offset, o.e, true);
      // The card's entries after it were applied on the spot (it was not dirty then): they stay in `before`.
      skipped.add(o.offset);
      dirty.set(key, dirty.get(key) ?? Infinity);
      dirtyAt.set(key, dirtyAt.get(key) ?? Infinity);
    }
  }
  const fd = openSync(logPath(home), 'r');
  try {
    refoldDirty(fd, ledger, index, { cut: dirty, at: dirtyAt, skipped }, ctx, leeches);
  } finally {
    closeSync(fd);
  }
  return { ...result, index };
}

/** Log lines read and parsed at once for refolds (~300 bytes of memory each). */
const REFOLD_BATCH = 50_000;

/** The cards to refold: the offset of each one's first entry not applied, the earliest time among its entries from there, the keyless undos never applied. */
interface Dirty {
  cut: Map<string, number>;
  at: Map<string, number>;
  skipped: Set<number>;
}

/** A card to refold: its entries, where the read starts, and the checkpoint that stands for those before it. */
interface Refold {
  key: string;
  own: CardEntries;
  from: number;
  cp?: Checkpoint;
}

/**
 * Refold each dirty card from the newest checkpoint that its new entries all come after (else
 * from its first entry), reading its lines past the checkpoint, many cards at a time
 * (readEntriesAt reads neighbours together), a bounded batch at a time. The lines read show
 * whether the checkpoint still holds (checkpointHolds); when it does not, the card is refolded
 * from its first entry.
 */
function refoldDirty(fd: number, ledger: Ledger, index: EntryIndex, dirty: Dirty, ctx: LedgerContext, leeches: Set<string>): void {
  const plans: Refold[] = [];
  for (const [key, cut] of dirty.cut) {
    const own = index.entries(key);
    const minAt = dirty.at.get(key)!;
    // The newest checkpoint before the first entry not applied and before every new entry's time.
    const cp = index.checkpointBefore(key, cut, minAt);
    let from = 0;
    if (cp) while (from < own.off.length && own.off[from]! <= cp.upto) from++;
    plans.push({ key, own, from, ...(cp ? { cp } : {}) });
  }
  for (let k = 0; k < plans.length; ) {
    const batch: Refold[] = [];
    const offsets: number[] = [];
    while (k < plans.length && (batch.length === 0 || offsets.length + plans[k]!.own.off.length - plans[k]!.from <= REFOLD_BATCH)) {
      const p = plans[k++]!;
      batch.push(p);
      for (let i = p.from; i < p.own.off.length; i++) offsets.push(p.own.off[i]!);
    }
    const read = readEntriesAt(fd, offsets);
    let at = 0;
    for (const p of batch) refoldOne(fd, ledger, index, p, read.slice(at, (at += p.own.off.length - p.from)), dirty, ctx, leeches);
  }
}

/** Refold one card from its plan's checkpoint (`entries`: its lines past it) or, when that does not hold, from its first entry. */
function refoldOne(fd: number, ledger: Ledger, index: EntryIndex, p: Refold, entries: LogEntry[], dirty: Dirty, ctx: LedgerContext, leeches: Set<string>): void {
  const cut = dirty.cut.get(p.key)!;
  let offs = p.own.off.subarray(p.from);
  if (p.cp && !checkpointHolds(p.cp, p.own.hash.subarray(0, p.from), entries)) {
    // A line before the checkpoint's time, or one that undoes or repeats one before it: from the start.
    entries = [...readEntriesAt(fd, [...p.own.off.subarray(0, p.from)]), ...entries];
    offs = p.own.off;
    delete p.cp;
  }
  // What the card's state was built from: its entries applied on the spot.
  const before = entries.filter((_, i) => offs[i]! < cut && !dirty.skipped.has(offs[i]!));
  for (const id of refoldItem(ledger, p.key, before, entries, ctx, p.cp?.state)) leeches.add(id);
  // Checkpoints after the one used sort after an entry that is now before them: never usable again.
  index.dropCheckpointsAfter(p.key, p.cp?.upto ?? -1);
  if (p.own.off.length) index.setCheckpoint(p.key, p.own.off[p.own.off.length - 1]!, ledger.items.get(p.key));
}

/**
 * Whether a checkpoint (the fold of a card's entries up to it) plus a fold of `after` (its entries
 * past it) is the fold of them all: every entry of `after` sorts after the checkpoint's newest,
 * and none repeats an id before it, is undone by an undo before it, or undoes one before it
 * (`hashes`: the index's hashes of the entries up to it). A hash shared by chance only costs a
 * refold from the start.
 */
export function checkpointHolds(cp: Checkpoint, hashes: Uint32Array, after: LogEntry[]): boolean {
  const la = cp.state.la;
  if (la === undefined) return false;
  // An undo's hash is its target's: one entry's hash in the other part is a repeat or an undo across.
  for (const e of after) if (hashes.includes(entryHash(e)) || (e.op !== 'undo' && Date.parse(e.at) <= la)) return false;
  return true;
}

export interface LedgerLoad {
  ledger: Ledger;
  /** Log bytes covered. */
  offset: number;
  /** Entries replayed on top of the snapshot (or all, after a rebuild). */
  replayed: number;
  rebuilt: boolean;
  /** The snapshot should be written now: after a rebuild, a long tail, or from an older format. */
  resave: boolean;
  /** Inode of the log file these states were read from. */
  ino?: number;
  /** Where each card's entries are, when it was built on the way (a rebuild builds it). */
  index?: EntryIndex;
  notices: string[];
}

/** Replay the whole log (and build the index on the way). */
export function rebuildLedger(home: string, ctx: LedgerContext): { ledger: Ledger; offset: number; count: number; problems: string[]; ino?: number; index: EntryIndex } {
  const ledger = emptyLedger();
  // A new ledger nobody else holds yet: its states may be updated in place.
  const r = applyLog(home, ledger, 0, ctx, { index: new EntryIndex(), fresh: true });
  return { ledger, offset: r.end, count: r.count, problems: r.problems, ino: r.ino, index: r.index! };
}

/** Snapshot tail replays longer than this are folded into a new snapshot on open (LedgerLoad.resave). */
const RESNAPSHOT_AFTER = 2000;

/**
 * `rebuild`: replay the whole log even when the snapshot is sound (it is still checked for damage).
 * `index`: this log's index as the caller has it already (a merge's plan), extended on the way.
 */
export function loadLedger(home: string, ctx: LedgerContext, now: () => Date, rebuild = false, index?: EntryIndex): LedgerLoad {
  const notices: string[] = [];
  const snap = readSnapshot(home, ctx.params);
  if (snap.kind === 'ok' && !rebuild) {
    const tail = applyLog(home, snap.ledger, snap.offset, ctx, index ? { index } : {});
    notices.push(...tail.problems);
    if (!tail.replaced) return { ledger: snap.ledger, offset: tail.end, replayed: tail.count, rebuilt: false, resave: tail.count > RESNAPSHOT_AFTER, notices, ino: tail.ino, ...(tail.index ? { index: tail.index } : {}) };
  } else if (snap.kind === 'corrupt') {
    const backup = moveAside(snapshotPath(home), now());
    notices.push(msg().snapshotUnreadable(snap.reason, backup));
  } else if (snap.kind === 'logDamaged') {
    notices.push(recoverFromSnapshot(home, snap.ledger, snap.offset, snap.reason, now()));
  }
  const r = rebuildLedger(home, ctx);
  notices.push(...r.problems);
  return { ledger: r.ledger, offset: r.offset, replayed: r.count, rebuilt: true, resave: true, notices, ino: r.ino, index: r.index };
}

/**
 * The log lost what the snapshot was built from. Nothing is overwritten: the damaged log and the
 * snapshot are moved aside, and a new log is written that starts with the snapshot's states
 * (restore entries, one per card, stamped with the card's newest entry time, and the day
 * counters), followed by every readable entry the damaged log still has past the snapshot.
 * Returns the one line that tells the user.
 */
function recoverFromSnapshot(home: string, ledger: Ledger, offset: number, reason: string, now: Date): string {
  const log = logPath(home);
  const salvaged: LogEntry[] = [];
  let logAside: string | undefined;
  if (existsSync(log)) {
    logAside = freePath(log, 'damaged', now);
    renameSync(log, logAside);
    // Lines past the snapshot's offset are answers it never saw; anything before it is in its states.
    try {
      scanLogFile(logAside, offset, (e) => salvaged.push(e));
    } catch {
      // Unreadable: nothing to salvage; the snapshot's states still are.
    }
  }
  const snapAside = freePath(snapshotPath(home), 'before-recovery', now);
  copyFileSync(snapshotPath(home), snapAside);
  const rand = () => nodeCrypto().randomBytes(5).toString('hex');
  const lines: LogEntry[] = [];
  let newest = 0;
  for (const [key, s] of ledger.items) {
    const { deck, la, ...state } = s;
    const at = la ?? s.last ?? now.getTime();
    newest = Math.max(newest, at);
    lines.push({ v: 1, id: `${at.toString(36).padStart(9, '0')}-r${rand()}`, at: new Date(at).toISOString(), op: 'restore', key, deck, state } satisfies RestoreEntry);
  }
  const days: DaysEntry['days'] = {};
  for (const [day, stat] of ledger.days) days[day] = stat;
  lines.push({ v: 1, id: `${newest.toString(36).padStart(9, '0')}-d${rand()}`, at: new Date(newest).toISOString(), op: 'days', key: DAYS_KEY, days } satisfies DaysEntry);
  writeLogFile(home, [...lines, ...salvaged]);
  renameSync(snapshotPath(home), `${snapAside}.tmp-moved`);
  // The copy above is the one kept; the moved original only had to leave the way atomically.
  renameSync(`${snapAside}.tmp-moved`, snapAside);
  return msg().snapshotRecovered(reason, logAside, ledger.items.size, salvaged.length, snapAside);
}

/** scanLog for a file that is not the live log (a damaged log moved aside). */
function scanLogFile(file: string, from: number, onEntry: (e: LogEntry) => void): void {
  scanLog('', from, onEntry, undefined, file);
}

/**
 * Bring state.bin up to date with the log (after a merge appended entries): the snapshot plus
 * the new entries, older ones refolding only the cards they touch; `rebuild` replays everything.
 */
export function rebuildSnapshot(home: string, opts: { fuzz?: boolean; now?: () => Date; rebuild?: boolean; index?: EntryIndex } = {}): { entries: number; problems: string[] } {
  const now = opts.now ?? (() => new Date());
  const settings = openSettings(home, now).settings;
  const fuzz = opts.fuzz ?? true;
  const ctx = ledgerContext(settings, fuzz);
  // Through loadLedger: a damaged snapshot is moved aside and a damaged log recovered, never overwritten.
  const r = loadLedger(home, ctx, now, opts.rebuild ?? false, opts.index);
  writeSnapshot(home, r.ledger, r.offset, ctx.params);
  if (r.index) saveIndex(home, r.index);
  return { entries: r.replayed, problems: r.notices };
}
