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
 * perDay: about how many answers a day the plan needs from today to the interview: every card
 * of the selection gets PLAN_ANSWERS plan answers (first sight, halfway, the day before), less
 * the ones it has had, spread over the days left (today and interview day included).
 */
export type PlanResult = { ok: true; due: StudyItem[]; daysLeft: number; lastDays: boolean; perDay: number } | { ok: false; error: string };

/** Plan answers a card gets by the rule above when all goes well: (a), (d), (c). */
const PLAN_ANSWERS = 3;

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
  const scored: { item: StudyItem; r: number; lapses: number }[] = [];
  let needed = 0;
  for (const item of p.items) {
    const s = peekItem(p.ledger.items, item.key) ?? newItemState(item.deckId);
    if (isHidden(s, T)) continue;
    const inPlan = s.plan === p.until;
    const n = inPlan ? (s.planN ?? 0) : 0;
    needed += Math.max(0, PLAN_ANSWERS - n);
    const last = inPlan ? s.planLd : undefined;
    if (last === T) continue;
    const r = p.scheduler.retrievability(s, atD);
    const due =
      n === 0 ||
      r < rStar ||
      (T >= D - 1 && last! < D - 1) ||
      (n === 1 && T - last! >= Math.max(1, Math.floor((D - last!) / 2)));
    if (due) scored.push({ item, r, lapses: s.lapses });
  }
  scored.sort((a, b) => a.r - b.r || b.lapses - a.lapses);
  return { ok: true, due: scored.map((x) => x.item), daysLeft: D - T, lastDays: D - T <= 1, perDay: Math.ceil(needed / (D - T + 1)) };
}
