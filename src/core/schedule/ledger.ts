/**
 * The ledger: every item's state plus per-day counters, derived by applying log entries
 * in order. The review log is the truth; a ledger is a cache of it that can always be
 * rebuilt with `replay`. Mutates in place for speed (1M entries replay in seconds, not
 * minutes); callers copy when they need the old one.
 */
import { newMemory, State, type MemoryState, type Scheduler } from './fsrs.js';
import { studyDay } from './day.js';
import type { AnswerEntry, FlagEntry, LogEntry, Settings } from './types.js';

export interface ItemState extends MemoryState {
  deck: string;
  susp?: true;
  /** Buried through this study day. */
  bury?: number;
  leech?: true;
  /** Cram answers that did not reschedule, and how many of them were Again. */
  cramN?: number;
  cramMiss?: number;
  /** Study day of the last rescheduling answer (siblings are not shown on the same day). */
  ld?: number;
  /** Interview plan: its date, answers given in it, the study day of the last one. */
  plan?: string;
  planN?: number;
  planLd?: number;
  /** The last entry applied to this item, and the state before it (for undo). */
  lastE?: AnswerEntry | FlagEntry;
  prev?: ItemState;
}

/** Counters of one study day. */
export interface DayStat {
  /** Answers of any kind. */
  n: number;
  /** Milliseconds spent answering. */
  ms: number;
  again: number;
  /** Rescheduling answers to cards in the review state, and how many were not Again (true retention). */
  rv: number;
  rvOk: number;
  /** Cards introduced (first rescheduling answer of a new card). */
  nw: number;
  /** Per deck: [introduced, review-state answers] — the daily limits count these. */
  dk: Record<string, [number, number]>;
}

export interface RecentEntry {
  id: string;
  key: string;
}

export interface Ledger {
  items: Map<string, ItemState>;
  days: Map<number, DayStat>;
  /** The last answers/flags still in effect, newest last: "undo after a restart" walks it. */
  recent: RecentEntry[];
}

export const RECENT_LIMIT = 64;

export interface LedgerContext {
  scheduler: Scheduler;
  /** Schedules interview-plan answers at the plan's raised retention (see interview.ts). */
  planScheduler: Scheduler;
  settings: Pick<Settings, 'dayStartHour' | 'leechThreshold'>;
}

export function emptyLedger(): Ledger {
  return { items: new Map(), days: new Map(), recent: [] };
}

export function newItemState(deck: string): ItemState {
  return { ...newMemory(), deck };
}

/** Outcome of applying one entry: `rebuild` when an undo cannot be applied incrementally. */
export type ApplyOutcome = { ok: true; leech?: boolean } | { ok: false; rebuild: true };

/** Lapse counts at which a card becomes (again) a leech: the threshold, then every half threshold (Anki). */
export function isLeechLapse(lapses: number, threshold: number): boolean {
  if (threshold <= 0 || lapses < threshold) return false;
  return (lapses - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}

function dayStat(l: Ledger, day: number): DayStat {
  let s = l.days.get(day);
  if (!s) {
    s = { n: 0, ms: 0, again: 0, rv: 0, rvOk: 0, nw: 0, dk: {} };
    l.days.set(day, s);
  }
  return s;
}

/** Add (sign 1) or remove (sign −1) an answer's contribution to the counters of its study `day`. */
function count(l: Ledger, before: ItemState, e: AnswerEntry, sign: 1 | -1, day: number): void {
  const s = dayStat(l, day);
  s.n += sign;
  s.ms += sign * e.ms;
  if (e.grade === 1) s.again += sign;
  if (!e.reschedule) return;
  const dk = (s.dk[e.deck] ??= [0, 0]);
  if (before.st === State.New) {
    s.nw += sign;
    dk[0] += sign;
  } else if (before.st === State.Review) {
    s.rv += sign;
    if (e.grade !== 1) s.rvOk += sign;
    dk[1] += sign;
  }
}

function remember(l: Ledger, e: AnswerEntry | FlagEntry): void {
  l.recent.push({ id: e.id, key: e.key });
  if (l.recent.length > RECENT_LIMIT) forgetUndo(l, l.recent.shift()!);
}

/**
 * An entry too old to undo incrementally: drop the state kept before it (and the entry, if it
 * is still the item's last), so memory stays bounded. `lastE`/`prev` are an undo cache: an undo
 * without them falls back to a replay of the log, with the same result.
 */
function forgetUndo(l: Ledger, old: RecentEntry): void {
  const head = l.items.get(old.key);
  for (let s = head; s; s = s.prev) {
    if (s.lastE?.id === old.id) {
      delete s.prev;
      if (s === head) delete s.lastE;
      return;
    }
  }
}

function applyAnswer(l: Ledger, e: AnswerEntry, ctx: LedgerContext): ApplyOutcome {
  const before = l.items.get(e.key) ?? newItemState(e.deck);
  const at = Date.parse(e.at);
  const day = studyDay(at, ctx.settings.dayStartHour);
  const next: ItemState = { ...before, deck: e.deck, lastE: e, prev: before };
  let leech = false;
  if (e.reschedule) {
    // An entry stamped before the card's last review is scheduled at that review (the scheduler clamps).
    Object.assign(next, (e.plan ? ctx.planScheduler : ctx.scheduler).next(before, at, e.grade));
    // [daily/issue 14] A load-balanced review: the due the session chose, recorded in the entry.
    if (e.due !== undefined && next.st === State.Review) {
      next.due = Date.parse(e.due);
      next.sch = Math.round((next.due - Math.max(at, before.last ?? at)) / 86_400_000);
    }
    next.ld = day;
    if (next.lapses > before.lapses && isLeechLapse(next.lapses, ctx.settings.leechThreshold)) {
      next.leech = true;
      next.susp = true;
      leech = true;
    }
  } else {
    next.cramN = (before.cramN ?? 0) + 1;
    if (e.grade === 1) next.cramMiss = (before.cramMiss ?? 0) + 1;
  }
  if (e.plan) {
    const same = before.plan === e.plan;
    next.plan = e.plan;
    next.planN = (same ? (before.planN ?? 0) : 0) + 1;
    next.planLd = day;
  }
  count(l, before, e, 1, day);
  l.items.set(e.key, next);
  remember(l, e);
  return { ok: true, leech };
}

function applyFlag(l: Ledger, e: FlagEntry, ctx: LedgerContext): void {
  const before = l.items.get(e.key) ?? newItemState(e.deck);
  const next: ItemState = { ...before, deck: e.deck, lastE: e, prev: before };
  const at = Date.parse(e.at);
  switch (e.op) {
    case 'suspend':
      next.susp = true;
      break;
    case 'unsuspend':
      delete next.susp;
      break;
    case 'bury':
      next.bury = studyDay(at, ctx.settings.dayStartHour);
      break;
    case 'forget':
      Object.assign(next, ctx.scheduler.forget(before, at));
      delete next.last;
      delete next.leech;
      break;
  }
  l.items.set(e.key, next);
  remember(l, e);
}

/**
 * Undo `target`: restore the item's state from before it. Possible incrementally only when
 * the target is the item's last entry and its previous state is known; otherwise the caller
 * rebuilds the ledger from the log (replay drops undone entries).
 */
function applyUndo(l: Ledger, target: string, keyHint: string | undefined, ctx: LedgerContext): ApplyOutcome {
  const key = keyHint ?? l.recent.find((r) => r.id === target)?.key;
  const item = key === undefined ? undefined : l.items.get(key);
  if (!item || item.lastE?.id !== target || !item.prev) return { ok: false, rebuild: true };
  const e = item.lastE;
  if (e.op === 'answer') count(l, item.prev, e, -1, studyDay(Date.parse(e.at), ctx.settings.dayStartHour));
  // A state with no entry behind it is the blank one created by the undone entry: never studied.
  if (item.prev.lastE) l.items.set(key!, item.prev);
  else l.items.delete(key!);
  const i = l.recent.findIndex((r) => r.id === target);
  if (i >= 0) l.recent.splice(i, 1);
  return { ok: true };
}

export function applyEntry(l: Ledger, e: LogEntry, ctx: LedgerContext): ApplyOutcome {
  switch (e.op) {
    case 'answer':
      return applyAnswer(l, e, ctx);
    case 'undo':
      return applyUndo(l, e.target, e.key, ctx);
    default:
      applyFlag(l, e, ctx);
      return { ok: true };
  }
}

/** Ids undone by undo entries in `entries` (an undo is final: there is no redo). */
export function undoneIds(entries: Iterable<LogEntry>): Set<string> {
  const out = new Set<string>();
  for (const e of entries) if (e.op === 'undo') out.add(e.target);
  return out;
}

/**
 * Build a ledger from a whole log: every entry that was not undone, in log order.
 * The incremental path (applyEntry with undo) gives the same result; a property test holds them to it.
 */
export function replay(entries: LogEntry[], ctx: LedgerContext, into: Ledger = emptyLedger()): Ledger {
  const undone = undoneIds(entries);
  for (const e of entries) {
    if (e.op === 'undo' || undone.has(e.id)) continue;
    applyEntry(into, e, ctx);
  }
  return into;
}
