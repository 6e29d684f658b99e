/**
 * `amgi export [--deck ID] --format anki|json|apkg [--out FILE|FOLDER] [--progress]`: decks for Anki
 * or as amgi deck files. `amgi export --progress FILE`: the review history, to merge on another
 * machine with `amgi import --progress FILE` (any synced folder carries it). Flags parsed here;
 * the work is store/deckExport.ts.
 */
import { flagChoice, flagString } from '../args.js';
import type { CommandContext } from '../types.js';
import { UsageError } from '../../core/errors.js';
import { formatProblem } from '../../core/deck/validate.js';
import { sanitizeText } from '../../core/text/sanitize.js';
import { cliText } from '../../core/messages.js';
import { exportDecks, exportProgress, type DeckExportResult, type ExportFormat } from '../../store/deckExport.js';

export async function run(ctx: CommandContext): Promise<number> {
  const t = cliText().errors;
  if (ctx.args.length) throw new UsageError(t.exportNoFile(ctx.args[0]!));
  const progress = flagString(ctx.flags, 'progress');
  if (progress !== undefined) {
    if (ctx.flags.format || ctx.flags.deck || ctx.flags.out) throw new UsageError(t.progressExportFlags);
    const r = exportProgress(ctx.env, progress);
    for (const p of r.problems) ctx.io.err(`amgi: ${cliText().import.warning(p)}`);
    if (progress !== '-') ctx.io.err(cliText().export.wrote(cliText().export.entries(r.entries), progress));
    return 0;
  }
  const out = flagString(ctx.flags, 'out');
  const format = flagChoice(ctx.flags, 'format', ['anki', 'json', 'apkg'] as const) ?? formatOfFile(out);
  // A bare `amgi export` is often someone after their progress: the one line names --progress too.
  if (!format) throw new UsageError(t.formatNeeded);
  if (ctx.flags.progress === true && format !== 'apkg') throw new UsageError(t.progressNeedsApkg);
  const r = await exportDecks(ctx.env, {
    format,
    out,
    deckId: flagString(ctx.flags, 'deck'),
    decksDir: flagString(ctx.flags, 'decks'),
    withProgress: ctx.flags.progress === true,
    now: ctx.now,
    onProblem: (p) => ctx.io.err(formatProblem(p)),
  });
  report(ctx, format, r);
  return 0;
}

function formatOfFile(out: string | undefined): ExportFormat | undefined {
  const name = out?.toLowerCase();
  if (name?.endsWith('.json')) return 'json';
  if (name && /\.(txt|tsv)$/.test(name)) return 'anki';
  return name?.endsWith('.apkg') ? 'apkg' : undefined;
}

function report(ctx: CommandContext, format: ExportFormat, r: DeckExportResult): void {
  const t = cliText().export;
  for (const n of r.notices) ctx.io.err(`amgi: ${n}`);
  switch (r.to) {
    case 'stdout':
      process.stdout.write(sanitizeText(r.text)); // not io.out: it would append a newline to the stream
      return;
    case 'file':
      ctx.io.err(t.wrote(format === 'anki' ? t.notes(r.cards, r.decks) : t.deck(r.deckId!, r.cards), r.out));
      return;
    case 'dir':
      ctx.io.err(t.wrote(t.decks(r.decks, r.cards), `${r.out}/`));
      return;
    case 'apkg': {
      ctx.io.err(cliText().anki.apkgWrote(r.notes, r.ankiCards, r.decks, r.out, r.scheduled));
    }
  }
}
