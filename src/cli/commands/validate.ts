import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { CommandContext } from '../commands.js';
import { json, plural } from '../io.js';
import { deckFilesIn, loadDeckFiles } from '../../store/deckFiles.js';
import { formatProblem, type DeckProblem } from '../../core/deck/validate.js';
import { decksFromContext } from './decks.js';

export async function run(ctx: CommandContext): Promise<number> {
  let set;
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
  if (ctx.flags.json) {
    ctx.io.out(json({ valid: errors.length === 0, decks: set.decks.map((d) => ({ id: d.deck.id, file: d.file, cards: d.deck.cards.length })), problems: set.problems }));
  } else {
    // A deck with bad cards still loads without them: it is not "ok".
    for (const d of set.decks) {
      const bad = errors.filter((p) => p.file === d.file).length;
      const cards = plural(d.deck.cards.length, 'card');
      ctx.io.out(bad ? `err ${d.file}  (${d.deck.id}, ${cards} loaded; ${plural(bad, 'problem')} below)` : `ok  ${d.file}  (${d.deck.id}, ${cards})`);
    }
    for (const p of set.problems) ctx.io.err(formatProblem(p));
    ctx.io.out(errors.length ? `${plural(errors.length, 'problem')} found` : 'all decks valid');
  }
  return errors.length ? 1 : 0;
}
