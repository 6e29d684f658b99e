/**
 * What `amgi status` answers, as one call: the status cache first (statusCache.ts: a prompt runs
 * status after every command), the store opened only on a miss, and the answer stored when it
 * cannot change later today. Counts are Home's (issue 14): new, learning and review cards due
 * today, with today's limits applied.
 */
import type { Remaining } from '../core/schedule/queue.js';
import { formatProblem, type DeckProblem } from '../core/deck/validate.js';
import { deckSources } from './deckFiles.js';
import { amgiHome } from './paths.js';
import type { ProgressStore } from './progressStore.js';
import { readStatusCache, statusKey, writeStatusCache } from './statusCache.js';

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
  /**
   * What this deck alone offers today, under its own limits only: Home's row for it. `new` and
   * `due` above are its share of the all-decks session, where the all-decks limits are shared
   * (20 new cards a day in all, by default, go to the first decks), so they may be lower.
   * Counted only when asked for (`amgi status --json`): they take a second queue.
   */
  newAvailable?: number;
  dueAvailable?: number;
}

export interface StatusReport {
  /** Each deck's share of today's all-decks session (they add up to the totals). */
  decks: DeckStatus[];
  new: number;
  learning: number;
  due: number;
  streak: number;
}

export async function statusReport(env: NodeJS.ProcessEnv, opts: { now: () => Date; decksDir?: string; alone?: boolean }): Promise<{ report: StatusReport; notices: string[] }> {
  const home = amgiHome(env);
  const { decksDir } = opts;
  // One instant for the whole run: the answer and its cache key are for the same study day.
  const nowMs = opts.now().getTime();
  const listed: DeckProblem[] = [];
  const files = deckSources({ decksDir, env }, listed);
  // A deck folder that cannot be listed is said on every run: never an answer from the cache.
  const listNotices = listed.map(formatProblem);
  const key = listed.length ? undefined : statusKey(home, files, nowMs);
  const cached = key && readStatusCache<StatusReport>(home, key);
  // A prompt's answer has no per-deck-alone counts: one without them is recounted for --json.
  if (cached && (!opts.alone || cached.decks.every((d) => d.newAvailable !== undefined))) return { report: cached, notices: [] };
  const { openProgressFromEnv } = await import('./open.js');
  // Outlines: status counts study items, so the decks' text is never parsed (deck cache). The
  // same deck files the key was made from.
  const { progress } = openProgressFromEnv({ env, now: () => new Date(nowMs), decksDir, outline: true, files });
  const due = progress.dueByDeck();
  const alone = opts.alone ? progress.dueByDeck(false) : undefined;
  const decks: DeckStatus[] = [...due].map(([id, c]) => ({
    id,
    new: c.new,
    learning: c.learning,
    due: c.review,
    ...(alone ? { newAvailable: alone.get(id)?.new ?? 0, dueAvailable: alone.get(id)?.review ?? 0 } : {}),
  }));
  const report = {
    decks,
    new: decks.reduce((n, d) => n + d.new, 0),
    learning: decks.reduce((n, d) => n + d.learning, 0),
    due: decks.reduce((n, d) => n + d.due, 0),
    streak: progress.streak().current,
  };
  if (key?.storable && progress.notices.length === 0 && progress.today() === key.today && !dependsOnTimeOfDay(progress, due, alone ?? due)) {
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
function dependsOnTimeOfDay(progress: ProgressStore, due: Map<string, Remaining>, alone: Map<string, Remaining>): boolean {
  const stat = progress.ledger.days.get(progress.today());
  // The collection-wide limit cuts the same way, across every deck.
  const allLeft = Math.max(0, progress.settings.reviewsPerDayAll - (stat?.rv ?? 0));
  const reviews = [...due.values()].reduce((n, c) => n + c.review, 0);
  if (allLeft > 0 && reviews >= allLeft && [...due.keys()].some((id) => progress.hasSiblings(id))) return true;
  // A deck's own limit: its count alone is at least its share.
  for (const [id, c] of alone) {
    const left = Math.max(0, progress.settings.reviewsPerDay - (stat?.dk[id]?.[1] ?? 0));
    if (left > 0 && c.review >= left && progress.hasSiblings(id)) return true;
  }
  return false;
}
