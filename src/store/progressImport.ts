/**
 * `amgi import --progress FILE` as one call: another machine's review history (a progress
 * file, or the reviews in an Anki package made by `amgi export --format apkg`) merged into this
 * log, then the snapshot rebuilt. The caller only confirms a suspicious merge.
 */
import { rmSync } from 'node:fs';
import { applyProgressMerge, planProgressMerge, type ProgressPlan } from './progressTransfer.js';
import { rebuildSnapshot } from './ledgerStore.js';
import { isAnkiPackage } from './deckImport.js';

export interface ProgressImportRequest {
  file: string;
  now: () => Date;
  /** `--decks DIR`: where the cards of an Anki package's reviews are looked up. */
  decksDir?: string;
}

export interface ProgressImportAsk {
  /** Well-formed but suspicious (future-dated or `forget` entries): merge anyway? Asked only then. */
  confirm(plan: ProgressPlan): boolean | Promise<boolean>;
}

export interface ProgressImportResult {
  /** False: declined at `confirm`, nothing written. */
  merged: boolean;
  plan: ProgressPlan;
  /** Unreadable lines of the local log, each once (the plan's and the replay's). */
  problems: string[];
  /** Reviews in an Anki package of cards amgi does not know (left out). */
  unknownReviews: number;
}

export async function importProgress(home: string, env: NodeJS.ProcessEnv, req: ProgressImportRequest, ask: ProgressImportAsk): Promise<ProgressImportResult> {
  if (!isAnkiPackage(req.file)) return mergeProgress(home, req.file, req.now, ask, 0);
  // The reviews done in Anki (a phone) on cards amgi exported, through the same merge.
  const reviews = await (await import('./ankiImport.js')).apkgReviewsFile(req.file, env, req.decksDir);
  try {
    return await mergeProgress(home, reviews.file, req.now, ask, reviews.unknown);
  } finally {
    rmSync(reviews.dir, { recursive: true, force: true });
  }
}

async function mergeProgress(home: string, file: string, now: () => Date, ask: ProgressImportAsk, unknownReviews: number): Promise<ProgressImportResult> {
  const plan = planProgressMerge(home, file, now().getTime());
  const problems = [...plan.logProblems];
  const result = (merged: boolean) => ({ merged, plan, problems, unknownReviews });
  if ((plan.future.count || plan.forgets) && !(await ask.confirm(plan))) return result(false);
  if (plan.add.size) {
    applyProgressMerge(home, plan);
    // The replay rereads the log: its unreadable lines are the plan's again.
    for (const p of rebuildSnapshot(home, { now, ...(plan.index ? { index: plan.index } : {}) }).problems) if (!problems.includes(p)) problems.push(p);
  }
  return result(true);
}
