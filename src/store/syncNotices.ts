/**
 * The sync step a store takes on open and before each read of the log (store/syncFolder.ts):
 * other machines' new entries into the local log, this machine's to its device file. Whatever
 * goes wrong there is a notice, never an error (the local log alone is a complete store), and
 * each problem is said once per process: a session syncs before every answer.
 */
import { msg } from '../core/messages.js';
import { syncStep } from './syncFolder.js';

export class SyncNotices {
  private readonly said = new Set<string>();

  constructor(private readonly home: string) {}

  /** One sync step; the problems not said before go to `notices`. */
  step(now: number, notices: string[]): void {
    let problems: string[];
    try {
      problems = syncStep(this.home, { now })?.problems ?? [];
    } catch (e) {
      problems = [`${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; this machine's answers are kept and synced at the next step`];
    }
    for (const p of problems) {
      if (this.said.has(p)) continue;
      this.said.add(p);
      notices.push(msg().syncPrefix(p));
    }
  }
}
