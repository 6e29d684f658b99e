/**
 * The ledger: every item's state plus per-day counters, derived from the review log. The log is
 * the truth; a ledger is a cache of it that can always be rebuilt.
 *
 * The rule that makes every path agree: an item's state is the fold of its own entries that
 * were not undone, in log order (time, then id) — whatever order they reached the file in. Day
 * counters are the sum of every item's fold. So an entry that arrives in order is applied on
 * the spot, and anything else (an undo, an older entry from another machine, a duplicate) only
 * refolds the one item it touches (`refoldItem`), never the whole history.
 * Mutates in place for speed; callers copy when they need the old one.
 */
import { newMemory, State, type MemoryState, type Scheduler } from './fsrs.js';
import { studyDay, studyDays } from './day.js';
import { parseInstant } from './instant.js';
import { sortEntries } from './logOrder.js';
import { pickEntry } from '../sync/merge.js';
import type { AnswerEntry, DaysEntry, FlagEntry, ItemEntry, LogEntry, RestoreEntry, Settings } from './types.js';

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
  /** Time (ms) of the newest entry folded in: an entry not after it means a refold. */
  la?: number;
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
  /** The last answers/flags still in effect, newest last: the labelled "undo my last answer" walks it. */
  recent: RecentEntry[];
}

const RECENT_LIMIT = 64;

export interface LedgerContext {
  scheduler: Scheduler;
  /** Schedules interview-plan answers at the plan's raised retention (see interviewPlan.ts). */
  planScheduler: Scheduler;
  settings: Pick<Settings, 'dayStartHour' | 'leechThreshold'>;
  /** Everything the states depend on besides the log (paramsKey): states folded under another are not these. */
  params: string;
}

export function emptyLedger(): Ledger {
  return { items: new Map(), days: new Map(), recent: [] };
}

export function newItemState(deck: string): ItemState {
  return { ...newMemory(), deck };
}

/**
 * Outcome of applying one entry as it arrives: applied, or `refold` the item with that key
 * from all its entries (an undo, an entry not after the item's newest, a duplicate).
 * `refold` undefined: an undo that names no key and whose target is not among the recent entries.
 */
export type ApplyOutcome = { ok: true; leech?: boolean } | { ok: false; refold: string | undefined };

/** Lapse counts at which a card becomes (again) a leech: the threshold, then every half threshold (Anki). */
function isLeechLapse(lapses: number, threshold: number): boolean {
  if (threshold <= 0 || lapses < threshold) return false;
  return (lapses - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}

function dayStat(days: Map<number, DayStat>, day: number): DayStat {
  let s = days.get(day);
  if (!s) {
    s = { n: 0, ms: 0, again: 0, rv: 0, rvOk: 0, nw: 0, dk: {} };
    days.set(day, s);
  }
  return s;
}

/** Add (sign 1) or remove (sign −1) an answer's contribution to the counters of its study `day`. */
function count(days: Map<number, DayStat>, before: ItemState, e: AnswerEntry, sign: 1 | -1, day: number): void {
  const s = dayStat(days, day);
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

/** The scheduler's result for `answered`, copied into the card's state at once (no new object an answer). */
const SCRATCH: MemoryState = newMemory();

/**
 * One answer on top of `before`, written into `next`: a copy of `before`, or `before` itself when
 * a rebuild updates its states in place (so every field of `before` is read before one is
 * written). Its counters go into `days` with `sign`. Whether it made the card a leech.
 */
function answered(before: ItemState, next: ItemState, e: AnswerEntry, at: number, ctx: LedgerContext, days: Map<number, DayStat>, sign: 1 | -1, day: number): boolean {
  count(days, before, e, sign, day);
  const { lapses, last, plan, planN, cramN, cramMiss } = before;
  const m = e.reschedule ? (e.plan ? ctx.planScheduler : ctx.scheduler).next(before, at, e.grade, SCRATCH) : undefined;
  // The fields in the order `{ ...before, deck, la }` then Object.assign(m) gave them: the
  // snapshot writes a state's extra fields in key order.
  next.deck = e.deck;
  next.la = at;
  let leech = false;
  if (m) {
    // Entries are folded in time order; the scheduler still clamps one stamped before the last review.
    setMemory(next, m);
    // [daily/issue 14] A load-balanced review: the due the session chose, recorded in the entry.
    if (e.due !== undefined && next.st === State.Review) {
      next.due = parseInstant(e.due);
      next.sch = Math.round((next.due - Math.max(at, last ?? at)) / 86_400_000);
    }
    next.ld = day;
    if (next.lapses > lapses && isLeechLapse(next.lapses, ctx.settings.leechThreshold)) {
      next.leech = true;
      next.susp = true;
      leech = true;
    }
  } else {
    next.cramN = (cramN ?? 0) + 1;
    if (e.grade === 1) next.cramMiss = (cramMiss ?? 0) + 1;
  }
  if (e.plan) {
    next.plan = e.plan;
    next.planN = (plan === e.plan ? (planN ?? 0) : 0) + 1;
    next.planLd = day;
  }
  return leech;
}

/** Object.assign(next, m) for a state the scheduler made (every field, `last` included), without its generic copy loop. */
function setMemory(next: ItemState, m: MemoryState): void {
  next.due = m.due;
  next.s = m.s;
  next.d = m.d;
  next.el = m.el;
  next.sch = m.sch;
  next.step = m.step;
  next.reps = m.reps;
  next.lapses = m.lapses;
  next.st = m.st;
  if (m.last !== undefined) next.last = m.last;
}

function flagged(before: ItemState, e: FlagEntry, at: number, ctx: LedgerContext): ItemState {
  const next: ItemState = { ...before, deck: e.deck, la: at };
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
    case 'unbury':
      delete next.bury;
      break;
    case 'forget':
      Object.assign(next, ctx.scheduler.forget(before, at));
      delete next.last;
      delete next.leech;
      break;
  }
  return next;
}

function restored(e: RestoreEntry, at: number): ItemState {
  return { ...e.state, deck: e.deck, la: at };
}

/** Add (or take out) the counters of a restored history. */
function addDays(days: Map<number, DayStat>, e: DaysEntry, sign: 1 | -1): void {
  for (const [k, d] of Object.entries(e.days)) {
    const s = dayStat(days, Number(k));
    s.n += sign * d.n;
    s.ms += sign * d.ms;
    s.again += sign * d.again;
    s.rv += sign * d.rv;
    s.rvOk += sign * d.rvOk;
    s.nw += sign * d.nw;
    for (const [deck, [a, b]] of Object.entries(d.dk)) {
      const dk = (s.dk[deck] ??= [0, 0]);
      dk[0] += sign * a;
      dk[1] += sign * b;
    }
  }
}

/** One entry on top of `before` (a state, or none yet). */
function step(before: ItemState | undefined, e: ItemEntry, at: number, ctx: LedgerContext, days: Map<number, DayStat>, sign: 1 | -1): { next: ItemState; leech: boolean } {
  if (e.op === 'restore') return { next: restored(e, at), leech: false };
  const base = before ?? newItemState(e.deck);
  if (e.op === 'answer') {
    const next = { ...base };
    return { next, leech: answered(base, next, e, at, ctx, days, sign, studyDay(at, ctx.settings.dayStartHour)) };
  }
  return { next: flagged(base, e, at, ctx), leech: false };
}

/** `recycle`: the ledger is private (a rebuild), so the record of the entry that leaves is reused for the new one. */
function remember(l: Ledger, e: ItemEntry, recycle = false): void {
  if (e.op === 'restore') return;
  const out = l.recent.length >= RECENT_LIMIT ? l.recent.shift()! : undefined;
  if (out && recycle) {
    out.id = e.id;
    out.key = e.key;
    l.recent.push(out);
  } else l.recent.push({ id: e.id, key: e.key });
}

/** The outcomes of an entry applied on the spot, shared: a rebuild applies a million of them. */
const APPLIED: ApplyOutcome = Object.freeze({ ok: true, leech: false });
const APPLIED_LEECH: ApplyOutcome = Object.freeze({ ok: true, leech: true });

/** The study-day function of each ledger a rebuild is filling (studyDays: one synchronous pass). */
const rebuildDays = new WeakMap<Ledger, { hour: number; dayOf: (at: number) => number }>();

function rebuildDayOf(l: Ledger, hour: number): (at: number) => number {
  let d = rebuildDays.get(l);
  if (d?.hour !== hour) rebuildDays.set(l, (d = { hour, dayOf: studyDays(hour) }));
  return d.dayOf;
}

/**
 * Apply an entry as it arrives (see ApplyOutcome). `reuse`: the ledger is private to the caller
 * (a rebuild), so a card's state object is updated in place instead of replaced. Why: each
 * replaced state lived for thousands of entries, long enough to be promoted, and a 1M-entry
 * rebuild left ~1M of them for the old generation (most of its peak memory). An answer, the
 * common entry, is then written straight into the state (no copy) with its study day remembered
 * per quarter hour (studyDays).
 */
export function applyEntry(l: Ledger, e: LogEntry, ctx: LedgerContext, reuse = false): ApplyOutcome {
  if (e.op === 'undo') {
    const i = l.recent.findIndex((r) => r.id === e.target);
    const key = e.key ?? (i >= 0 ? l.recent[i]!.key : undefined);
    if (i >= 0) l.recent.splice(i, 1);
    return { ok: false, refold: key };
  }
  // Counters only, in any order: a restored history is added once and never undone.
  if (e.op === 'days') {
    addDays(l.days, e, 1);
    return { ok: true };
  }
  const at = parseInstant(e.at);
  const before = l.items.get(e.key);
  // Not after the item's newest entry (older, same instant, or a duplicate): only a fold in log order is right.
  if (before?.la !== undefined && at <= before.la) {
    remember(l, e, reuse);
    return { ok: false, refold: e.key };
  }
  let leech = false;
  if (reuse && before && e.op === 'answer') {
    // An answer's state has every field the one before had (only flags and restores drop some).
    leech = answered(before, before, e, at, ctx, l.days, 1, rebuildDayOf(l, ctx.settings.dayStartHour)(at));
  } else {
    const r = step(before, e, at, ctx, l.days, 1);
    if (reuse && before) overwrite(before, r.next);
    else l.items.set(e.key, r.next);
    leech = r.leech;
  }
  remember(l, e, reuse);
  return leech ? APPLIED_LEECH : APPLIED;
}

/** Make `target` hold `src`'s fields, in `src`'s key order (src is a spread of target plus new keys). */
function overwrite(target: ItemState, src: ItemState): void {
  for (const k in target) if (!(k in src)) delete target[k as keyof ItemState];
  Object.assign(target, src);
}

/** Ids undone by undo entries in `entries` (an undo is final: there is no redo). */
export function undoneIds(entries: Iterable<LogEntry>): Set<string> {
  const out = new Set<string>();
  for (const e of entries) if (e.op === 'undo') out.add(e.target);
  return out;
}

/** The entries of `entries` still in effect (not undo entries, not undone), one per id, in log order. */
export function effectiveEntries(entries: Iterable<LogEntry>): (ItemEntry | DaysEntry)[] {
  const list = [...entries];
  const undone = undoneIds(list);
  const byId = new Map<string, ItemEntry | DaysEntry>();
  for (const e of list) {
    if (e.op === 'undo' || undone.has(e.id)) continue;
    const had = byId.get(e.id);
    byId.set(e.id, had ? (pickEntry(had, e) as ItemEntry | DaysEntry) : e);
  }
  return sortEntries([...byId.values()]);
}

/** Fold `list[from..]` (effective entries, log order) on top of `s`, counters into `days` with `sign`. */
function foldFrom(list: (ItemEntry | DaysEntry)[], from: number, s: ItemState | undefined, ctx: LedgerContext, days: Map<number, DayStat>, sign: 1 | -1, leeches: string[]): ItemState | undefined {
  for (let i = from; i < list.length; i++) {
    const e = list[i]!;
    if (e.op === 'days') {
      addDays(days, e, sign);
      continue;
    }
    const r = step(s, e, parseInstant(e.at), ctx, days, sign);
    s = r.next;
    if (r.leech) leeches.push(e.id);
  }
  return s;
}

/**
 * Fold one item's entries (every entry of its key, undo entries included) into its state, adding
 * their counters to `days` with `sign`. Undefined: nothing in effect (never studied).
 * `leeches`: ids of the answers that made the card a leech.
 */
function foldItem(entries: Iterable<LogEntry>, ctx: LedgerContext, days: Map<number, DayStat>, sign: 1 | -1 = 1): { state?: ItemState; leeches: string[] } {
  const leeches: string[] = [];
  const state = foldFrom(effectiveEntries(entries), 0, undefined, ctx, days, sign, leeches);
  return { state, leeches };
}

/**
 * Replace the fold of `key` over `before` (what its state was built from) with the fold over
 * `after` (all its entries now). Exact: the counters of `before` are taken out, those of `after`
 * put in. Returns the ids of answers in `after` that made the card a leech.
 * The two folds share their entries up to the first that differs (an older entry merged a month
 * back leaves the rest of the history before it alike): that part is folded once, its counters
 * left as they are (taking them out and putting them back in is the same integers).
 * `base`: the state before all of `before` and `after` (a checkpoint of the entries that sort
 * before them all, whose counters stay as they are); none: a new card.
 */
export function refoldItem(l: Ledger, key: string, before: Iterable<LogEntry>, after: Iterable<LogEntry>, ctx: LedgerContext, base?: ItemState): string[] {
  const was = effectiveEntries(before);
  const now = effectiveEntries(after);
  let same = 0;
  while (same < was.length && same < now.length && was[same] === now[same]) same++;
  const leeches: string[] = [];
  const shared = foldFrom(now.slice(0, same), 0, base, ctx, new Map(), 1, leeches);
  foldFrom(was, same, shared, ctx, l.days, -1, []);
  const state = foldFrom(now, same, shared, ctx, l.days, 1, leeches);
  if (state) l.items.set(key, state);
  else l.items.delete(key);
  return leeches;
}

/**
 * The reference: a ledger from a whole log, each item folded from its own entries. The store's
 * incremental path (applyEntry + refoldItem) must give the same items and counters; a property
 * test holds it to that. `recent`: the effective entries in file order, newest last.
 */
export function replay(entries: LogEntry[], ctx: LedgerContext, into: Ledger = emptyLedger()): Ledger {
  const byKey = new Map<string, LogEntry[]>();
  const keyOf = new Map<string, string>();
  for (const e of entries) {
    const key = e.op === 'undo' ? (e.key ?? keyOf.get(e.target)) : e.key;
    if (e.op !== 'undo') keyOf.set(e.id, e.key);
    if (key === undefined) continue;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(e);
  }
  for (const [key, list] of byKey) {
    const r = foldItem(list, ctx, into.days, 1);
    if (r.state) into.items.set(key, r.state);
  }
  const undone = undoneIds(entries);
  for (const e of entries) if (e.op !== 'undo' && e.op !== 'days' && !undone.has(e.id)) remember(into, e);
  return into;
}
