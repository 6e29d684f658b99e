/** Builds the schedulers a ledger needs from the settings, in one place. */
import { makeScheduler, SCHEDULER_VERSION } from './fsrs.js';
import { planRetention } from './interviewPlan.js';
import type { LedgerContext } from './ledger.js';
import type { Settings } from './types.js';

/** The settings a replay depends on: states built under other ones are rebuilt. */
export function paramsKey(settings: Pick<Settings, 'retention' | 'maximumInterval' | 'weights' | 'dayStartHour' | 'leechThreshold'>, fuzz: boolean): string {
  const { retention, maximumInterval, weights, dayStartHour, leechThreshold } = settings;
  return JSON.stringify([retention, maximumInterval, weights ?? null, dayStartHour, leechThreshold, fuzz, SCHEDULER_VERSION]);
}

export function ledgerContext(settings: Settings, fuzz: boolean): LedgerContext {
  return {
    scheduler: makeScheduler({ settings, fuzz }),
    planScheduler: makeScheduler({ settings, fuzz, retention: planRetention(settings) }),
    settings,
    params: paramsKey(settings, fuzz),
  };
}
