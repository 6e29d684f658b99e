/**
 * What the UI and commands use from the store. Implemented by ProgressStore (src/store/progressStore.ts).
 * Every method that records an answer has made it durable (fsync'd) before it returns.
 */
import type { LoadedDeck } from '../core/deck/types.js';
import type { StudyItem } from '../core/deck/items.js';
import type { DeckCounts, FlagEntry, Grade, ItemEntry, LogEntry, Previews, QueueEntry, Settings } from '../core/schedule/types.js';
import type { CardInfo } from '../core/schedule/browse.js';
import type { ItemState, Ledger, LedgerContext } from '../core/schedule/ledger.js';
import type { ReviewQueue } from '../core/schedule/queue.js';
import type { Streak, StatsReport } from '../core/stats/index.js';

export interface OpenProgressOptions {
  /** The data folder ($AMGI_HOME or the per-user default). */
  home: string;
  decks: LoadedDeck[];
  now: () => Date;
  /** FSRS interval fuzz: on in the app, off in tests. */
  fuzz?: boolean;
}

export type { Streak } from '../core/stats/index.js';

export interface AnswerResult {
  /** The card just reached the leech threshold and was suspended. */
  leech: boolean;
  /** Not recorded: another window answered this card since it was shown; the next card is up. */
  otherWindow?: true;
}

export interface SessionSummary {
  answered: number;
  /** Share of answers that were not Again (0–1); undefined when none. */
  accuracy?: number;
  ms: number;
  streak: Streak;
  /** When the next review of this selection becomes due, if any. */
  nextDue?: Date;
  /** Review sessions: what comes next (issue 14). */
  later?: Outlook;
  /** Keys answered Again at least once in this session. */
  missed: string[];
}

/** After a review session: learning cards still to come today, and tomorrow's queue. */
export interface Outlook {
  learningToday: number;
  /** When the first of them is due. */
  nextLearning?: Date;
  tomorrowNew: number;
  tomorrowDue: number;
}

/** What a session's undo took back: an answer (to give again), or a suspend or bury (the card is back). */
export interface Undone {
  key: string;
  what: 'answer' | 'suspend' | 'bury';
}

export interface StudySession {
  /** An interview plan (`cram --until`): about how many answers a day it needs. */
  readonly plan?: { perDay: number; daysLeft: number };
  /** The card to show now, or undefined when the session is over. */
  current(): QueueEntry | undefined;
  /** Next interval per grade for the current card. */
  previews(): Previews | undefined;
  /** Grade the current card; durable before it returns; moves to the next card. */
  answer(grade: Grade, ms: number): AnswerResult;
  /** Undo this session's newest answer (or suspend/bury) and show its card again: what was undone, or undefined if none. */
  undo(): Undone | undefined;
  /** Whether `undo` has something of this session's to undo. */
  canUndo(): boolean;
  suspend(): void;
  /** Hide the current card (and its siblings) until the next study day. */
  bury(): void;
  /** Cards still to come in this session, by kind. */
  remaining(): { learning: number; review: number; new: number };
  summary(): SessionSummary;
}

export interface CramOptions {
  deckId?: string;
  tag?: string;
  /** Weakest first: lowest retrievability, most lapses, most cram misses. */
  weakest?: boolean;
  /** Interview date YYYY-MM-DD: plan the selection for it. */
  until?: string;
  /** Let the answers change FSRS schedules. */
  reschedule?: boolean;
  /** 'quiz' when a quiz records answers. */
  kind?: 'cram' | 'quiz';
  /** An explicit selection (quiz, drill again). */
  keys?: string[];
  limit?: number;
}

/** An interview plan before it starts: about how many answers a day, and how many today (answers, not cards: planDue). */
/** `started`: a card of the selection has an answer in this plan already (Home shows a started plan). */
export interface PlanPreviewOptions {
  deckId?: string;
  tag?: string;
  until: string;
  /** Only a plan with an answer in it already (else `ok: false`, computed no further): Home's question. */
  startedOnly?: boolean;
}
export type PlanPreview = { ok: true; perDay: number; daysLeft: number; today: number; started: boolean } | { ok: false; error: string };

export interface Progress {
  readonly settings: Settings;
  saveSettings(patch: Partial<Settings>): void;
  /** Things the user must be told (a corrupt file moved aside to …, a leech). */
  readonly notices: string[];
  items(deckId?: string): StudyItem[];
  counts(deckId?: string): DeckCounts;
  /** counts() of all decks and counts(id) of each, from one queue over every card (Home). */
  countsByDeck(): { all: DeckCounts; decks: Map<string, DeckCounts> };
  /** The learner's median time per answer over recent days (a default before any history). */
  msPerAnswer(): number;
  streak(): Streak;
  startReview(opts?: { deckId?: string }): StudySession;
  startCram(opts?: CramOptions): StudySession;
  /** Writes the snapshot cache and releases files. Safe to skip (the log is the truth). */
  close(): void;
  /** Forecast, heatmap, retention, streak, per-deck counts and mastery, time spent. */
  stats(): StatsReport;
  /** An item's scheduling state (undefined: never studied). */
  state(key: string): Readonly<ItemState> | undefined;
  /** Outside a session (browse, search): flag a card by key. Durable like an answer. Returns the entry id (for undoEntry). */
  setFlag(key: string, op: FlagEntry['op']): string;
  /** Undo one entry by id (the card browser's `u` after a forget): the card is refolded without it. */
  undoEntry(target: string, key: string): void;
  /** The card browser's rows: state, due, interval, recall now and flags of each item (default: all). */
  cardInfos(items?: StudyItem[]): CardInfo[];
  /** An item's entries still in effect, oldest first (the card view's last answers). */
  history(key: string): ItemEntry[];
  /** The studied keys among `items`, weakest first (a quiz's "weakest first"). */
  weakestKeys(items: StudyItem[]): string[];
  /** What `cram --until` would ask (Home's cram picker shows it before starting). */
  planPreview(opts: PlanPreviewOptions): PlanPreview;
  /** Undo the newest entry in the log still in effect (any process); false if none. */
  undoLast(): boolean;
  /** Pick up answers other terminals wrote since the last look (done before each answer anyway). */
  refresh(): void;
}

/**
 * What a study session (session.ts) and the load balancer (balance.ts) need from the store: the
 * ledger, the clock and the log. A port, so that they do not depend on the ProgressStore class
 * (which builds them: that was an import cycle).
 */
export interface SessionHost {
  readonly ledger: Ledger;
  readonly ctx: LedgerContext;
  readonly settings: Settings;
  now(): number;
  today(): number;
  items(deckId?: string): StudyItem[];
  item(key: string): StudyItem | undefined;
  state(key: string): ItemState | undefined;
  queue(items: StudyItem[], all: boolean, now?: number): ReviewQueue;
  streak(): Streak;
  /** Apply what other windows appended to the log. */
  refresh(): void;
  /** Make entries durable, then apply them. Returns the ids of entries that made their card a leech. */
  record(entries: LogEntry[]): Set<string>;
  entryBase(): { v: 1; id: string; at: string };
  setFlag(key: string, op: FlagEntry['op']): string;
  undoEntry(target: string, key: string): void;
}
