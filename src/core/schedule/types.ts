/**
 * The scheduling contract shared by core/schedule (pure), store (persistence) and ui.
 * The review log is the source of truth; card states are derived by replaying it.
 */
import type { StudyItem } from '../deck/items.js';

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
}

export interface UndoEntry extends EntryBase {
  op: 'undo';
  /** Id of the answer or flag entry undone. */
  target: string;
  /** Item key of the target, when known (lets a replay undo without searching). */
  key?: string;
}

export interface FlagEntry extends EntryBase {
  op: 'suspend' | 'unsuspend' | 'bury' | 'forget';
  key: string;
  deck: string;
}

export type LogEntry = AnswerEntry | UndoEntry | FlagEntry;

export interface Settings {
  /** Desired retention, 0.7–0.99. */
  retention: number;
  /** Maximum interval in days. */
  maximumInterval: number;
  newPerDay: number;
  reviewsPerDay: number;
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
}

export const DEFAULT_SETTINGS: Settings = {
  retention: 0.9,
  maximumInterval: 36500,
  newPerDay: 20,
  reviewsPerDay: 200,
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
}
