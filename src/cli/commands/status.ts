/**
 * `amgi status`: one line for a shell prompt ("20 new · 3 learning · 12 due · streak 5").
 * Imports only the store and core: never React or Ink (checked by a test on the bundle). The
 * answer, cached or counted, is store/statusReport.ts.
 */
import { cliText } from '../../core/messages.js';
import { flagString } from '../args.js';
import type { CommandContext } from '../types.js';
import { json } from '../io.js';
import { statusReport, type StatusReport } from '../../store/statusReport.js';

/**
 * The whole collection, as Home's "All decks" row: a deck is never named, since the decks' counts
 * are shares of one all-decks session (on a fresh install the 20 new cards of the day all come
 * from the first deck, which does not make it the only deck with work).
 */
export function formatStatus(r: StatusReport): string {
  const t = cliText().status;
  const streak = t.streak(r.streak);
  if (!r.new && !r.learning && !r.due) return `${t.nothingDue} · ${streak}`;
  return `${t.counts(r.new, r.learning, r.due)} · ${streak}`;
}

export async function run(ctx: CommandContext): Promise<number> {
  const { report, notices } = await statusReport(ctx.env, { now: ctx.now, decksDir: flagString(ctx.flags, 'decks'), alone: ctx.flags.json === true });
  ctx.io.out(ctx.flags.json ? json(report) : formatStatus(report));
  for (const n of notices) ctx.io.err(`amgi: ${n}`);
  return 0;
}
