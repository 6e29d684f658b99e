/**
 * `amgi status`: one line for a shell prompt ("docker: 12 due · 20 new · streak 5").
 * Imports only the store and core: never React or Ink (checked by a test on the bundle).
 * A prompt runs it after every command, so an answer whose inputs have not changed is read
 * from $AMGI_HOME/cache/status-<hash>.json (statusCache.ts); the store is loaded only on a miss.
 */
import { flagString } from '../args.js';
import type { CommandContext } from '../commands.js';
import { json } from '../io.js';
import type { Remaining } from '../../core/schedule/queue.js';
import { deckSources } from '../../store/deckFiles.js';
import { formatProblem, type DeckProblem } from '../../core/deck/validate.js';
import { amgiHome } from '../../store/paths.js';
import type { ProgressStore } from '../../store/progressStore.js';
import { readStatusCache, statusKey, writeStatusCache } from '../../store/statusCache.js';

export interface DeckStatus {
  id: string;
  /** Learning cards due today plus reviews due today (within the daily limit). */
  due: number;
  new: number;
}

export interface StatusReport {
  decks: DeckStatus[];
  due: number;
  new: number;
  streak: number;
}

export async function statusReport(ctx: CommandContext): Promise<{ report: StatusReport; notices: string[] }> {
  const home = amgiHome(ctx.env);
  const decksDir = flagString(ctx.flags, 'decks');
  // One instant for the whole run: the answer and its cache key are for the same study day.
  const nowMs = ctx.now().getTime();
  const listed: DeckProblem[] = [];
  const files = deckSources({ decksDir, env: ctx.env }, listed);
  // A deck folder that cannot be listed is said on every run: never an answer from the cache.
  const listNotices = listed.map(formatProblem);
  const key = listed.length ? undefined : statusKey(home, files, nowMs);
  const cached = key && readStatusCache<StatusReport>(home, key);
  if (cached) return { report: cached, notices: [] };
  const { openProgressFromEnv } = await import('../../store/open.js');
  // Outlines: status counts study items, so the decks' text is never parsed (deck cache). The
  // same deck files the key was made from.
  const { progress } = openProgressFromEnv({ env: ctx.env, now: () => new Date(nowMs), decksDir, outline: true, files });
  const due = progress.dueByDeck();
  const decks = [...due].map(([id, c]) => ({ id, due: c.learning + c.review, new: c.new }));
  const report = {
    decks,
    due: decks.reduce((n, d) => n + d.due, 0),
    new: decks.reduce((n, d) => n + d.new, 0),
    streak: progress.streak().current,
  };
  if (key?.storable && progress.notices.length === 0 && progress.today() === key.today && !dependsOnTimeOfDay(progress, due)) {
    writeStatusCache(home, key, report);
  }
  return { report, notices: [...listNotices, ...progress.notices] };
}

/**
 * Whether the counts could change later today with no input changing. Only one case: a deck's
 * review limit cuts its due reviews and the deck has reversible cards. Which reviews make the
 * cut depends on their recall probability at this moment, and a new card whose sibling made
 * it waits for another day. Such answers are not stored.
 */
function dependsOnTimeOfDay(progress: ProgressStore, due: Map<string, Remaining>): boolean {
  const stat = progress.ledger.days.get(progress.today());
  for (const [id, c] of due) {
    const left = Math.max(0, progress.settings.reviewsPerDay - (stat?.dk[id]?.[1] ?? 0));
    if (left > 0 && c.review >= left && progress.hasSiblings(id)) return true;
  }
  return false;
}

/** One deck with work: named; several: totals (a prompt line must stay short). */
export function formatStatus(r: StatusReport): string {
  const busy = r.decks.filter((d) => d.due || d.new);
  const streak = `streak ${r.streak}`;
  if (busy.length === 0) return `nothing due · ${streak}`;
  if (busy.length === 1) return `${busy[0]!.id}: ${busy[0]!.due} due · ${busy[0]!.new} new · ${streak}`;
  return `${r.due} due · ${r.new} new in ${busy.length} decks · ${streak}`;
}

export async function run(ctx: CommandContext): Promise<number> {
  const { report, notices } = await statusReport(ctx);
  ctx.io.out(ctx.flags.json ? json(report) : formatStatus(report));
  for (const n of notices) ctx.io.err(`amgi: ${n}`);
  return 0;
}
