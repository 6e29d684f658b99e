/**
 * `amgi cards [--deck ID] [--tag T] [--suspended] [--leech] [--due] [--json]`: one line per
 * study item (id, deck, state, due, interval, recall now, lapses), or every field as JSON.
 * Reads the store through open.ts (no conf, no Ink); the rows and filters are core/schedule/browse.
 */
import { flagString } from '../args.js';
import type { CommandContext } from '../types.js';
import { json } from '../io.js';
import { UsageError } from '../../core/errors.js';
import { formatProblem } from '../../core/deck/validate.js';
import { unknownDeck, unknownTag } from '../../core/deck/scope.js';
import { filterCards, tagsOf, type BrowseFilter, type CardInfo } from '../../core/schedule/browse.js';
import { openProgressFromEnv } from '../../store/open.js';
import { cliText } from '../../core/messages.js';
import { displayWidth, padDisplay } from '../../core/text/width.js';

/** Local date and time, to the minute: "2026-12-04 09:30". */
export function localStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "review", "new, suspended", "learning, leech, buried" (in the output's language). */
export function stateLabel(c: CardInfo): string {
  const t = cliText().cards.state;
  return [c.kind, ...(c.suspended ? ['suspended'] : []), ...(c.leech ? ['leech'] : []), ...(c.buried ? ['buried'] : [])].map((s) => t[s] ?? s).join(', ');
}

function line(c: CardInfo): string[] {
  return [c.key, c.deckId, stateLabel(c), c.due === undefined ? '-' : localStamp(c.due), cliText().cards.days(c.interval), c.kind === 'new' ? '-' : `${Math.round(c.retrievability * 100)}%`, String(c.lapses)];
}

export async function run(ctx: CommandContext): Promise<number> {
  const deckId = flagString(ctx.flags, 'deck');
  const tag = flagString(ctx.flags, 'tag');
  if (ctx.args.length) throw new UsageError(cliText().errors.unexpectedArgument(ctx.args[0]!));
  const { progress, deckProblems } = openProgressFromEnv({ env: ctx.env, now: ctx.now, decksDir: flagString(ctx.flags, 'decks') });
  try {
    for (const p of deckProblems) ctx.io.err(formatProblem(p));
    const items = progress.items();
    const decks = [...new Set(items.map((it) => it.deckId))];
    if (deckId !== undefined && !decks.includes(deckId)) throw unknownDeck(deckId, decks);
    if (tag !== undefined && !tagsOf(items).includes(tag)) throw unknownTag(tag, tagsOf(items));
    // Flags narrow together: --suspended --leech lists suspended leeches.
    const wanted: BrowseFilter[] = (['suspended', 'leech', 'due'] as const).filter((f) => ctx.flags[f] === true);
    let rows = filterCards(progress.cardInfos(), { deckId, tag });
    for (const f of wanted) rows = filterCards(rows, { filter: f });
    if (ctx.flags.json) {
      ctx.io.out(json(rows.map((c) => ({ ...c, state: c.kind, due: c.due === undefined ? null : new Date(c.due).toISOString() }))));
      return 0;
    }
    if (!rows.length) {
      ctx.io.err(cliText().cards.noMatch);
      return 0;
    }
    // A header names the columns; widths are display columns, as a Korean state is two per letter.
    const table = [cliText().cards.header, ...rows.map(line)];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => displayWidth(r[i]!))));
    for (const r of table) ctx.io.out(r.map((cell, i) => (i < r.length - 1 ? padDisplay(cell, widths[i]!) : cell)).join('  ').trimEnd());
    return 0;
  } finally {
    progress.close();
  }
}
