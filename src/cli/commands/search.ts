/** `amgi search QUERY [--json] [--limit N] [--deck ID]`: ranked cards; exit 0 found, 1 nothing, 2 usage. */
import { cliText } from '../../core/messages.js';
import { checkScope } from '../../core/deck/scope.js';
import { flagInt, flagString } from '../args.js';
import type { CommandContext } from '../types.js';
import { json } from '../io.js';
import { UsageError } from '../../core/errors.js';
import { answerText, frontText, shortAnswer } from '../../core/deck/cards.js';
import { formatProblem } from '../../core/deck/validate.js';
import { truncateDisplay } from '../../core/text/width.js';
import { loadSearchIndex } from '../../store/searchCache.js';
import { decksFromContext } from './decks.js';

export async function run(ctx: CommandContext): Promise<number> {
  const query = ctx.args.join(' ').trim();
  if (!query) {
    // No query: the search screen when a person is at a terminal, otherwise a usage error.
    if (ctx.io.stdinIsTTY && ctx.io.isTTY) return (await import('./interactive.js')).run(ctx);
    throw new UsageError(cliText().errors.searchNeedsQuery);
  }
  const limit = flagInt(ctx.flags, 'limit', 10);
  const deckId = flagString(ctx.flags, 'deck');
  const { decks, problems } = decksFromContext(ctx);
  for (const p of problems) ctx.io.err(formatProblem(p));
  checkScope(decks, deckId, undefined);
  const { index, problems: aliasProblems } = loadSearchIndex(decks, ctx.env);
  for (const p of aliasProblems) ctx.io.err(`amgi: ${p}`);
  const hits = index.search(query, { limit, deckId });

  if (ctx.flags.json) {
    ctx.io.out(
      json(
        hits.map((h) => ({
          id: h.card.id,
          deck: h.deckId,
          front: frontText(h.card),
          back: answerText(h.card),
          tags: h.card.tags ?? [],
          score: Math.round(h.score * 10000) / 10000,
        })),
      ),
    );
  } else if (hits.length) {
    const width = Math.max(40, ctx.io.columns);
    const num = String(hits.length).length;
    hits.forEach((h, i) => {
      const pad = ' '.repeat(num + 2);
      const front = frontText(h.card).split('\n').find((l) => l.trim()) ?? '';
      ctx.io.out(`${String(i + 1).padStart(num)}. ${truncateDisplay(front, width - num - 2)}`);
      ctx.io.out(`${pad}${truncateDisplay(`→ ${shortAnswer(h.card, 200)}`, width - pad.length)}`);
      const tags = (h.card.tags ?? []).map((t) => `#${t}`).join(' ');
      ctx.io.out(`${pad}${truncateDisplay(`${h.deckId} · ${h.card.id}${tags ? ` · ${tags}` : ''}`, width - pad.length)}`);
    });
  } else {
    ctx.io.err(cliText().search.noMatch(query));
    ctx.io.err(cliText().search.tryHint);
  }
  return hits.length ? 0 : 1;
}
