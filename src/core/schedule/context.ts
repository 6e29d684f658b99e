/** Builds the schedulers a ledger needs from the settings, in one place. */
import { makeScheduler } from './fsrs.js';
import { planRetention } from './interviewPlan.js';
import type { LedgerContext } from './ledger.js';
import type { Settings } from './types.js';

export function ledgerContext(settings: Settings, fuzz: boolean): LedgerContext {
  return {
    scheduler: makeScheduler({ settings, fuzz }),
    planScheduler: makeScheduler({ settings, fuzz, retention: planRetention(settings) }),
    settings,
  };
}
