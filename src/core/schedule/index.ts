/** core/schedule: pure scheduling (ts-fsrs FSRS-6), queue building, ledger replay, plans. */
export * from './types.js';
export { studyDay, dayStart, dayKey, parseDayKey } from './day.js';
export { makeScheduler, intervalLabel, newMemory, State, type MemoryState, type Scheduler, type SchedulerOptions } from './fsrs.js';
export { applyEntry, replay, emptyLedger, newItemState, undoneIds, isLeechLapse, RECENT_LIMIT, type ItemState, type DayStat, type Ledger, type LedgerContext, type ApplyOutcome } from './ledger.js';
export { ledgerContext } from './context.js';
export { ReviewQueue, isHidden, kindOf, limitsLeft, LEARN_AHEAD_MS } from './queue.js';
export { selectCram, weakness } from './cram.js';
export { planDue, planRetention, PLAN_MIN_RETENTION, type PlanResult } from './interview.js';
export { previews } from './previews.js';
