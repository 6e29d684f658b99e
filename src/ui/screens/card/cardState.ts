/**
 * The card view's state block (pure rows) and its actions as a pure reducer: what was done on
 * this screen (entry ids, so `u` undoes exactly those), a forget waiting for y/n, the message.
 */
import type { CardInfo } from '../../../core/schedule/browse.js';
import type { AnswerEntry, AnswerKind, Grade, ItemEntry } from '../../../core/schedule/types.js';
import { formatPercent, formatSpan, formatWhen } from '../../format.js';
import type { Messages } from '../../i18n/index.js';
import { seg, wrapRows, wrapStyledRow, type Row } from '../../textLayout.js';
import type { Theme } from '../../theme.js';
import type { Notice } from '../../components/notice.js';

/** Answers shown under "Last answers", newest first. */
const HISTORY_SHOWN = 5;

/** "12/01 09:30" in local time. */
function shortStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** State, due and interval, memory, counts, then the last answers (date, grade, kind). */
export function stateRows(info: CardInfo, history: readonly ItemEntry[], now: Date, width: number, t: Messages, theme: Theme): Row[] {
  const c = t.cardState;
  const rows: Row[] = [];
  const flags = [...(info.suspended ? [c.suspended] : []), ...(info.buried ? [c.buried] : []), ...(info.leech ? [c.leech] : [])];
  const head: Row = [seg(c.kinds[info.kind], info.kind === 'new' ? theme.count.new : info.kind === 'learning' ? theme.count.learning : theme.count.due)];
  if (flags.length) head.push(seg(` · ${flags.join(' · ')}`, theme.status.warn));
  if (info.due !== undefined) head.push(seg(` · ${c.due(formatWhen(new Date(info.due), now, t))} (${shortStamp(info.due)}) · ${c.interval(`${info.interval}${t.time.d}`)}`, theme.text.primary));
  else head.push(seg(` · ${c.neverStudied}`, theme.text.muted));
  rows.push(...wrapStyledRow(head, width));
  if (info.kind !== 'new') {
    rows.push(...wrapRows(c.memory(formatSpan(info.stability * 86_400_000, t), info.difficulty.toFixed(1), formatPercent(info.retrievability)), width, theme.text.muted));
  }
  rows.push(...wrapRows(c.counts(info.reps, info.lapses), width, theme.text.muted));
  const answers = history.filter((e) => e.op === 'answer').slice(-HISTORY_SHOWN).reverse();
  rows.push([seg(`${c.history}:`, theme.text.label), ...(answers.length ? [] : [seg(` ${c.noHistory}`, theme.text.muted)])]);
  for (const e of answers) {
    if (e.op !== 'answer') continue;
    rows.push([seg(`  ${shortStamp(Date.parse(e.at))}  `, theme.text.muted), seg(t.review.grades[e.grade], GRADE_TONE(theme)[e.grade]), seg(`  ${c.answerKinds[shownKind(e)]}`, theme.text.muted)]);
  }
  return rows;
}

/**
 * How an answer is named in the history: a cram that rescheduled (Card → r, `cram --reschedule`)
 * reads as a review, which it was; "cram" would say the schedule stayed. The log keeps 'cram'.
 */
function shownKind(e: AnswerEntry): AnswerKind {
  return e.kind === 'cram' && e.reschedule && e.plan === undefined ? 'review' : e.kind;
}

const GRADE_TONE = (theme: Theme) => ({ 1: theme.grade.again, 2: theme.grade.hard, 3: theme.grade.good, 4: theme.grade.easy });

/** A message over the footer (components/notice.ts lays it out). */
export type Flash = Notice;

/** An entry `u` can take back: a flag set here, or an answer from a review or quiz started here (its grade). */
export interface DoneHere {
  id: string;
  key: string;
  grade?: Grade;
}

export interface CardActionState {
  /** Entries this screen wrote, or a review or quiz of this card started from it, newest last: `u` undoes the newest. */
  done: DoneHere[];
  confirmForget: boolean;
  flash?: Flash;
}

export type CardAction =
  | { type: 'did'; id: string; key: string; flash: Flash }
  | { type: 'askForget' }
  | { type: 'cancel' }
  | { type: 'undone'; flash: Flash }
  | { type: 'flash'; flash: Flash }
  /** The screen is on top again: the notice was for the moment it was given; what was written meanwhile can be undone here. */
  | { type: 'back'; done: DoneHere[] };

export const initialCardActions: CardActionState = { done: [], confirmForget: false };

export function cardActionReducer(state: CardActionState, action: CardAction): CardActionState {
  switch (action.type) {
    case 'did':
      return { done: [...state.done, { id: action.id, key: action.key }], confirmForget: false, flash: action.flash };
    case 'askForget':
      return { ...state, confirmForget: true, flash: undefined };
    case 'cancel':
      return { ...state, confirmForget: false, flash: undefined };
    case 'undone':
      return { done: state.done.slice(0, -1), confirmForget: false, flash: action.flash };
    case 'flash':
      return { ...state, confirmForget: false, flash: action.flash };
    case 'back':
      return { done: [...state.done, ...action.done], confirmForget: false };
  }
}
