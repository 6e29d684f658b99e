/**
 * Review histories for the FSRS optimizer: per card, its rescheduling answers in order with
 * the study days elapsed between them (delta_t, 0 for the first), undone answers left out.
 */
import { studyDay } from './day.js';
import { undoneIds } from './ledger.js';
import type { Grade, LogEntry } from './types.js';

export interface ReviewHistory {
  key: string;
  reviews: { rating: Grade; deltaT: number }[];
}

export function reviewHistories(entries: LogEntry[], dayStartHour: number): ReviewHistory[] {
  const undone = undoneIds(entries);
  const byKey = new Map<string, { rating: Grade; day: number }[]>();
  for (const e of entries) {
    if (e.op !== 'answer' || !e.reschedule || undone.has(e.id)) continue;
    const list = byKey.get(e.key) ?? [];
    list.push({ rating: e.grade, day: studyDay(Date.parse(e.at), dayStartHour) });
    byKey.set(e.key, list);
  }
  return [...byKey].map(([key, list]) => ({ key, reviews: list.map((r, i) => ({ rating: r.rating, deltaT: i === 0 ? 0 : r.day - list[i - 1]!.day })) }));
}

/** Rescheduling answers still in effect: what the 400-review minimum counts. */
export function countReviews(histories: ReviewHistory[]): number {
  return histories.reduce((n, h) => n + h.reviews.length, 0);
}
