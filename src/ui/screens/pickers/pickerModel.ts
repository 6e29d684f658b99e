/**
 * Home's quiz and cram pickers as pure data: fields, each a list of choices, a focus that
 * moves over the fields and the Start row, and ←/→ that change the focused field. The last
 * choices are kept in the settings (`pickers`) as values, and matched back to today's choices
 * (a deck or tag that is gone falls back to the first choice).
 */
import { QUIZ_MODES } from '../../../core/quiz/questions.js';
import { DEFAULT_QUIZ_COUNT } from '../../../core/quiz/quizState.js';
import { dayKey, parseDayKey, studyDay } from '../../../core/schedule/day.js';
import { monthDay, type Messages } from '../../i18n/en.js';

export interface Choice {
  value: string;
  label: string;
}

export interface PickerField {
  id: string;
  label: string;
  choices: Choice[];
}

export interface PickerState {
  /** 0…fields-1: a field; fields: the Start row. */
  focus: number;
  /** The chosen index of each field, in field order. */
  chosen: number[];
}

export type PickerAction = { type: 'focus'; by: 1 | -1; rows: number } | { type: 'option'; by: 1 | -1; counts: readonly number[] };

const wrap = (i: number, n: number) => (n > 0 ? (i + n) % n : 0);

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  switch (action.type) {
    case 'focus':
      return { ...state, focus: wrap(state.focus + action.by, action.rows) };
    case 'option': {
      const n = action.counts[state.focus];
      if (n === undefined) return state;
      const chosen = [...state.chosen];
      chosen[state.focus] = wrap(chosen[state.focus]! + action.by, n);
      return { ...state, chosen };
    }
  }
}

/** The state for `fields` from remembered values (`overrides` win: Home's highlighted deck). */
export function initialPicker(fields: readonly PickerField[], remembered: Record<string, string> = {}, overrides: Record<string, string | undefined> = {}): PickerState {
  const chosen = fields.map((f) => {
    const want = overrides[f.id] ?? remembered[f.id];
    return Math.max(0, f.choices.findIndex((c) => c.value === want));
  });
  // Start focused: Enter right away repeats the last quiz.
  return { focus: fields.length, chosen };
}

/** The chosen value of each field, by id (what is remembered and what starts the session). */
export function pickedValues(fields: readonly PickerField[], state: PickerState): Record<string, string> {
  return Object.fromEntries(fields.map((f, i) => [f.id, f.choices[state.chosen[i]!]!.value]));
}

/** "all", "deck:<id>", "tag:<tag>". */
export function scopeChoices(decks: readonly { id: string; title: string }[], tags: readonly string[], t: Messages): Choice[] {
  return [{ value: 'all', label: t.pickers.allDecks }, ...decks.map((d) => ({ value: `deck:${d.id}`, label: d.title })), ...tags.map((tag) => ({ value: `tag:${tag}`, label: `#${tag}` }))];
}

export function parseScope(value: string): { deckId?: string; tag?: string } {
  if (value.startsWith('deck:')) return { deckId: value.slice(5) };
  if (value.startsWith('tag:')) return { tag: value.slice(4) };
  return {};
}

const onOff = (t: Messages): Choice[] => [
  { value: 'off', label: t.pickers.off },
  { value: 'on', label: t.pickers.on },
];

const QUIZ_COUNTS = [5, 10, 20, 30, 50];

export function quizFields(scope: Choice[], t: Messages): PickerField[] {
  return [
    { id: 'mode', label: t.pickers.mode, choices: QUIZ_MODES.map((m) => ({ value: m, label: t.quiz.modes[m] })) },
    { id: 'count', label: t.pickers.count, choices: QUIZ_COUNTS.map((n) => ({ value: String(n), label: String(n) })) },
    { id: 'scope', label: t.pickers.scope, choices: scope },
    { id: 'weakest', label: t.pickers.weakest, choices: onOff(t) },
  ];
}

/** Interview dates offered: none, then tomorrow … 60 days ahead (study days, as the plan counts them). */
const PLAN_DAYS = 60;

/** `plan`: the interview date of the plan under way, offered even when further out than PLAN_DAYS. */
export function cramFields(scope: Choice[], now: number, dayStartHour: number, t: Messages, plan?: string): PickerField[] {
  const today = studyDay(now, dayStartHour);
  const date = (day: number): Choice => {
    const key = dayKey(day);
    return { value: key, label: `${monthDay(key)} (D-${day - today})` };
  };
  const dates: Choice[] = Array.from({ length: PLAN_DAYS }, (_, i) => date(today + i + 1));
  // A plan further out than the list: its date as one more choice at the end.
  const planDay = plan === undefined ? undefined : parseDayKey(plan);
  if (planDay !== undefined && planDay > today + PLAN_DAYS) dates.push(date(planDay));
  return [
    { id: 'scope', label: t.pickers.scope, choices: scope },
    { id: 'weakest', label: t.pickers.weakest, choices: onOff(t) },
    { id: 'until', label: t.pickers.until, choices: [{ value: '', label: t.pickers.noDate }, ...dates] },
  ];
}

/** Remembered defaults when nothing is saved yet. */
export const QUIZ_DEFAULTS = { mode: 'mixed', count: String(DEFAULT_QUIZ_COUNT), scope: 'all', weakest: 'off' };
