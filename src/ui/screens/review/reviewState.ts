/**
 * Review's UI state as a pure reducer. The session (store) is the truth about cards; after
 * every call into it (answer, undo, suspend, bury) the screen takes a fresh snapshot.
 */
import type { Previews, QueueEntry } from '../../../core/schedule/types.js';
import type { SessionSummary, StudySession } from '../../../store/types.js';
import type { TypedCheck } from '../../../core/quiz/typedAnswer.js';
import { EMPTY_FIELD, type TextField } from '../../textField.js';
import type { Notice } from '../../components/notice.js';

/** A card answered by typing: the field, and the blanks checked so far (undefined: revealed). */
export interface TypeIn {
  field: TextField;
  checks: (TypedCheck | undefined)[];
}

/** Cards left by kind, Anki-style (new · learning · due). */
export interface LeftCounts {
  new: number;
  learning: number;
  review: number;
}

export interface SessionSnapshot {
  current?: QueueEntry;
  previews?: Previews;
  /**
   * Cards still to come by kind, the current one included in its kind (session.remaining()
   * leaves it out). Cards, not answers: a learning card that comes back counts once.
   */
  left: LeftCounts;
  /** Only when the session is over. */
  summary?: SessionSummary;
}

/** `unsuspend`: the key just suspended; a second notice line says how to bring it back later (components/notice.ts). */
export type Flash = Notice;

export interface ReviewState {
  phase: 'front' | 'back' | 'done';
  snap: SessionSnapshot;
  /** Answers given on this screen (the progress bar). */
  answered: number;
  scroll: number;
  flash?: Flash;
  /**
   * When the current card was shown (ms since epoch): the answer time, and the time its
   * snapshot's previews count the grade buttons' intervals from.
   */
  shownAt: number;
  /** Set once the learner types on a type-in card (typed/cloze with the setting on). */
  typed?: TypeIn;
}

export type ReviewAction =
  | { type: 'reveal' }
  | { type: 'typing'; field: TextField }
  /** One blank checked; `last`: it was the card's last blank, so the answer shows. */
  | { type: 'typedCheck'; check: TypedCheck; last: boolean }
  | { type: 'answered'; snap: SessionSnapshot; at: number; flash?: Flash }
  | { type: 'undone'; snap: SessionSnapshot; at: number; flash: Flash }
  | { type: 'skipped'; snap: SessionSnapshot; at: number; flash: Flash }
  | { type: 'flash'; flash: Flash }
  | { type: 'scroll'; by: number; max: number }
  | { type: 'scrollTo'; scroll: number };

export function snapshot(session: StudySession): SessionSnapshot {
  const current = session.current();
  const r = session.remaining();
  const left = { new: r.new, learning: r.learning, review: r.review };
  if (current) left[current.kind]++;
  return {
    current,
    previews: current ? session.previews() : undefined,
    left,
    summary: current ? undefined : session.summary(),
  };
}

/** The session's next card (or its end), shown from `at`. */
function show(snap: SessionSnapshot, at: number, answered: number, flash?: Flash): ReviewState {
  return { phase: snap.current ? 'front' : 'done', snap, answered, scroll: 0, flash, shownAt: at };
}

export function initialReview(snap: SessionSnapshot, at: number): ReviewState {
  return show(snap, at, 0);
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'reveal':
      return state.phase === 'front' ? { ...state, phase: 'back', flash: undefined } : state;
    case 'typing':
      return state.phase === 'front' ? { ...state, typed: { field: action.field, checks: state.typed?.checks ?? [] }, flash: undefined } : state;
    case 'typedCheck': {
      if (state.phase !== 'front') return state;
      const typed = { field: EMPTY_FIELD, checks: [...(state.typed?.checks ?? []), action.check] };
      return { ...state, typed, phase: action.last ? 'back' : 'front' };
    }
    case 'answered':
      return show(action.snap, action.at, state.answered + 1, action.flash);
    case 'undone':
      return show(action.snap, action.at, Math.max(0, state.answered - 1), action.flash);
    case 'skipped':
      return show(action.snap, action.at, state.answered, action.flash);
    case 'flash':
      return { ...state, flash: action.flash };
    case 'scroll':
      return { ...state, scroll: Math.max(0, Math.min(state.scroll + action.by, action.max)) };
    case 'scrollTo':
      return { ...state, scroll: Math.max(0, action.scroll) };
  }
}

/** All the cards still to come (the header's counts added up). */
export function leftTotal(snap: SessionSnapshot): number {
  return snap.left.new + snap.left.learning + snap.left.review;
}
