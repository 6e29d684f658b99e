/**
 * `amgi status`: one line for a shell prompt ("docker: 20 new · 3 learning · 12 due · streak 5").
 * Imports only the store and core: never React or Ink (checked by a test on the bundle).
 * A prompt runs it after every command, so an answer whose inputs have not changed is read
 * from $AMGI_HOME/cache/status-<hash>.json (statusCache.ts); the store is loaded only on a miss.
 */
import { cliText } from '../../core/messages.js';
import { flagString } from '../args.js';
import type { CommandContext } from '../types.js';
import { json } from '../io.js';
import type { Remaining } from '../../core/schedule/queue.js';
import { deckSources } from '../../store/deckFiles.js';
import { formatProblem, type DeckProblem } from '../../core/deck/validate.js';
import { amgiHome } from '../../store/paths.js';
import type { ProgressStore } from '../../store/progressStore.js';
import { readStatusCache, statusKey, writeStatusCache } from '../../store/statusCache.js';

/**
 * The same three counts with the same words as Home (issue 14): new cards left today, learning
 * cards due today, reviews due today (Anki's New / Learn / Due), with today's limits applied.
 */
export interface DeckStatus {
  id: string;
  new: number;
  learning: number;
  /** Reviews due today (review-state cards), within the limits. */
  due: number;
}

export interface StatusReport {
  /** Each deck's share of today's all-decks session (they add up to the totals). */
  decks: DeckStatus[];
  new: number;
  learning: number;
  due: number;
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
  const decks = [...due].map(([id, c]) => ({ id, new: c.new, learning: c.learning, due: c.review }));
  const report = {
    decks,
    new: decks.reduce((n, d) => n + d.new, 0),
    learning: decks.reduce((n, d) => n + d.learning, 0),
    due: decks.reduce((n, d) => n + d.due, 0),
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
  // The collection-wide limit cuts the same way, across every deck.
  const allLeft = Math.max(0, progress.settings.reviewsPerDayAll - (stat?.rv ?? 0));
  const reviews = [...due.values()].reduce((n, c) => n + c.review, 0);
  if (allLeft > 0 && reviews >= allLeft && [...due.keys()].some((id) => progress.hasSiblings(id))) return true;
  for (const [id, c] of due) {
    const left = Math.max(0, progress.settings.reviewsPerDay - (stat?.dk[id]?.[1] ?? 0));
    if (left > 0 && c.review >= left && progress.hasSiblings(id)) return true;
  }
  return false;
}

/** One deck with work: named; several: totals (a prompt line must stay short). */
export function formatStatus(r: StatusReport): string {
  const t = cliText().status;
  const busy = r.decks.filter((d) => d.due || d.new || d.learning);
  const streak = t.streak(r.streak);
  if (busy.length === 0) return `${t.nothingDue} · ${streak}`;
  const counts = (c: { new: number; learning: number; due: number }) => t.counts(c.new, c.learning, c.due);
  if (busy.length === 1) return `${busy[0]!.id}: ${counts(busy[0]!)} · ${streak}`;
  return `${t.inDecks(counts(r), busy.length)} · ${streak}`;
}

export async function run(ctx: CommandContext): Promise<number> {
  const { report, notices } = await statusReport(ctx);
  ctx.io.out(ctx.flags.json ? json(report) : formatStatus(report));
  for (const n of notices) ctx.io.err(`amgi: ${n}`);
  return 0;
}
