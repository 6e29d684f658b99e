/** The next interval of each grade, for the buttons ("Again 1m · Hard 6m · Good 10m · Easy 9d"). */
import { intervalLabel, type MemoryState, type Scheduler } from './fsrs.js';
import type { Grade, Previews } from './types.js';

export function previews(scheduler: Scheduler, m: MemoryState, now: number): Previews {
  // The scheduler counts a clock behind the last review as that review's time, as for the answer.
  const p = scheduler.preview(m, now);
  const one = (g: Grade) => ({ due: new Date(p[g].due), label: intervalLabel(p[g].due - now) });
  return { 1: one(1), 2: one(2), 3: one(3), 4: one(4) };
}
