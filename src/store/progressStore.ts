/**
 * ProgressStore: the store behind every study screen and command. Import it through
 * progress.ts (which loads conf for settings writes first); `amgi status` imports this module
 * directly, through open.ts, and never parses conf.
 *
 * Layout of $AMGI_HOME: reviews.jsonl (append-only log, the truth), state.bin (snapshot
 * cache of the ledger at a log offset), settings.json (conf). Each answer is appended and
 * fsync'd, then the log is read from this process's offset to the end, applying every new
 * line — its own and other terminals' — so two terminals both see everything.
 *
 * This class opens the store and holds its parts; each job lives in a module of its own:
 * liveLedger.ts (the ledger level with the log, snapshot saving), syncNotices.ts (the sync step),
 * flagUndo.ts (flags and undo), deckCounts.ts (what is left today), cardViews.ts (the browser's
 * rows, a card's history), cramPicks.ts and studyStats.ts (what a cram would pick, statistics).
 */
import { fsCause, isSystemError, msg } from '../core/messages.js';
import { isAmgiError } from '../core/errors.js';
import { mkdirSync } from 'node:fs';
import { deckItems, type StudyItem } from '../core/deck/items.js';
import { ledgerContext } from '../core/schedule/context.js';
import { studyDay } from '../core/schedule/day.js';
import type { ItemState, Ledger, LedgerContext } from '../core/schedule/ledger.js';
import { cardInfos, type CardInfo } from '../core/schedule/browse.js';
import { medianAnswerMs } from '../core/schedule/estimate.js';
import { deckRanks } from '../core/schedule/order.js';
import { ReviewQueue, type QueueInput, type Remaining } from '../core/schedule/queue.js';
import type { DeckCounts, FlagEntry, InterviewPlanRecord, ItemEntry, LogEntry, Settings } from '../core/schedule/types.js';
import { streakOf, type StatsReport } from '../core/stats/index.js';
import { LogAppender } from './log.js';
import { openSettings, type SettingsStore } from './settings.js';
import { cramSession, reviewSession } from './studySession.js';
import { LiveLedger } from './liveLedger.js';
import { SyncNotices } from './syncNotices.js';
import { entryBase, flagCard, undoEntry, undoNewest } from './flagUndo.js';
import { countsByDeck, deckCounts, tallyDecks } from './deckCounts.js';
import { BrowserRows, cardHistory } from './cardViews.js';
import { planPreview, weakestKeys } from './cramPicks.js';
import { statsReport } from './studyStats.js';
import type { CramOptions, OpenProgressOptions, PlanPreview, PlanPreviewOptions, Progress, SessionHost, StudySession, Streak } from './types.js';

export class ProgressStore implements Progress, SessionHost {
  readonly notices: string[] = [];
  ctx: LedgerContext;
  private readonly live: LiveLedger;
  private readonly sync: SyncNotices;
  private readonly settingsStore: SettingsStore;
  private readonly appender: LogAppender;
  private readonly allItems: StudyItem[];
  /** Key → item, built on first use: `amgi status` never needs it. */
  private keys?: Map<string, StudyItem>;
  /** Leech notices for entries applied by the last sync, by entry id. */
  private leeches = new Set<string>();
  private readonly browserRows = new BrowserRows();
  private ranks?: Map<string, number>;

  constructor(private readonly opts: OpenProgressOptions) {
    mkdirSync(opts.home, { recursive: true });
    this.settingsStore = openSettings(opts.home, opts.now);
    this.notices.push(...this.settingsStore.notices);
    this.ctx = ledgerContext(this.settings, this.fuzz);
    this.sync = new SyncNotices(opts.home);
    this.sync.step(this.now(), this.notices);
    this.live = new LiveLedger(opts.home, this.ctx, opts.now, this.notices);
    this.appender = new LogAppender(opts.home);
    this.allItems = opts.decks.flatMap((d) => deckItems(d.deck));
    // Fold a long tail into the cache now, so the next start is fast. Best effort: the log is the truth.
    if (this.live.resave) this.saveSnapshot();
  }

  get ledger(): Ledger {
    return this.live.ledger;
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
    const before = this.ctx.params;
    this.ctx = ledgerContext(this.settings, this.fuzz);
    // The states depend on these settings: replay the history under the new ones.
    if (this.ctx.params !== before) this.live.rebuild(this.ctx);
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

  /** Apply whatever the log holds past our offset (other terminals' answers and our own), after a sync step. */
  refresh(): void {
    this.sync.step(this.now(), this.notices);
    for (const id of this.live.catchUp(this.ctx, this.notices)) this.leeches.add(id);
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
    return entryBase(this.now());
  }

  setFlag(key: string, op: FlagEntry['op']): string {
    return flagCard(this, key, op);
  }

  undoEntry(target: string, key: string): void {
    undoEntry(this, target, key);
  }

  undoLast(): boolean {
    return undoNewest(this) !== undefined;
  }

  /** See flagUndo.ts: the newest entry of any process, not this session's. */
  undoNewest(): string | undefined {
    return undoNewest(this);
  }

  /** The browser's rows (and `amgi cards`); all items' rows are kept while nothing they come from changes (cardViews.ts). */
  cardInfos(items: StudyItem[] = this.allItems): CardInfo[] {
    const compute = () => cardInfos(items, this.ledger, { scheduler: this.ctx.scheduler, now: this.now(), dayStartHour: this.settings.dayStartHour });
    if (items !== this.allItems) return compute();
    return this.browserRows.rows(`${this.live.readKey}:${this.ctx.params}:${this.settings.dayStartHour}:${Math.floor(this.now() / 60_000)}`, compute);
  }

  /** A card's entries still in effect, oldest first: the card view's "last answers". */
  history(key: string): ItemEntry[] {
    this.refresh();
    return cardHistory(this.opts.home, this.live.entryIndex(), key);
  }

  weakestKeys(items: StudyItem[]): string[] {
    return weakestKeys(this, items);
  }

  planPreview(opts: PlanPreviewOptions): PlanPreview {
    return planPreview(this, opts);
  }

  /** Curriculum rank of each deck (the order new cards come in). */
  get deckRank(): ReadonlyMap<string, number> {
    return (this.ranks ??= deckRanks(this.opts.decks.map((d) => d.deck)));
  }

  /** Today's queue over `items`; `all`: reviewing every deck, so the collection-wide limits apply. */
  queue(items: StudyItem[], all: boolean, now = this.now()): ReviewQueue {
    const input: QueueInput = { ledger: this.ledger, items, settings: this.settings, scheduler: this.ctx.scheduler, now, all, deckRank: this.deckRank };
    return new ReviewQueue(all ? { ...input, keyMap: () => this.byKey } : input);
  }

  counts(deckId?: string): DeckCounts {
    return deckCounts(this, deckId);
  }

  /**
   * counts(id).learning / .review / .new of every deck with cards, from one queue over all of
   * them: what `amgi status` prints (deckCounts.ts).
   */
  dueByDeck(all = true): Map<string, Remaining> {
    return tallyDecks(this, this.opts.decks, all).counts;
  }

  countsByDeck(): { all: DeckCounts; decks: Map<string, DeckCounts> } {
    return countsByDeck(this, this.opts.decks, this.today());
  }

  /** The learner's median time per answer (Home's estimate for today). */
  msPerAnswer(): number {
    return medianAnswerMs(this.ledger.days, this.today());
  }

  streak(): Streak {
    return streakOf(this.ledger.days, this.today());
  }

  stats(): StatsReport {
    return statsReport(this, this.opts.decks);
  }

  startReview(opts: { deckId?: string } = {}): StudySession {
    this.refresh();
    return reviewSession(this, this.items(opts.deckId), opts.deckId === undefined);
  }

  startCram(opts: CramOptions = {}): StudySession {
    this.refresh();
    const session = cramSession(this, opts);
    if (opts.until && opts.kind !== 'quiz') this.recordPlan({ until: opts.until, ...(opts.deckId ? { deckId: opts.deckId } : {}), ...(opts.tag ? { tag: opts.tag } : {}) });
    return session;
  }

  /**
   * The plan Home shows, recorded where every plan starts: Home's cram picker and `amgi cram
   * --until` both come through startCram. A settings file we cannot write (a newer amgi's, a
   * read-only folder) costs Home's plan line, not the session.
   */
  private recordPlan(plan: InterviewPlanRecord): void {
    const was = this.settings.plan;
    if (was?.until === plan.until && was.deckId === plan.deckId && was.tag === plan.tag) return;
    try {
      this.saveSettings({ plan });
    } catch (e) {
      if (!isAmgiError(e) && !isSystemError(e)) throw e;
    }
  }

  saveSnapshot(): void {
    try {
      // Rows in deck order: the next start-up reads them in that order (see snapshot.ts).
      this.live.save(this.ctx.params, this.allItems.map((it) => it.key));
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
