import { flagString, type ParsedArgs } from '../args.js';
import { cliText } from '../../core/messages.js';
import type { CommandContext } from '../types.js';
import { json } from '../io.js';
import { loadAllDecks } from '../../store/deckFiles.js';
import { formatProblem } from '../../core/deck/validate.js';
import { padDisplay } from '../../core/text/width.js';

/** `outline`: cards carry only id and type (deck cache), for callers that never read card text. */
export function decksFromContext(ctx: Pick<ParsedArgs, 'flags'> & { env: NodeJS.ProcessEnv }, outline = false) {
  return loadAllDecks({ decksDir: flagString(ctx.flags, 'decks'), env: ctx.env, outline });
}

export async function run(ctx: CommandContext): Promise<number> {
  // The listing needs ids, titles and card counts: the cached outlines, no deck JSON parsed.
  const { decks, problems } = decksFromContext(ctx, true);
  const rows = decks.map((d) => ({ id: d.deck.id, title: d.deck.title, cards: d.deck.cards.length, source: d.origin, file: d.file }));
  if (ctx.flags.json) {
    ctx.io.out(json(rows));
  } else {
    const t = cliText().decks;
    const idW = Math.max(2, ...rows.map((r) => r.id.length));
    for (const r of rows) ctx.io.out(`${r.id.padEnd(idW)}  ${padDisplay(r.title, 36)}  ${t.cards(r.cards)}  ${t.origins[r.source]}`);
    if (rows.length === 0) ctx.io.out(t.none);
  }
  // Broken decks never stop the listing; they are named on stderr.
  for (const p of problems) ctx.io.err(formatProblem(p));
  return 0;
}
