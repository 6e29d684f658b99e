/**
 * The scheduling contract shared by core/schedule (pure), store (persistence) and ui.
 * The review log is the source of truth; card states are derived by replaying it.
 */
import type { StudyItem } from '../deck/items.js';
import type { State } from 'ts-fsrs';

/** Anki-style grades, the same numbers as ts-fsrs Rating. */
export type Grade = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade[] = [1, 2, 3, 4];

/** Where an answer was given. Only `review` (and cram/quiz with reschedule) moves FSRS schedules. */
export type AnswerKind = 'review' | 'cram' | 'quiz';

interface EntryBase {
  /** Log format version. */
  v: 1;
  /** Unique id (time-sortable): merge and undo refer to it. */
  id: string;
  /** ISO date-time. */
  at: string;
}

export interface AnswerEntry extends EntryBase {
  op: 'answer';
  /** Study item key (card id, or `<card id>~rev`). */
  key: string;
  deck: string;
  grade: Grade;
  /** Milliseconds from showing the card to answering. */
  ms: number;
  kind: AnswerKind;
  /** false: recorded for weakest-first, FSRS schedule untouched (cram default). */
  reschedule: boolean;
  /** Interview plan date (YYYY-MM-DD) this answer counts for (`cram --until`). */
  plan?: string;
  /**
   * ISO date-time of the due the session chose (load balancing, loadBalance.ts), when it
   * differs from the scheduler's: replay uses it, so a card's state depends only on its own entries.
   */
  due?: string;
}

export interface UndoEntry extends EntryBase {
  op: 'undo';
  /** Id of the answer or flag entry undone. */
  target: string;
  /** Item key of the target, when known (lets a replay undo without searching). */
  key?: string;
}

export interface FlagEntry extends EntryBase {
  /** `unbury`: back today (a bury set by mistake, or from the card browser). */
  op: 'suspend' | 'unsuspend' | 'bury' | 'unbury' | 'forget';
  key: string;
  deck: string;
}

/**
 * Written when a damaged log is replaced by a new one (store/recover): a card's state as the
 * last sound snapshot held it, so the new log alone rebuilds the same progress.
 */
export interface RestoreEntry extends EntryBase {
  op: 'restore';
  key: string;
  deck: string;
  state: RestoredState;
}

/** The FSRS part of an item's state. `last` is absent for a new card. */
export interface MemoryState {
  due: number;
  s: number;
  d: number;
  /** ts-fsrs elapsed_days (kept so a round trip is exact). */
  el: number;
  sch: number;
  step: number;
  reps: number;
  lapses: number;
  st: State;
  last?: number;
}

/** The numbers and flags of a restored card (an ItemState without its deck). */
export interface RestoredState extends MemoryState {
  ld?: number;
  susp?: true;
  bury?: number;
  leech?: true;
  cramN?: number;
  cramMiss?: number;
  plan?: string;
  planN?: number;
  planLd?: number;
}

/** With the restore entries: the day counters (stats history) the snapshot held. Its key is DAYS_KEY. */
export interface DaysEntry extends EntryBase {
  op: 'days';
  key: typeof DAYS_KEY;
  days: Record<string, { n: number; ms: number; again: number; rv: number; rvOk: number; nw: number; dk: Record<string, [number, number]> }>;
}

/** The key the day-counter entries are filed under: no card id can have it (ids never start with "~"). */
export const DAYS_KEY = '~days';

export type LogEntry = AnswerEntry | UndoEntry | FlagEntry | RestoreEntry | DaysEntry;
/** The entries a card's state is folded from. */
export type ItemEntry = AnswerEntry | FlagEntry | RestoreEntry;

export interface Settings {
  /** Desired retention, 0.7–0.99. */
  retention: number;
  /** Maximum interval in days. */
  maximumInterval: number;
  /** Daily limits of each deck (a deck's own cap). */
  newPerDay: number;
  reviewsPerDay: number;
  /** Daily limits of the whole collection, applied when reviewing all decks (Anki: the parent deck's limits). */
  newPerDayAll: number;
  reviewsPerDayAll: number;
  /** Local hour at which a study day starts (Anki: 4). */
  dayStartHour: number;
  /** Lapses at which a card becomes a leech and is suspended. */
  leechThreshold: number;
  /** Mock interview think time in seconds. */
  thinkSeconds: number;
  language: 'auto' | 'ko' | 'en';
  /** Daily review: answer typed and cloze cards by typing (Space on an empty field still reveals). */
  typeAnswers: boolean;
  /** Personal FSRS parameters from `amgi optimize` (none: defaults). */
  weights?: number[];
  /** Per-deck interview date, YYYY-MM-DD. */
  interviewDates?: Record<string, string>;
  /**
   * Home's quiz and cram pickers: the last choices, by picker then field (the UI checks each
   * against today's decks and tags, and falls back to its default).
   */
  pickers?: Record<string, Record<string, string>>;
  /** The interview plan last started (`cram --until`, from the command line or the cram picker): Home shows it while it is under way. */
  plan?: InterviewPlanRecord;
}

export interface InterviewPlanRecord {
  /** The interview date, YYYY-MM-DD. */
  until: string;
  deckId?: string;
  tag?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  retention: 0.9,
  maximumInterval: 36500,
  newPerDay: 20,
  reviewsPerDay: 200,
  newPerDayAll: 20,
  reviewsPerDayAll: 200,
  dayStartHour: 4,
  leechThreshold: 8,
  thinkSeconds: 60,
  language: 'auto',
  typeAnswers: true,
};

/** Next interval of each grade, shown on the grade buttons ("Again 1m · Hard 6m …"). */
export type Previews = Record<Grade, { due: Date; label: string }>;

export type QueueKind = 'learning' | 'review' | 'new';

export interface QueueEntry {
  item: StudyItem;
  kind: QueueKind;
}

export interface DeckCounts {
  new: number;
  learning: number;
  review: number;
  suspended: number;
  /** Answers given today (study day), all decks or this deck. */
  doneToday: number;
  /** Reviews due today before the daily limits (more than `review` after missed days). */
  dueReviews?: number;
}
