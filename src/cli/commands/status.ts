/**
 * `amgi status`: one line for a shell prompt ("docker: 12 due · 20 new · streak 5").
 * Imports only the store and core: never React or Ink (checked by a test on the bundle).
 */
import { flagString } from '../args.js';
import type { CommandContext } from '../commands.js';
import { json } from '../io.js';
import { openProgressFromEnv } from '../../store/open.js';

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

export function statusReport(ctx: CommandContext): { report: StatusReport; notices: string[] } {
  // Outlines: status counts study items, so the decks' text is never parsed (deck cache).
  const { progress } = openProgressFromEnv({ env: ctx.env, now: ctx.now, decksDir: flagString(ctx.flags, 'decks'), outline: true });
  const decks = [...progress.countsByDeck()].map(([id, c]) => ({ id, due: c.learning + c.review, new: c.new }));
  const report = {
    decks,
    due: decks.reduce((n, d) => n + d.due, 0),
    new: decks.reduce((n, d) => n + d.new, 0),
    streak: progress.streak().current,
  };
  return { report, notices: progress.notices };
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
  const { report, notices } = statusReport(ctx);
  ctx.io.out(ctx.flags.json ? json(report) : formatStatus(report));
  for (const n of notices) ctx.io.err(`amgi: ${n}`);
  return 0;
}
