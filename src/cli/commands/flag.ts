/**
 * `amgi suspend ID…`, `amgi unsuspend ID…`, `amgi forget ID… --yes`: one flag entry per study
 * item, durable like an answer. A card id names all its items (both directions of a reversible
 * card); `ID~rev` names one. Every id is checked before anything is written: an unknown one is
 * a usage error (exit 2) that names it and the closest known ids. Unsuspending a card that is
 * not suspended says so and writes nothing.
 */
import type { CommandContext } from '../types.js';
import { flagString } from '../args.js';
import { UsageError } from '../../core/errors.js';
import { formatProblem } from '../../core/deck/validate.js';
import type { StudyItem } from '../../core/deck/items.js';
import { openProgressFromEnv } from '../../store/open.js';
import { cliText } from '../../core/messages.js';
import { nearestNames } from '../../core/text/nearest.js';

const OPS = { suspend: 'suspend', unsuspend: 'unsuspend', forget: 'forget' } as const;

/** The study item keys each id names, in the order given; throws naming the unknown ones (and what they may have meant). */
export function resolveIds(ids: readonly string[], items: readonly StudyItem[]): { id: string; keys: string[] }[] {
  const out: { id: string; keys: string[] }[] = [];
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const id of ids) {
    const found = items.filter((it) => it.key === id || it.cardId === id);
    // An exact item key (`x~rev`) names that item only; a card id, all its items.
    const exact = found.filter((it) => it.key === id);
    const chosen = exact.length && exact[0]!.key !== exact[0]!.cardId ? exact : found;
    if (!chosen.length) unknown.push(id);
    const keys = chosen.map((it) => it.key).filter((k) => !seen.has(k));
    for (const k of keys) seen.add(k);
    if (keys.length) out.push({ id, keys });
  }
  if (unknown.length) {
    // `vm-guest-userlnd` → vm-guest-userland: the closest card ids (item keys for an `~rev` id).
    const names = new Set(items.map((it) => it.key));
    for (const it of items) names.add(it.cardId);
    const guesses = [...new Set(unknown.flatMap((u) => nearestNames(u, names, 3)))];
    throw new UsageError(cliText().cards.noCard(unknown, guesses));
  }
  return out;
}

/** The study item keys the ids name, in the order given; throws naming the unknown ones. */
export function resolveKeys(ids: readonly string[], items: readonly StudyItem[]): string[] {
  return resolveIds(ids, items).flatMap((r) => r.keys);
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
    for (const { id, keys } of resolveIds(ctx.args, progress.items())) {
      // Unsuspending a card that is not suspended writes nothing (a no-op entry would only grow the log).
      const todo = op === 'unsuspend' ? keys.filter((k) => progress.state(k)?.susp === true) : keys;
      if (!todo.length) ctx.io.out(cliText().cards.notSuspended(id));
      for (const key of todo) {
        progress.setFlag(key, op);
        ctx.io.out(DONE[op](key));
      }
    }
    return 0;
  } finally {
    progress.close();
  }
}
