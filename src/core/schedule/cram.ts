/**
 * Cram selection: any deck, tag or explicit list, optionally weakest first. Cram answers do
 * not move FSRS schedules by default; their misses are recorded and feed the weakest order.
 */
import type { StudyItem } from '../deck/items.js';
import { studyDay } from './day.js';
import type { Scheduler } from './fsrs.js';
import { peekItem } from './itemTable.js';
import { kindOf, isHidden } from './queue.js';
import type { Ledger } from './ledger.js';

export interface CramSelectInput {
  ledger: Ledger;
  items: StudyItem[];
  scheduler: Scheduler;
  now: number;
  dayStartHour: number;
  tag?: string;
  keys?: string[];
  weakest?: boolean;
  limit?: number;
}

/**
 * Weakness of a studied card, lower is weaker: recall probability now, minus 0.05 per lapse
 * and 0.1 per cram miss (a card you keep missing in cram is weak even if FSRS thinks otherwise).
 */
function weakness(r: number, lapses: number, cramMisses: number): number {
  return r - 0.05 * lapses - 0.1 * cramMisses;
}

export function selectCram(input: CramSelectInput): StudyItem[] {
  const today = studyDay(input.now, input.dayStartHour);
  const want = input.keys ? new Set(input.keys) : undefined;
  let items = input.items.filter((it) => {
    if (want && !want.has(it.key)) return false;
    if (input.tag && !(it.card.tags ?? []).includes(input.tag)) return false;
    return !isHidden(peekItem(input.ledger.items, it.key), today);
  });
  if (want) {
    // An explicit list keeps its own order (drill the missed cards again, a quiz's picks).
    const order = new Map(input.keys!.map((k, i) => [k, i]));
    items.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  }
  if (input.weakest) {
    // Studied cards weakest first; never-studied cards after them, in deck order.
    const scored = items.map((it, i) => {
      const s = peekItem(input.ledger.items, it.key);
      const studied = kindOf(s) !== 'new' || (s?.cramN ?? 0) > 0;
      const w = studied ? weakness(s ? input.scheduler.retrievability(s, input.now) : 0, s?.lapses ?? 0, s?.cramMiss ?? 0) : Infinity;
      return { it, w, i };
    });
    scored.sort((a, b) => a.w - b.w || a.i - b.i);
    items = scored.map((x) => x.it);
  }
  return input.limit ? items.slice(0, input.limit) : items;
}
