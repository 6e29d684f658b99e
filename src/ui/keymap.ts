/**
 * The one keymap. Screens ask `matches(Command.X, input, key)` and never compare raw keys,
 * so a binding changes here only, and the help overlay is generated from the same table.
 */
import type { Key } from 'ink';
import { GRADES, type Grade } from '../core/schedule/types.js';

export enum Command {
  Quit = 'quit',
  Back = 'back',
  Help = 'help',
  Search = 'search',
  /** Front: reveal the answer. Back: grade Good (the common case needs one key). */
  Continue = 'continue',
  GradeAgain = 'gradeAgain',
  GradeHard = 'gradeHard',
  GradeGood = 'gradeGood',
  GradeEasy = 'gradeEasy',
  Undo = 'undo',
  Suspend = 'suspend',
  Bury = 'bury',
  ScrollUp = 'scrollUp',
  ScrollDown = 'scrollDown',
  PageUp = 'pageUp',
  PageDown = 'pageDown',
  /** Lists: move the highlight. Arrows only, so they also work inside text fields. */
  ListUp = 'listUp',
  ListDown = 'listDown',
  Open = 'open',
  /** Menus: vi keys as well as arrows (not used where letters are text). */
  MenuUp = 'menuUp',
  MenuDown = 'menuDown',
  Increase = 'increase',
  Decrease = 'decrease',
  /** Settings: a bigger step (10 for the daily limits). */
  IncreaseMore = 'increaseMore',
  DecreaseMore = 'decreaseMore',
  Dismiss = 'dismiss',
  /** Home, the card browser, the pickers: move the focus (deck list ↔ menu, the filters). */
  FocusNext = 'focusNext',
  FocusPrev = 'focusPrev',
  /** The card browser's filters, the pickers' fields: the next / previous value. */
  OptionNext = 'optionNext',
  OptionPrev = 'optionPrev',
  /** Search: show these results in the card browser. */
  BrowseResults = 'browseResults',
  /** Card view: suspend / unsuspend, bury / unbury, reset to new, study this card now. */
  ToggleSuspend = 'toggleSuspend',
  ToggleBury = 'toggleBury',
  Forget = 'forget',
  StudyCard = 'studyCard',
  QuizCard = 'quizCard',
  DeleteBack = 'deleteBack',
  /** Text fields: empty the field (as in a shell). */
  ClearField = 'clearField',
  CursorLeft = 'cursorLeft',
  CursorRight = 'cursorRight',
  /** Text fields: to the start / end of the text (Home / End, or Ctrl+A / Ctrl+E as in a shell). */
  CursorStart = 'cursorStart',
  CursorEnd = 'cursorEnd',
  /** Quiz: choose option 1–4. */
  Option1 = 'option1',
  Option2 = 'option2',
  Option3 = 'option3',
  Option4 = 'option4',
  /** Order questions: pick up / put down the highlighted step; move it directly. */
  PickUp = 'pickUp',
  MoveItemUp = 'moveItemUp',
  MoveItemDown = 'moveItemDown',
  /** A near miss: count it as right, or not. */
  Accept = 'accept',
  Reject = 'reject',
  /** After a verdict: the learner overrules it (the recorded grade follows). */
  OverruleRight = 'overruleRight',
  OverruleWrong = 'overruleWrong',
  /** Quiz summary: drill the missed cards again. */
  DrillAgain = 'drillAgain',
  /** Quiz: check the typed answer / the order, choose the highlighted option. */
  Check = 'check',
  /** Quiz: after an answer, the next question. */
  Next = 'next',
  /** Mock interview: show the model answer before the time is up. */
  Reveal = 'reveal',
  /** Stats (compact layout): next / previous panel. */
  NextPanel = 'nextPanel',
  PrevPanel = 'prevPanel',
}

type SpecialKey = 'return' | 'escape' | 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'tab' | 'backspace' | 'delete' | 'home' | 'end';

export interface Binding {
  /** A named key (arrows, Enter, Esc…). */
  key?: SpecialKey;
  /** A printable character; letters also match their 2-beolsik jamo. */
  input?: string;
  ctrl?: boolean;
  /** Only with Shift held (Shift+↑). */
  shift?: boolean;
}

/** What the same physical key sends when the Korean (2-beolsik) IME is on. */
export const JAMO_OF: Readonly<Record<string, string>> = {
  q: 'ㅂ', w: 'ㅈ', e: 'ㄷ', r: 'ㄱ', t: 'ㅅ', y: 'ㅛ', u: 'ㅕ', i: 'ㅑ', o: 'ㅐ', p: 'ㅔ',
  a: 'ㅁ', s: 'ㄴ', d: 'ㅇ', f: 'ㄹ', g: 'ㅎ', h: 'ㅗ', j: 'ㅓ', k: 'ㅏ', l: 'ㅣ',
  z: 'ㅋ', x: 'ㅌ', c: 'ㅊ', v: 'ㅍ', b: 'ㅠ', n: 'ㅜ', m: 'ㅡ',
  Q: 'ㅃ', W: 'ㅉ', E: 'ㄸ', R: 'ㄲ', T: 'ㅆ', O: 'ㅒ', P: 'ㅖ',
};

const k = (key: SpecialKey): Binding => ({ key });
const ch = (input: string): Binding => ({ input });

export const DEFAULT_BINDINGS: Readonly<Record<Command, readonly Binding[]>> = {
  [Command.Quit]: [{ input: 'c', ctrl: true }],
  [Command.Back]: [k('escape'), ch('q')],
  [Command.Help]: [ch('?')],
  [Command.Search]: [ch('/')],
  [Command.Continue]: [ch(' '), k('return')],
  [Command.GradeAgain]: [ch('1')],
  [Command.GradeHard]: [ch('2')],
  [Command.GradeGood]: [ch('3')],
  [Command.GradeEasy]: [ch('4')],
  [Command.Undo]: [ch('u')],
  [Command.Suspend]: [ch('s')],
  [Command.Bury]: [ch('b')],
  [Command.ScrollUp]: [k('upArrow'), ch('k')],
  [Command.ScrollDown]: [k('downArrow'), ch('j')],
  [Command.PageUp]: [k('pageUp')],
  [Command.PageDown]: [k('pageDown')],
  [Command.ListUp]: [k('upArrow')],
  [Command.ListDown]: [k('downArrow')],
  [Command.Open]: [k('return')],
  [Command.MenuUp]: [k('upArrow'), ch('k')],
  [Command.MenuDown]: [k('downArrow'), ch('j')],
  [Command.Increase]: [k('rightArrow'), ch('l'), ch('+')],
  [Command.Decrease]: [k('leftArrow'), ch('h'), ch('-')],
  [Command.IncreaseMore]: [{ key: 'rightArrow', shift: true }, ch('L'), ch('>')],
  [Command.DecreaseMore]: [{ key: 'leftArrow', shift: true }, ch('H'), ch('<')],
  [Command.Dismiss]: [ch('x')],
  // Shift+Tab first wherever both are checked: Ink reports it as Tab with Shift held.
  [Command.FocusNext]: [k('tab')],
  [Command.FocusPrev]: [{ key: 'tab', shift: true }],
  [Command.OptionNext]: [k('rightArrow')],
  [Command.OptionPrev]: [k('leftArrow')],
  [Command.BrowseResults]: [k('tab')],
  [Command.ToggleSuspend]: [ch('s')],
  [Command.ToggleBury]: [ch('b')],
  [Command.Forget]: [ch('f')],
  [Command.StudyCard]: [ch('r')],
  [Command.QuizCard]: [ch('t')],
  [Command.DeleteBack]: [k('backspace'), k('delete')],
  [Command.ClearField]: [{ input: 'u', ctrl: true }],
  [Command.CursorLeft]: [k('leftArrow')],
  [Command.CursorRight]: [k('rightArrow')],
  [Command.CursorStart]: [k('home'), { input: 'a', ctrl: true }],
  [Command.CursorEnd]: [k('end'), { input: 'e', ctrl: true }],
  [Command.Option1]: [ch('1')],
  [Command.Option2]: [ch('2')],
  [Command.Option3]: [ch('3')],
  [Command.Option4]: [ch('4')],
  [Command.PickUp]: [ch(' ')],
  [Command.MoveItemUp]: [{ key: 'upArrow', shift: true }, ch('K')],
  [Command.MoveItemDown]: [{ key: 'downArrow', shift: true }, ch('J')],
  [Command.Accept]: [ch('y')],
  [Command.Reject]: [ch('n')],
  [Command.OverruleRight]: [ch('r')],
  [Command.OverruleWrong]: [ch('w')],
  [Command.DrillAgain]: [ch('d'), k('return')],
  [Command.Check]: [k('return')],
  [Command.Next]: [ch(' '), k('return')],
  [Command.Reveal]: [ch(' '), k('return')],
  [Command.NextPanel]: [k('rightArrow'), k('tab'), ch('l')],
  [Command.PrevPanel]: [k('leftArrow'), ch('h')],
};

export interface MatchOptions {
  /**
   * Inside a text field printable keys are text, not commands: only named keys
   * (Esc, Enter, arrows…) and Ctrl combinations match.
   */
  textField?: boolean;
  bindings?: Readonly<Record<Command, readonly Binding[]>>;
}

function bindingMatches(b: Binding, input: string, key: Key, textField: boolean): boolean {
  if (b.ctrl) return key.ctrl && input.toLowerCase() === b.input;
  if (key.ctrl) return false;
  if (b.shift && !key.shift) return false;
  // Ink reports Esc with meta set, so named keys are checked before meta is refused.
  if (b.key) return key[b.key] === true;
  if (key.meta || textField || b.input === undefined) return false;
  // With the Korean IME on, the same physical key sends a jamo.
  return input === b.input || (b.input in JAMO_OF && input === JAMO_OF[b.input]);
}

export function matches(command: Command, input: string, key: Key, opts: MatchOptions = {}): boolean {
  const bindings = (opts.bindings ?? DEFAULT_BINDINGS)[command];
  return bindings.some((b) => bindingMatches(b, input, key, opts.textField === true));
}

/**
 * Whether the key is one of the command's characters (the `q` of Esc/q), not a named key: Home
 * quits on q but not on Esc, so that Esc, Esc from any screen never leaves the app.
 */
export function matchesCharacter(command: Command, input: string, key: Key): boolean {
  return DEFAULT_BINDINGS[command].some((b) => b.input !== undefined && !b.ctrl && bindingMatches(b, input, key, false));
}

const GRADE_COMMANDS: Record<Grade, Command> = { 1: Command.GradeAgain, 2: Command.GradeHard, 3: Command.GradeGood, 4: Command.GradeEasy };

/** The grade (1 Again … 4 Easy) a key gives, or undefined when it is not a grade key. */
export function gradeKey(input: string, key: Key): Grade | undefined {
  return GRADES.find((g) => matches(GRADE_COMMANDS[g], input, key));
}

const KEY_LABELS: Record<SpecialKey, string> = {
  return: 'Enter', escape: 'Esc', upArrow: '↑', downArrow: '↓', leftArrow: '←', rightArrow: '→',
  pageUp: 'PgUp', pageDown: 'PgDn', tab: 'Tab', backspace: 'Backspace', delete: 'Del', home: 'Home', end: 'End',
};

export function bindingLabel(b: Binding): string {
  if (b.ctrl) return `Ctrl+${(b.input ?? '').toUpperCase()}`;
  if (b.key) return `${b.shift ? 'Shift+' : ''}${KEY_LABELS[b.key]}`;
  return b.input === ' ' ? 'Space' : (b.input ?? '');
}

/** A binding that still acts while a text field has the keys: a named key or a Ctrl combination (see bindingMatches). */
function actsInTextField(b: Binding): boolean {
  return b.ctrl === true || b.key !== undefined;
}

/**
 * "Space/Enter", "↑/k" — for the help overlay and footer hints. In a text field letters are text,
 * so only the bindings that act there are named (`Esc`, not `Esc/q`); a command bound to letters
 * only (`?`, which the search box takes when it is empty) keeps them.
 */
export function keysLabel(command: Command, bindings = DEFAULT_BINDINGS, opts: { textField?: boolean } = {}): string {
  const all = bindings[command];
  const acting = opts.textField ? all.filter(actsInTextField) : all;
  return (acting.length ? acting : all).map(bindingLabel).join('/');
}

/** A Key with nothing pressed: for tests and synthetic input. */
export const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

const CHUNK_KEYS: Readonly<Record<string, Partial<Key>>> = {
  '\t': { tab: true },
  '\x1b[Z': { tab: true, shift: true },
  '\x1b[A': { upArrow: true },
  '\x1b[B': { downArrow: true },
  '\x1b[C': { rightArrow: true },
  '\x1b[D': { leftArrow: true },
  '\x1b[5~': { pageUp: true },
  '\x1b[6~': { pageDown: true },
  '\r': { return: true },
};
const CHUNK_SPLIT = /(\t|\x1b\[Z|\x1b\[[ABCD]|\x1b\[[56]~|\r)/;

/**
 * Keys that reached a handler as one `input` (sent together by tmux or a macro, or typed faster
 * than the terminal is read): Tab, Shift+Tab, arrows, PgUp/PgDn and Enter one by one, runs of
 * text as one input. Undefined when the input is a single key or plain text (nothing to split).
 */
export function splitChunk(input: string): { input: string; key: Key }[] | undefined {
  if (input.length < 2 || !CHUNK_SPLIT.test(input)) return undefined;
  return input
    .split(CHUNK_SPLIT)
    .filter(Boolean)
    .map((part) => (part in CHUNK_KEYS ? { input: '', key: { ...NO_KEY, ...CHUNK_KEYS[part] } } : { input: part, key: NO_KEY }));
}
