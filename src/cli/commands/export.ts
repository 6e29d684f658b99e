/**
 * `amgi export [--deck ID] --format anki|json [--out FILE|DIR]`: decks for Anki or as amgi
 * deck files. `amgi export --progress FILE`: the review history, to merge on another machine
 * with `amgi import --progress FILE` (any synced folder carries it).
 */
import { join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { flagString } from '../args.js';
import type { CommandContext } from '../commands.js';
import { plural } from '../io.js';
import { AmgiError, StoreError, UsageError } from '../../core/errors.js';
import { formatProblem } from '../../core/deck/validate.js';
import { decksToAnki } from '../../core/export/anki.js';
import { deckToJson } from '../../core/export/json.js';
import { sanitizeText } from '../../core/text/sanitize.js';
import { loadAllDecks } from '../../store/deckFiles.js';
import { writeUserFile } from '../../store/atomicFile.js';
import { exportProgressFile } from '../../store/progressTransfer.js';
import { amgiHome } from '../../store/paths.js';
import { isStoreFile } from '../../store/home.js';
import { fsCause, msg } from '../../core/messages.js';

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length) throw new UsageError(`export takes no FILE argument; use --out FILE (got "${ctx.args[0]}")`);
  const progress = flagString(ctx.flags, 'progress');
  if (progress !== undefined) {
    if (ctx.flags.format || ctx.flags.deck || ctx.flags.out) throw new UsageError('--progress FILE exports the review history; --format, --deck and --out do not apply');
    return exportProgress(ctx, progress);
  }
  return exportDecks(ctx);
}

/** Text to a file, or to stdout for `-` / no --out. */
function emit(ctx: CommandContext, out: string | undefined, text: string, what: string): void {
  if (out === undefined || out === '-') {
    process.stdout.write(sanitizeText(text)); // not io.out: it would append a newline to the stream
    return;
  }
  writeOut(ctx, out, text);
  ctx.io.err(`wrote ${what} to ${out}`);
}

/** Write an export file, never over the store's own files (`export --progress $AMGI_HOME/reviews.jsonl` replaced the live log). */
function writeOut(ctx: CommandContext, file: string, text: string): void {
  if (isStoreFile(amgiHome(ctx.env), file)) throw new AmgiError(msg.ownedByStore(file));
  writeUserFile(file, text);
}

async function exportProgress(ctx: CommandContext, out: string): Promise<number> {
  const home = amgiHome(ctx.env);
  if (out !== '-' && isStoreFile(home, out)) throw new AmgiError(msg.ownedByStore(out));
  // Streamed: a million-entry history is never held in memory.
  let r: ReturnType<typeof exportProgressFile>;
  try {
    r = exportProgressFile(home, out);
  } catch (e) {
    if (e instanceof AmgiError) throw e;
    throw new StoreError(msg.writeFailed(out, fsCause(e)), out);
  }
  for (const p of r.problems) ctx.io.err(`amgi: warning: ${p}`);
  if (out !== '-') ctx.io.err(`wrote ${plural(r.entries, 'review log entry', 'review log entries')} to ${out}`);
  return 0;
}

async function exportDecks(ctx: CommandContext): Promise<number> {
  const out = flagString(ctx.flags, 'out');
  const format = flagString(ctx.flags, 'format') ?? (out?.endsWith('.json') ? 'json' : out && /\.(txt|tsv)$/.test(out) ? 'anki' : out?.endsWith('.apkg') ? 'apkg' : undefined);
  if (format !== 'anki' && format !== 'json' && format !== 'apkg') throw new UsageError(format ? `--format must be anki, json or apkg, got "${format}"` : 'say which format: --format anki, json or apkg');
  if (ctx.flags.progress === true && format !== 'apkg') throw new UsageError('--progress without a FILE carries the schedule in an Anki package: add --format apkg');
  if (format === 'apkg' && (!out || out === '-')) throw new UsageError('an Anki package is a file: give --out FILE.apkg');
  const set = loadAllDecks({ decksDir: flagString(ctx.flags, 'decks'), env: ctx.env });
  for (const p of set.problems) ctx.io.err(formatProblem(p));
  const deckId = flagString(ctx.flags, 'deck');
  const decks = set.decks.map((d) => d.deck).filter((d) => deckId === undefined || d.id === deckId);
  if (decks.length === 0) {
    throw new AmgiError(deckId ? `no deck "${deckId}" (decks: ${set.decks.map((d) => d.deck.id).join(', ') || 'none'})` : 'no decks to export');
  }
  const cards = decks.reduce((n, d) => n + d.cards.length, 0);
  if (format === 'apkg') {
    // Loaded here only: sql.js (WebAssembly) and fflate never load for other commands.
    const { exportApkg } = await import('../apkgExport.js');
    return exportApkg(ctx, decks, out!);
  }
  if (format === 'anki') {
    emit(ctx, out, decksToAnki(decks), `${cards} notes from ${decks.length} deck(s)`);
    return 0;
  }
  const [only] = decks;
  if (decks.length === 1 && !(out && existsSync(out) && statSync(out).isDirectory())) {
    emit(ctx, out, deckToJson(only!), `deck "${only!.id}" (${cards} cards)`);
    return 0;
  }
  if (!out || out === '-') throw new UsageError(`${decks.length} decks: give a folder with --out DIR (or one deck with --deck ID)`);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; several decks need a folder`);
  for (const d of decks) writeOut(ctx, join(out, `${d.id}.json`), deckToJson(d));
  ctx.io.err(`wrote ${decks.length} decks (${cards} cards) to ${out}/`);
  return 0;
}
