/**
 * Screens are a tagged union on a stack (as in hascard's States.hs): push opens, pop goes
 * back, popping the last screen quits. One switch in screens/ScreenSwitch.tsx renders a
 * screen; the shell keeps the screens below the top mounted but hidden, so going back to a
 * review or a search finds it as it was.
 */
import type { BrowseFilter } from '../core/schedule/browse.js';
import type { CramOptions } from '../store/types.js';
import { Command } from './keymap.js';
import type { QuizParams } from './screens/quiz/params.js';

export type Screen =
  | { kind: 'home' }
  | { kind: 'review'; deckId?: string }
  | { kind: 'cram'; options: CramOptions }
  | { kind: 'search'; query?: string }
  /** `key`: the study item (a reversible card's `~rev` side); default the card's forward item. */
  | { kind: 'card'; deckId: string; cardId: string; key?: string }
  /** The card browser: filters, sorts and a text filter over every card (issue 15). */
  | { kind: 'browse'; query?: string; filter?: BrowseFilter }
  /** Home's pickers; `deckId`: the deck highlighted on Home (overrides the remembered scope). */
  | { kind: 'quizPicker'; deckId?: string }
  | { kind: 'cramPicker'; deckId?: string }
  | { kind: 'settings' }
  | { kind: 'stats' }
  | ({ kind: 'quiz' } & QuizParams);
// A new screen: add its kind to this union, its keys to SCREEN_COMMANDS below, and a case to
// screens/ScreenSwitch.tsx; the compiler then points at every place that must handle it (the
// switch ends in an exhaustive `never` check).

export type ScreenKind = Screen['kind'];

/** What help calls the screen: a cram that reschedules (not a plan, which says so itself) is a review. */
export function helpName(screen: Screen): ScreenKind {
  return screen.kind === 'cram' && screen.options.reschedule && !screen.options.until ? 'review' : screen.kind;
}

export interface NavState {
  stack: Screen[];
  /** A unique id per stack entry (React key): a replaced screen starts afresh. */
  ids: number[];
  nextId: number;
  /** Set when the last screen was popped (or Ctrl+C): the app unmounts. */
  quit: boolean;
}

export type NavAction =
  | { type: 'push'; screen: Screen }
  | { type: 'pop' }
  | { type: 'replace'; screen: Screen }
  | { type: 'quit' };

export function initialNav(stack: Screen[] = [{ kind: 'home' }]): NavState {
  const s = stack.length ? stack : [{ kind: 'home' } as Screen];
  return { stack: s, ids: s.map((_, i) => i), nextId: s.length, quit: false };
}

export function navReducer(state: NavState, action: NavAction): NavState {
  const id = state.nextId;
  switch (action.type) {
    case 'push':
      return { ...state, stack: [...state.stack, action.screen], ids: [...state.ids, id], nextId: id + 1 };
    case 'pop':
      return state.stack.length <= 1 ? { ...state, quit: true } : { ...state, stack: state.stack.slice(0, -1), ids: state.ids.slice(0, -1) };
    case 'replace':
      return { ...state, stack: [...state.stack.slice(0, -1), action.screen], ids: [...state.ids.slice(0, -1), id], nextId: id + 1 };
    case 'quit':
      return { ...state, quit: true };
  }
}

export function topScreen(state: NavState): Screen {
  return state.stack[state.stack.length - 1]!;
}

/** Keys shown in the help overlay, per screen, in this order. Global keys are added by the overlay. */
export const SCREEN_COMMANDS: Record<ScreenKind, readonly Command[]> = {
  home: [Command.MenuUp, Command.MenuDown, Command.Open, Command.FocusNext, Command.FocusPrev, Command.Search, Command.Dismiss],
  review: [
    Command.Continue, Command.GradeAgain, Command.GradeHard, Command.GradeGood, Command.GradeEasy,
    Command.Undo, Command.Suspend, Command.Bury, Command.ScrollUp, Command.ScrollDown, Command.PageUp, Command.PageDown, Command.Search,
  ],
  cram: [
    Command.Continue, Command.GradeAgain, Command.GradeHard, Command.GradeGood, Command.GradeEasy,
    Command.Undo, Command.ScrollUp, Command.ScrollDown, Command.PageUp, Command.PageDown,
  ],
  search: [Command.ListUp, Command.ListDown, Command.Open, Command.BrowseResults, Command.DeleteBack, Command.ClearField, Command.CursorLeft, Command.CursorRight, Command.CursorStart, Command.CursorEnd],
  card: [
    Command.ToggleSuspend, Command.ToggleBury, Command.Forget, Command.Undo, Command.StudyCard, Command.QuizCard,
    Command.ScrollUp, Command.ScrollDown, Command.PageUp, Command.PageDown, Command.Search,
  ],
  browse: [
    Command.ListUp, Command.ListDown, Command.PageUp, Command.PageDown, Command.Open, Command.FocusNext, Command.FocusPrev,
    Command.OptionNext, Command.OptionPrev, Command.DeleteBack, Command.ClearField,
  ],
  quizPicker: [Command.MenuUp, Command.MenuDown, Command.OptionNext, Command.OptionPrev, Command.Open],
  cramPicker: [Command.MenuUp, Command.MenuDown, Command.OptionNext, Command.OptionPrev, Command.Open],
  settings: [Command.MenuUp, Command.MenuDown, Command.Increase, Command.Decrease, Command.IncreaseMore, Command.DecreaseMore],
  stats: [Command.NextPanel, Command.PrevPanel, Command.ScrollUp, Command.ScrollDown, Command.PageUp, Command.PageDown, Command.Search],
  // Each quiz view says which of these work (QUIZ_VIEW_COMMANDS); this is the whole set.
  quiz: [
    Command.Option1, Command.Option2, Command.Option3, Command.Option4, Command.MenuUp, Command.MenuDown, Command.Check,
    Command.DeleteBack, Command.ClearField, Command.CursorLeft, Command.CursorRight, Command.CursorStart, Command.CursorEnd, Command.PickUp, Command.MoveItemUp, Command.MoveItemDown,
    Command.Accept, Command.Reject, Command.Next, Command.OverruleRight, Command.OverruleWrong, Command.Reveal,
    Command.GradeAgain, Command.GradeHard, Command.GradeGood, Command.GradeEasy, Command.DrillAgain,
  ],
};

const TYPED_KEYS = [Command.Check, Command.DeleteBack, Command.ClearField, Command.CursorLeft, Command.CursorRight, Command.CursorStart, Command.CursorEnd, Command.Accept, Command.Reject, Command.Next, Command.OverruleRight, Command.OverruleWrong];

/** Help per quiz view: a choice question must not list the keys of an order question. */
export const QUIZ_VIEW_COMMANDS = {
  choice: [Command.Option1, Command.Option2, Command.Option3, Command.Option4, Command.MenuUp, Command.MenuDown, Command.Check, Command.Next, Command.OverruleRight, Command.OverruleWrong],
  typed: TYPED_KEYS,
  cloze: TYPED_KEYS,
  order: [Command.MenuUp, Command.MenuDown, Command.PickUp, Command.MoveItemUp, Command.MoveItemDown, Command.Check, Command.Next, Command.OverruleRight, Command.OverruleWrong],
  interview: [Command.Reveal, Command.GradeAgain, Command.GradeHard, Command.GradeGood, Command.GradeEasy],
  summary: [Command.DrillAgain],
  empty: [],
} as const satisfies Record<string, readonly Command[]>;

/** Screens whose keys go to a text box first: printable keys there are text, not commands. */
export const TEXT_FIELD_SCREENS: ReadonlySet<ScreenKind> = new Set<ScreenKind>(['search']);

/** Keys every screen has; listed last in the help overlay. */
export const GLOBAL_COMMANDS: readonly Command[] = [Command.Help, Command.Back, Command.Quit];
