import { resolve } from 'node:path';
import { cliText } from '../../core/messages.js';
import { statSync } from 'node:fs';
import type { CommandContext } from '../types.js';
import { json } from '../io.js';
import { flagString } from '../args.js';
import { lintLoadedDecks } from '../../store/lintDecks.js';
import { deckFilesIn, loadDeckFiles } from '../../store/deckFiles.js';
import { formatProblem, type DeckProblem } from '../../core/deck/validate.js';
import { decksFromContext } from './decks.js';

export async function run(ctx: CommandContext): Promise<number> {
  let set: ReturnType<typeof decksFromContext>;
  if (ctx.args.length) {
    const listed: DeckProblem[] = [];
    const files = ctx.args.flatMap((p) => {
      try {
        return statSync(p).isDirectory() ? deckFilesIn(p, listed) : [resolve(p)];
      } catch {
        return [resolve(p)]; // reported as unreadable by the loader
      }
    });
    const loaded = loadDeckFiles(files.map((file) => ({ file, origin: 'dir' as const })));
    set = { decks: loaded.decks, problems: [...listed, ...loaded.problems] };
  } else {
    set = decksFromContext(ctx);
  }
  const errors = set.problems.filter((p) => p.severity === 'error');
  // Lint warnings (cards that teach badly): printed always, fatal only with --strict.
  const warnings = lintLoadedDecks(set.decks, { env: ctx.env, seedsDir: flagString(ctx.flags, 'seeds') });
  const strict = ctx.flags.strict === true;
  const failed = errors.length > 0 || (strict && warnings.length > 0);
  if (ctx.flags.json) {
    ctx.io.out(json({ valid: !failed, decks: set.decks.map((d) => ({ id: d.deck.id, file: d.file, cards: d.deck.cards.length })), problems: set.problems, warnings }));
  } else {
    // A deck with bad cards still loads without them: it is not "ok".
    const t = cliText().validate;
    for (const d of set.decks) {
      const bad = errors.filter((p) => p.file === d.file).length;
      ctx.io.out(bad ? t.bad(d.file, d.deck.id, d.deck.cards.length, bad) : t.ok(d.file, d.deck.id, d.deck.cards.length));
    }
    for (const p of [...set.problems, ...warnings]) ctx.io.err(formatProblem(p));
    ctx.io.out(errors.length ? t.problemsFound(errors.length) : t.allValid);
    if (warnings.length) ctx.io.out(t.lintWarnings(warnings.length, strict));
  }
  return failed ? 1 : 0;
}
