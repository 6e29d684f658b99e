/**
 * Interview-date plans (`amgi cram --until YYYY-MM-DD`). The rule, for interview day D,
 * today T (study days), raised retention r* = max(retention, 0.95):
 *
 * A card of the selection is due in today's plan session unless it was already answered in
 * the plan today, when any of these holds:
 *   (a) it has no answer in this plan yet (everything is seen once, as early as possible);
 *   (b) its recall probability at the start of D, from its FSRS state, is below r*
 *       (it would be forgotten by the interview: pulled forward);
 *   (c) T ≥ D − 1 and its last plan answer was before D − 1 (the last review falls on the
 *       day before or the day of the interview);
 *   (d) it has exactly one plan answer, given on day P, and T − P ≥ max(1, ⌊(D − P) / 2⌋)
 *       (the second review halfway between the first and the interview).
 * Plan answers reschedule with retention r*. When D − T ≤ 1, a card that has fewer than two
 * plan answers after being answered comes back once more at the end of the session, so even
 * a plan started the day before gives every card two reviews.
 * Order: lowest recall probability at D first, then most lapses.
 */
import type { StudyItem } from '../deck/items.js';
import { dayStart, parseDayKey, studyDay } from './day.js';
import type { Scheduler } from './fsrs.js';
import type { MemoryState } from './types.js';
import { peekItem } from './itemTable.js';
import { newItemState, type Ledger } from './ledger.js';
import { isHidden } from './queue.js';
import type { Settings } from './types.js';

const PLAN_MIN_RETENTION = 0.95;

export function planRetention(settings: Pick<Settings, 'retention'>): number {
  return Math.max(settings.retention, PLAN_MIN_RETENTION);
}

export interface PlanInput {
  ledger: Ledger;
  items: StudyItem[];
  settings: Pick<Settings, 'retention' | 'dayStartHour'>;
  scheduler: Scheduler;
  now: number;
  /** YYYY-MM-DD */
  until: string;
}

/**
 * perDay: about how many answers a day the plan needs from today to the interview (today and
 * interview day included); today: how many answers today's session asks (a card that comes back
 * at the end of the session counts twice). Both count answers, not cards: a card is answered at
 * least three times (first sight, halfway, the day before) and more while (b) pulls it forward.
 * The days after today are counted by running the rule as if every answer were Good, given on
 * the day the card falls due at the hour of `now`.
 */
export type PlanResult = { ok: true; due: StudyItem[]; daysLeft: number; lastDays: boolean; perDay: number; today: number } | { ok: false; error: string };

/** A card's plan so far: its memory, plan answers and the study day of the last one. */
interface PlanCard {
  m: MemoryState;
  n: number;
  last: number | undefined;
}

interface PlanDays {
  T: number;
  D: number;
  rStar: number;
  atD: number;
  dayStartHour: number;
  /** Time of day of `now` (ms since its study day began): simulated answers are given then. */
  timeOfDay: number;
  scheduler: Scheduler;
}

/**
 * The first study day from `from` on that the rule above makes the card due, or undefined when
 * it has nothing more to ask before D. (a) and (b) hold from any day until the card is answered;
 * (c) and (d) from a day of their own.
 */
function nextDueDay({ m, n, last }: PlanCard, from: number, p: PlanDays): number | undefined {
  if (n === 0 || last === undefined || p.scheduler.retrievability(m, p.atD) < p.rStar) return from <= p.D ? from : undefined;
  const days: number[] = [];
  if (last < p.D - 1) days.push(Math.max(from, p.D - 1));
  if (n === 1) days.push(Math.max(from, last + Math.max(1, Math.floor((p.D - last) / 2))));
  const day = Math.min(...days);
  return day <= p.D ? day : undefined;
}

/** Plan answers a card due on `day` gets: twice on the last two days while it has fewer than two. */
function answersOn(day: number, n: number, D: number): number {
  return D - day <= 1 && n + 1 < 2 ? 2 : 1;
}

/** The card after answering Good `k` times on `day`. */
function answered(c: PlanCard, day: number, k: number, p: PlanDays): PlanCard {
  const at = dayStart(day, p.dayStartHour).getTime() + p.timeOfDay;
  let m = c.m;
  for (let i = 0; i < k; i++) m = p.scheduler.next(m, at, 3);
  return { m, n: c.n + k, last: day };
}

/** Answers the rule asks of a card after today, answering Good. */
function answersAfter(c: PlanCard, p: PlanDays): number {
  let total = 0;
  for (let day = nextDueDay(c, p.T + 1, p); day !== undefined; day = nextDueDay(c, day + 1, p)) {
    const k = answersOn(day, c.n, p.D);
    total += k;
    c = answered(c, day, k, p);
  }
  return total;
}

/** Cards whose days after today are simulated at most (see planDue). */
const PLAN_SAMPLE = 1000;

/** Study days from `now` to the interview date (0 on the day); undefined for a bad date. */
export function planDaysLeft(until: string, now: Date | number, dayStartHour: number): number | undefined {
  const D = parseDayKey(until);
  return D === undefined ? undefined : D - studyDay(now, dayStartHour);
}

export function planDue(p: PlanInput): PlanResult {
  const D = parseDayKey(p.until);
  if (D === undefined) return { ok: false, error: `"${p.until}" is not a date (YYYY-MM-DD)` };
  const T = studyDay(p.now, p.settings.dayStartHour);
  if (D < T) return { ok: false, error: `the interview date ${p.until} has passed` };
  const rStar = planRetention(p.settings);
  const atD = dayStart(D, p.settings.dayStartHour).getTime();
  const h = p.settings.dayStartHour;
  const days: PlanDays = { T, D, rStar, atD, dayStartHour: h, timeOfDay: p.now - dayStart(T, h).getTime(), scheduler: p.scheduler };
  const scored: { item: StudyItem; r: number; lapses: number }[] = [];
  let today = 0;
  // The days after today are simulated for every `stride`-th card and scaled to them all: the
  // simulation steps each card to the interview (a year ahead: ≈ 90 µs a card, 0.9 s at 10k
  // cards), and the figure is an estimate shown as "about".
  const stride = Math.max(1, Math.ceil(p.items.length / PLAN_SAMPLE));
  let shown = 0;
  let sampled = 0;
  let later = 0;
  const simulate = (c: PlanCard) => {
    if (shown++ % stride !== 0) return;
    sampled++;
    later += answersAfter(c, days);
  };
  for (const item of p.items) {
    const s = peekItem(p.ledger.items, item.key) ?? newItemState(item.deckId);
    if (isHidden(s, T)) continue;
    const inPlan = s.plan === p.until;
    const card: PlanCard = { m: s, n: inPlan ? (s.planN ?? 0) : 0, last: inPlan ? s.planLd : undefined };
    if (card.last === T || nextDueDay(card, T, days) !== T) {
      simulate(card);
      continue;
    }
    const k = answersOn(T, card.n, D);
    today += k;
    simulate(answered(card, T, k, days));
    scored.push({ item, r: p.scheduler.retrievability(s, atD), lapses: s.lapses });
  }
  if (sampled) later = (later * shown) / sampled;
  scored.sort((a, b) => a.r - b.r || b.lapses - a.lapses);
  return { ok: true, due: scored.map((x) => x.item), daysLeft: D - T, lastDays: D - T <= 1, perDay: Math.ceil(Math.round(today + later) / (D - T + 1)), today };
}
