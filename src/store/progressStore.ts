/**
 * ProgressStore: the store behind every study screen and command. Import it through
 * progress.ts (which loads conf for settings writes first); `amgi status` imports this module
 * directly, through open.ts, and never parses conf.
 *
 * Layout of $AMGI_HOME: reviews.jsonl (append-only log, the truth), state.bin (snapshot
 * cache of the ledger at a log offset), settings.json (conf). Each answer is appended and
 * fsync'd, then the log is read from this process's offset to the end, applying every new
 * line — its own and other terminals' — so two terminals both see everything.
 */
import { fsCause, msg } from '../core/messages.js';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { nodeCrypto } from '../core/crypto.js';
import type { StudyItem } from '../core/deck/items.js';
import { deckItems } from '../core/deck/items.js';
import { ledgerContext } from '../core/schedule/context.js';
import { dayStart, studyDay } from '../core/schedule/day.js';
import { effectiveEntries, type ItemState, type Ledger, type LedgerContext } from '../core/schedule/ledger.js';
import { cardInfos, type CardInfo } from '../core/schedule/browse.js';
import { selectCram } from '../core/schedule/cram.js';
import { planDue } from '../core/schedule/interviewPlan.js';
import { peekItem } from '../core/schedule/itemTable.js';
import { medianAnswerMs } from '../core/schedule/estimate.js';
import { deckRanks } from '../core/schedule/order.js';
import { isHidden, kindOf, ReviewQueue, totalLeft, type QueueInput, type Remaining } from '../core/schedule/queue.js';
import type { DeckCounts, FlagEntry, ItemEntry, LogEntry, Settings, UndoEntry } from '../core/schedule/types.js';
import { computeStats, streakOf, type StatsReport } from '../core/stats/index.js';
import { LogAppender, logPath, readEntryAt } from './log.js';
import { applyLog, loadLedger, rebuildLedger } from './ledgerStore.js';
import { loadIndex, saveIndex, type EntryIndex } from './entryIndex.js';
import { openSettings, type SettingsStore } from './settings.js';
import { paramsKey, writeSnapshot } from './snapshot.js';
import { cramSession, reviewSession } from './studySession.js';
import { syncStep } from './syncFolder.js';
import type { CramOptions, OpenProgressOptions, PlanPreview, Progress, SessionHost, StudySession, Streak } from './types.js';

/** Time-sortable unique id: base-36 milliseconds, then random bits (two terminals never clash). */
export function newEntryId(at: number): string {
  return `${at.toString(36).padStart(9, '0')}-${nodeCrypto().randomBytes(5).toString('hex')}`;
}

export class ProgressStore implements Progress, SessionHost {
  readonly notices: string[] = [];
  readonly ledger: Ledger;
  ctx: LedgerContext;
  private offset: number;
  private readonly settingsStore: SettingsStore;
  private readonly appender: LogAppender;
  private readonly allItems: StudyItem[];
  /** Key → item, built on first use: `amgi status` never needs it. */
  private keys?: Map<string, StudyItem>;
  private readonly deckTitles = new Map<string, string>();
  /** Leech notices for entries applied by the last sync, by entry id. */
  private leeches = new Set<string>();
  /** Where each card's entries are in the log: built the first time a card is refolded, then kept up to date. */
  private index: EntryIndex | undefined;
  private params: string;
  /** Inode of the log when last read: a different one means the file was replaced (import --progress). */
  private logIno: number | undefined;

  constructor(private readonly opts: OpenProgressOptions) {
    mkdirSync(opts.home, { recursive: true });
    this.settingsStore = openSettings(opts.home, opts.now);
    this.notices.push(...this.settingsStore.notices);
    this.ctx = ledgerContext(this.settings, this.fuzz);
    this.params = paramsKey(this.settings, this.fuzz);
    this.syncFolder();
    const load = loadLedger(opts.home, this.ctx, this.params, opts.now);
    this.notices.push(...load.notices);
    this.ledger = load.ledger;
    this.offset = load.offset;
    this.logIno = load.ino;
    this.index = load.index;
    this.appender = new LogAppender(opts.home);
    this.allItems = opts.decks.flatMap((d) => deckItems(d.deck));
    for (const d of opts.decks) this.deckTitles.set(d.deck.id, d.deck.title);
    // Fold a long tail into the cache now, so the next start is fast. Best effort: the log is the truth.
    if (load.resave) this.saveSnapshot();
  }

  get fuzz(): boolean {
    return this.opts.fuzz ?? true;
  }

  get settings(): Settings {
    return this.settingsStore.settings;
  }

  get home(): string {
    return this.opts.home;
  }

  now(): number {
    return this.opts.now().getTime();
  }

  today(): number {
    return studyDay(this.now(), this.settings.dayStartHour);
  }

  saveSettings(patch: Partial<Settings>): void {
    this.settingsStore.save(patch);
    this.ctx = ledgerContext(this.settings, this.fuzz);
    const params = paramsKey(this.settings, this.fuzz);
    if (params !== this.params) {
      // The states depend on these settings: replay the history under the new ones.
      this.params = params;
      this.rebuild();
    }
  }

  items(deckId?: string): StudyItem[] {
    return deckId === undefined ? this.allItems : this.allItems.filter((it) => it.deckId === deckId);
  }

  /** Whether the deck has reversible cards (items with a sibling). */
  hasSiblings(deckId: string): boolean {
    return this.allItems.some((it) => it.sibling !== undefined && it.deckId === deckId);
  }

  get itemMap(): ReadonlyMap<string, StudyItem> {
    return this.byKey;
  }

  private get byKey(): Map<string, StudyItem> {
    if (!this.keys) {
      this.keys = new Map();
      for (const it of this.allItems) this.keys.set(it.key, it);
    }
    return this.keys;
  }

  item(key: string): StudyItem | undefined {
    return this.byKey.get(key);
  }

  state(key: string): ItemState | undefined {
    return this.ledger.items.get(key);
  }

  /** Problems the sync folder showed, said once per process (a session syncs before each answer). */
  private syncSaid = new Set<string>();

  /**
   * With sync on (store/syncFolder.ts): other machines' new entries into the local log, this
   * machine's to its device file. Whatever goes wrong there is a notice, never an error: the
   * local log alone is a complete store.
   */
  private syncFolder(): void {
    let problems: string[];
    try {
      problems = syncStep(this.opts.home, { now: this.now() })?.problems ?? [];
    } catch (e) {
      problems = [`${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; this machine's answers are kept and synced at the next step`];
    }
    for (const p of problems) {
      if (this.syncSaid.has(p)) continue;
      this.syncSaid.add(p);
      this.notices.push(msg().syncPrefix(p));
    }
  }

  /** Apply whatever the log holds past our offset (other terminals' answers and our own), after a sync step. */
  refresh(): void {
    this.syncFolder();
    // A replaced log (a recovery in another window) has other bytes at our offset: the scan
    // checks the inode of the file it reads and asks for a rebuild instead.
    const tail = applyLog(this.opts.home, this.ledger, this.offset, this.ctx, { ...(this.index ? { index: this.index } : {}), expectIno: this.logIno });
    this.notices.push(...tail.problems);
    if (tail.replaced) {
      this.rebuild();
      return;
    }
    for (const id of tail.leeches) this.leeches.add(id);
    this.offset = tail.end;
    this.logIno = tail.ino;
    this.index = tail.index;
  }

  /** Replay the whole log into a fresh ledger. */
  private rebuild(): void {
    const r = rebuildLedger(this.opts.home, this.ctx);
    // Into the same object: open review queues and sessions hold this ledger and must see the new states.
    Object.assign(this.ledger, r.ledger);
    this.offset = r.offset;
    this.logIno = r.ino;
    this.index = r.index;
  }

  /** Make entries durable, then apply the log. Returns whether each entry made its card a leech. */
  record(entries: LogEntry[]): Set<string> {
    this.leeches = new Set();
    this.appender.append(entries);
    this.refresh();
    for (const e of entries) {
      if (this.leeches.has(e.id) && e.op === 'answer') {
        const n = this.ledger.items.get(e.key)?.lapses ?? 0;
        this.notices.push(msg().leech(e.key, n));
      }
    }
    return this.leeches;
  }

  entryBase(): { v: 1; id: string; at: string } {
    const at = this.now();
    return { v: 1, id: newEntryId(at), at: new Date(at).toISOString() };
  }

  setFlag(key: string, op: FlagEntry['op']): string {
    const deck = this.byKey.get(key)?.deckId ?? this.ledger.items.get(key)?.deck;
    if (!deck) throw new Error(`unknown card "${key}"`);
    const e: FlagEntry = { ...this.entryBase(), op, key, deck };
    this.record([e]);
    return e.id;
  }

  /** Undo a specific entry (by id); the key lets replays find it without searching. */
  undoEntry(target: string, key: string): void {
    const e: UndoEntry = { ...this.entryBase(), op: 'undo', target, key };
    this.record([e]);
  }

  undoLast(): boolean {
    return this.undoNewest() !== undefined;
  }

  /**
   * Undo the newest entry in the log still in effect (any process, any deck); its item key, or
   * undefined if none. A labelled action of its own ("undo my last answer from before"): a
   * session's `u` only undoes that session's answers.
   */
  undoNewest(): string | undefined {
    this.refresh();
    const last = this.ledger.recent.at(-1);
    if (!last) return undefined;
    this.undoEntry(last.id, last.key);
    return last.key;
  }

  /**
   * The browser's rows (and `amgi cards`): every item's state, due, interval, recall now and flags.
   * All items' rows are kept while nothing they come from changes (the log read so far, the
   * scheduler's settings, the minute): opening the browser again, or a card and back, costs no
   * recomputation of 10k rows. Callers never change the rows (they filter and sort copies).
   */
  cardInfos(items: StudyItem[] = this.allItems): CardInfo[] {
    const compute = () => cardInfos(items, this.ledger, { scheduler: this.ctx.scheduler, now: this.now(), dayStartHour: this.settings.dayStartHour });
    if (items !== this.allItems) return compute();
    const key = `${this.offset}:${this.logIno}:${this.params}:${this.settings.dayStartHour}:${Math.floor(this.now() / 60_000)}`;
    if (this.allInfos?.key !== key) this.allInfos = { key, rows: compute() };
    return this.allInfos.rows;
  }

  private allInfos?: { key: string; rows: CardInfo[] };

  /**
   * A card's entries still in effect (answers, flags, restores), oldest first: the card view's
   * "last answers". Read through the entry index (built on first use, then kept up to date),
   * so it costs that card's lines, not the whole log.
   */
  history(key: string): ItemEntry[] {
    this.refresh();
    this.index ??= loadIndex(this.opts.home, this.offset);
    const offsets = this.index.offsets(key);
    if (!offsets.length) return [];
    const fd = openSync(logPath(this.opts.home), 'r');
    try {
      const entries = offsets.map((o) => readEntryAt(fd, o));
      return effectiveEntries(entries).filter((e): e is ItemEntry => e.op !== 'days');
    } finally {
      closeSync(fd);
    }
  }

  /** Keys of the studied items among `items`, weakest first (a quiz's "weakest first"). */
  weakestKeys(items: StudyItem[]): string[] {
    const now = this.now();
    const picked = selectCram({ ledger: this.ledger, items, scheduler: this.ctx.scheduler, now, dayStartHour: this.settings.dayStartHour, weakest: true });
    return picked.filter((it) => {
      const s = peekItem(this.ledger.items, it.key);
      return kindOf(s) !== 'new' || (s?.cramN ?? 0) > 0;
    }).map((it) => it.key);
  }

  /** What an interview plan would ask (the cram picker's preview): cards a day, cards today. */
  planPreview(opts: { deckId?: string; tag?: string; until: string }): PlanPreview {
    const items = this.items(opts.deckId).filter((it) => !opts.tag || (it.card.tags ?? []).includes(opts.tag));
    const r = planDue({ ledger: this.ledger, items, settings: this.settings, scheduler: this.ctx.planScheduler, now: this.now(), until: opts.until });
    return r.ok ? { ok: true, perDay: r.perDay, daysLeft: r.daysLeft, today: r.due.length } : r;
  }

  /** Curriculum rank of each deck (the order new cards come in). */
  get deckRank(): ReadonlyMap<string, number> {
    return (this.ranks ??= deckRanks(this.opts.decks.map((d) => d.deck)));
  }
  private ranks?: Map<string, number>;

  /** Today's queue over `items`; `all`: reviewing every deck, so the collection-wide limits apply. */
  queue(items: StudyItem[], all: boolean, now = this.now()): ReviewQueue {
    const input: QueueInput = { ledger: this.ledger, items, settings: this.settings, scheduler: this.ctx.scheduler, now, all, deckRank: this.deckRank };
    return new ReviewQueue(all ? { ...input, keyMap: () => this.byKey } : input);
  }

  counts(deckId?: string): DeckCounts {
    const items = this.items(deckId);
    const now = this.now();
    const q = this.queue(items, deckId === undefined, now);
    const r = q.remaining(now);
    const today = q.today;
    const dayEnd = dayStart(today + 1, this.settings.dayStartHour).getTime();
    let learning = 0;
    let suspended = 0;
    for (const it of items) {
      const s = peekItem(this.ledger.items, it.key);
      if (s?.susp) suspended++;
      if (kindOf(s) === 'learning' && !isHidden(s, today) && s!.due < dayEnd) learning++;
    }
    const stat = this.ledger.days.get(today);
    let doneToday = 0;
    if (stat) {
      if (deckId === undefined) doneToday = stat.n;
      else doneToday = (stat.dk[deckId]?.[0] ?? 0) + (stat.dk[deckId]?.[1] ?? 0);
    }
    return { new: r.new, learning, review: r.review, suspended, doneToday, ...(deckId === undefined ? { dueReviews: q.dueReviews } : {}) };
  }

  /** The learner's median time per answer (Home's estimate for today). */
  msPerAnswer(): number {
    return medianAnswerMs(this.ledger.days, this.today());
  }

  /**
   * counts(id).learning / .review / .new of every deck with cards, from one queue over all of
   * them (limits and siblings are per deck, so each deck gets its own numbers) and without a
   * pass over every card: what `amgi status` prints.
   */
  dueByDeck(all = true): Map<string, Remaining> {
    return this.tallyDecks(all).counts;
  }

  /** dueByDeck and the queue it came from. */
  private tallyDecks(all: boolean): { counts: Map<string, Remaining>; q: ReviewQueue } {
    const now = this.now();
    // all: each deck's share of today's all-decks session (the collection-wide limits apply, the
    // decks add up to the total); otherwise what reviewing each deck on its own gives.
    const q = this.queue(this.allItems, all, now);
    // counts() takes learning cards due before the day ends (due times are whole milliseconds).
    const found = q.remainingByDeck(now, dayStart(q.today + 1, this.settings.dayStartHour).getTime() - 1);
    const counts = new Map<string, Remaining>();
    for (const d of this.opts.decks) if (d.deck.cards.length) counts.set(d.deck.id, found.get(d.deck.id) ?? { learning: 0, review: 0, new: 0 });
    return { counts, q };
  }

  countsByDeck(): { all: DeckCounts; decks: Map<string, DeckCounts> } {
    const stat = this.ledger.days.get(this.today());
    const suspended = new Map<string, number>();
    for (const it of this.allItems) if (peekItem(this.ledger.items, it.key)?.susp) suspended.set(it.deckId, (suspended.get(it.deckId) ?? 0) + 1);
    const decks = new Map<string, DeckCounts>();
    const all: DeckCounts = { new: 0, learning: 0, review: 0, suspended: 0, doneToday: stat?.n ?? 0 };
    // A deck's row: what reviewing that deck gives (its own limits). All decks applies the
    // collection-wide limits as well (Anki's parent deck), so it is not the sum of the rows but
    // that sum capped: the all-decks queue takes cards in the same order and stops when the
    // total runs out. One queue, not two (Home at 100k cards).
    const { counts, q } = this.tallyDecks(false);
    for (const [id, r] of counts) {
      const done = stat?.dk[id];
      const c: DeckCounts = { ...r, suspended: suspended.get(id) ?? 0, doneToday: (done?.[0] ?? 0) + (done?.[1] ?? 0) };
      decks.set(id, c);
      all.new += c.new;
      all.learning += c.learning;
      all.review += c.review;
      all.suspended += c.suspended;
    }
    const [newLeft, reviewsLeft] = totalLeft({ ledger: this.ledger, settings: this.settings, all: true }, q.today);
    all.new = Math.min(all.new, newLeft);
    all.review = Math.min(all.review, reviewsLeft);
    all.dueReviews = q.dueReviews;
    return { all, decks };
  }

  streak(): Streak {
    return streakOf(this.ledger.days, this.today());
  }

  stats(): StatsReport {
    // Items grouped by deck in one pass, not one filter over every item per deck.
    const byDeck = new Map<string, StudyItem[]>(this.opts.decks.map((d) => [d.deck.id, []]));
    for (const it of this.allItems) byDeck.get(it.deckId)?.push(it);
    const decks = this.opts.decks.map((d) => ({ id: d.deck.id, title: d.deck.title, items: byDeck.get(d.deck.id)! }));
    return computeStats({ ledger: this.ledger, decks, now: this.now(), dayStartHour: this.settings.dayStartHour });
  }

  startReview(opts: { deckId?: string } = {}): StudySession {
    this.refresh();
    return reviewSession(this, this.items(opts.deckId), opts.deckId === undefined);
  }

  startCram(opts: CramOptions = {}): StudySession {
    this.refresh();
    return cramSession(this, opts);
  }

  saveSnapshot(): void {
    try {
      // Rows in deck order: the next start-up reads them in that order (see snapshot.ts).
      writeSnapshot(this.opts.home, this.ledger, this.offset, this.params, this.allItems.map((it) => it.key));
      // Only when this process built or extended it (a rebuild, an undo, a merge): start-up never reads it.
      if (this.index) saveIndex(this.opts.home, this.index);
    } catch (e) {
      this.notices.push(msg().snapshotNotSaved(fsCause(e)));
    }
  }

  close(): void {
    this.refresh();
    this.saveSnapshot();
    this.appender.close();
  }
}

export function openProgress(opts: OpenProgressOptions): ProgressStore {
  return new ProgressStore(opts);
}
