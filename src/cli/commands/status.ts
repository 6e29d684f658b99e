/**
 * `amgi status`: one line for a shell prompt ("docker: 20 new · 3 learning · 12 due · streak 5").
 * Imports only the store and core: never React or Ink (checked by a test on the bundle). The
 * answer, cached or counted, is store/statusReport.ts.
 */
import { cliText } from '../../core/messages.js';
import { flagString } from '../args.js';
import type { CommandContext } from '../types.js';
import { json } from '../io.js';
import { statusReport, type StatusReport } from '../../store/statusReport.js';

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
  const { report, notices } = await statusReport(ctx.env, { now: ctx.now, decksDir: flagString(ctx.flags, 'decks'), alone: ctx.flags.json === true });
  ctx.io.out(ctx.flags.json ? json(report) : formatStatus(report));
  for (const n of notices) ctx.io.err(`amgi: ${n}`);
  return 0;
}
