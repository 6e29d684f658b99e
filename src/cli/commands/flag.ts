/**
 * `amgi suspend ID…`, `amgi unsuspend ID…`, `amgi forget ID… --yes`: one flag entry per study
 * item, durable like an answer. A card id names all its items (both directions of a reversible
 * card); `ID~rev` names one. Every id is checked before anything is written: an unknown one is
 * a usage error (exit 2) that names it.
 */
import type { CommandContext } from '../types.js';
import { flagString } from '../args.js';
import { UsageError } from '../../core/errors.js';
import { formatProblem } from '../../core/deck/validate.js';
import type { StudyItem } from '../../core/deck/items.js';
import { openProgressFromEnv } from '../../store/open.js';
import { cliText } from '../../core/messages.js';

const OPS = { suspend: 'suspend', unsuspend: 'unsuspend', forget: 'forget' } as const;

/** The study item keys the ids name, in the order given; throws naming the unknown ones. */
export function resolveKeys(ids: readonly string[], items: readonly StudyItem[]): string[] {
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const found = items.filter((it) => it.key === id || it.cardId === id);
    // An exact item key (`x~rev`) names that item only; a card id, all its items.
    const exact = found.filter((it) => it.key === id);
    const chosen = exact.length && exact[0]!.key !== exact[0]!.cardId ? exact : found;
    if (!chosen.length) unknown.push(id);
    for (const it of chosen) if (!keys.includes(it.key)) keys.push(it.key);
  }
  if (unknown.length) throw new UsageError(cliText().cards.noCard(unknown));
  return keys;
}

/** What each command says after a card, and how to take it back. */
const DONE: Record<keyof typeof OPS, (key: string) => string> = {
  suspend: (k) => cliText().cards.suspended(k),
  unsuspend: (k) => cliText().cards.unsuspended(k),
  forget: (k) => cliText().cards.forgot(k),
};

export async function run(ctx: CommandContext): Promise<number> {
  const op = OPS[ctx.command as keyof typeof OPS];
  if (!op) throw new UsageError(cliText().errors.unknownCommand(ctx.command));
  if (!ctx.args.length) throw new UsageError(cliText().cards.needsIds(op));
  if (op === 'forget' && ctx.flags.yes !== true) throw new UsageError(cliText().cards.forgetNeedsYes);
  const { progress, deckProblems } = openProgressFromEnv({ env: ctx.env, now: ctx.now, decksDir: flagString(ctx.flags, 'decks') });
  try {
    for (const p of deckProblems) ctx.io.err(formatProblem(p));
    const keys = resolveKeys(ctx.args, progress.items());
    for (const key of keys) {
      progress.setFlag(key, op);
      ctx.io.out(DONE[op](key));
    }
    return 0;
  } finally {
    progress.close();
  }
}
