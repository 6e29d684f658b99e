/**
 * The session's side of load balancing (core/schedule/loadBalance.ts): cards due per day over
 * the whole collection, built on the first answer and kept current as this session answers.
 */
import { studyDay } from '../core/schedule/day.js';
import { makeScheduler, State, type Scheduler } from '../core/schedule/fsrs.js';
import { peekItem } from '../core/schedule/itemTable.js';
import { newItemState } from '../core/schedule/ledger.js';
import { balancedDue, DueCounts } from '../core/schedule/loadBalance.js';
import type { Grade } from '../core/schedule/types.js';
import type { SessionHost } from './types.js';

export interface Balancer {
  /** ISO due of a balanced review for this answer, or undefined: keep the scheduler's. */
  due(key: string, grade: Grade, at: number): string | undefined;
}

export function makeBalancer(store: SessionHost): Balancer {
  const hour = store.settings.dayStartHour;
  const dayOf = (t: number) => studyDay(t, hour);
  // The interval before fuzz: balancing picks within the fuzz range instead of at random.
  // Both built on the first answer: opening a session stays as cheap as before.
  let plain: Scheduler | undefined;
  let counts: DueCounts | undefined;
  const build = () => {
    const c = new DueCounts();
    for (const it of store.items()) {
      const s = peekItem(store.ledger.items, it.key);
      if (s && s.st === State.Review && !s.susp) c.add(dayOf(s.due));
    }
    return c;
  };
  return {
    due(key, grade, at) {
      counts ??= build();
      plain ??= makeScheduler({ settings: store.settings, fuzz: false });
      const before = store.state(key) ?? newItemState('');
      const due = balancedDue({ plain, before, at, grade, counts, dayOf, maximumInterval: store.settings.maximumInterval, key });
      return due === undefined ? undefined : new Date(due).toISOString();
    },
  };
}
