/**
 * `amgi suspend ID…`, `amgi unsuspend ID…`, `amgi forget ID… --yes`: one flag entry per study
 * item, durable like an answer. A card id names all its items (both directions of a reversible
 * card); `ID~rev` names one. Every id is checked before anything is written: an unknown one is
 * a usage error (exit 2) that names it.
 */
import type { CommandContext } from '../commands.js';
import { flagString } from '../args.js';
import { UsageError } from '../../core/errors.js';
import { formatProblem } from '../../core/deck/validate.js';
import type { StudyItem } from '../../core/deck/items.js';
import { openProgressFromEnv } from '../../store/open.js';

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
  if (unknown.length) throw new UsageError(`no card ${unknown.map((u) => `"${u}"`).join(', ')} (see \`amgi cards\`)`);
  return keys;
}

/** What each command says after a card, and how to take it back. */
const DONE: Record<keyof typeof OPS, (key: string) => string> = {
  suspend: (k) => `suspended ${k} — bring it back with: amgi unsuspend ${k}`,
  unsuspend: (k) => `unsuspended ${k}: it comes back in reviews when due`,
  forget: (k) => `forgot ${k}: it is a new card again`,
};

export async function run(ctx: CommandContext): Promise<number> {
  const op = OPS[ctx.command as keyof typeof OPS];
  if (!op) throw new UsageError(`unknown command "${ctx.command}"`);
  if (!ctx.args.length) throw new UsageError(`${op} needs at least one card ID (see \`amgi cards\`)`);
  if (op === 'forget' && ctx.flags.yes !== true) throw new UsageError('forget resets the cards to new (their history stays in the log): add --yes to do it');
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
