/**
 * Loading the ledger: the snapshot plus a replay of the log after its offset, or a full
 * rebuild from the log when the snapshot is missing, stale or damaged.
 */
import { applyEntry, emptyLedger, replay, type Ledger, type LedgerContext } from '../core/schedule/ledger.js';
import { ledgerContext } from '../core/schedule/context.js';
import type { LogEntry } from '../core/schedule/types.js';
import { scanLog } from './log.js';
import { moveAside } from './recover.js';
import { openSettings } from './settings.js';
import { paramsKey, readSnapshot, snapshotPath, writeSnapshot } from './snapshot.js';

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
  notices: string[];
}

/**
 * Replay the whole log. Undo is applied incrementally (the state before an entry is kept for
 * recent entries); an undo of an older entry falls back to a second, two-pass replay.
 */
export function rebuildLedger(home: string, ctx: LedgerContext): { ledger: Ledger; offset: number; count: number; problems: string[]; ino?: number } {
  let ledger = emptyLedger();
  let needTwoPass = false;
  let count = 0;
  let scan = scanLog(home, 0, (e) => {
    count++;
    if (!needTwoPass && !applyEntry(ledger, e, ctx).ok) needTwoPass = true;
  });
  if (needTwoPass) {
    const entries: LogEntry[] = [];
    scan = scanLog(home, 0, (e) => entries.push(e));
    ledger = replay(entries, ctx);
  }
  return { ledger, offset: scan.end, count, problems: scan.problems, ino: scan.ino };
}

/**
 * Apply log entries from `offset`; `rebuild` is set when an undo needs the whole log, or when
 * the log is no longer the file `expectIno` names (see scanLog).
 */
export function replayTail(
  home: string,
  ledger: Ledger,
  offset: number,
  ctx: LedgerContext,
  onApplied?: (e: LogEntry, leech: boolean) => void,
  expectIno?: number,
): { end: number; count: number; rebuild: boolean; problems: string[]; ino?: number } {
  let rebuild = false;
  let count = 0;
  const scan = scanLog(
    home,
    offset,
    (e) => {
      count++;
      if (rebuild) return;
      const r = applyEntry(ledger, e, ctx);
      if (!r.ok) rebuild = true;
      else onApplied?.(e, r.leech === true);
    },
    expectIno,
  );
  return { end: scan.end, count, rebuild: rebuild || scan.replaced === true, problems: scan.problems, ino: scan.ino };
}

/** Snapshot tail replays longer than this are folded into a new snapshot on open (LedgerLoad.resave). */
export const RESNAPSHOT_AFTER = 2000;

export function loadLedger(home: string, ctx: LedgerContext, params: string, now: () => Date): LedgerLoad {
  const notices: string[] = [];
  const snap = readSnapshot(home, params);
  if (snap.kind === 'ok') {
    const tail = replayTail(home, snap.ledger, snap.offset, ctx);
    notices.push(...tail.problems);
    if (!tail.rebuild) return { ledger: snap.ledger, offset: tail.end, replayed: tail.count, rebuilt: false, resave: tail.count > RESNAPSHOT_AFTER, notices, ino: tail.ino };
  } else if (snap.kind === 'corrupt') {
    const backup = moveAside(snapshotPath(home), now());
    notices.push(`state.bin could not be read (${snap.reason}); it was moved to ${backup} and progress was rebuilt from the review log`);
  }
  const r = rebuildLedger(home, ctx);
  notices.push(...r.problems);
  return { ledger: r.ledger, offset: r.offset, replayed: r.count, rebuilt: true, resave: true, notices, ino: r.ino };
}

/** Rebuild state.bin from the log (after an import merged entries into it, or on request). */
export function rebuildSnapshot(home: string, opts: { fuzz?: boolean; now?: () => Date } = {}): { entries: number; problems: string[] } {
  const now = opts.now ?? (() => new Date());
  const settings = openSettings(home, now).settings;
  const fuzz = opts.fuzz ?? true;
  const params = paramsKey(settings, fuzz);
  // A snapshot that cannot be parsed is moved aside, never overwritten.
  if (readSnapshot(home, params).kind === 'corrupt') moveAside(snapshotPath(home), now());
  const r = rebuildLedger(home, ledgerContext(settings, fuzz));
  writeSnapshot(home, r.ledger, r.offset, params);
  return { entries: r.count, problems: r.problems };
}
