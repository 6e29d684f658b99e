/**
 * `amgi export [--deck ID] --format anki|json [--out FILE|DIR]`: decks for Anki or as amgi
 * deck files. `amgi export --progress FILE`: the review history, to merge on another machine
 * with `amgi import --progress FILE` (any synced folder carries it).
 */
import { join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { flagChoice, flagString } from '../args.js';
import { checkScope } from '../scope.js';
import type { CommandContext } from '../types.js';
import { AmgiError, StoreError, UsageError } from '../../core/errors.js';
import { formatProblem } from '../../core/deck/validate.js';
import { decksToAnki } from '../../core/export/anki.js';
import { deckToJson } from '../../core/export/json.js';
import { SCHEMA_URL } from '../../core/deck/spec.js';
import { sanitizeText } from '../../core/text/sanitize.js';
import { loadAllDecks } from '../../store/deckFiles.js';
import { writeUserFile } from '../../store/atomicFile.js';
import { exportProgressFile } from '../../store/progressTransfer.js';
import { amgiHome } from '../../store/paths.js';
import { isStoreFile } from '../../store/home.js';
import { cliText, fsCause, msg } from '../../core/messages.js';

export async function run(ctx: CommandContext): Promise<number> {
  const t = cliText().errors;
  if (ctx.args.length) throw new UsageError(t.exportNoFile(ctx.args[0]!));
  const progress = flagString(ctx.flags, 'progress');
  if (progress !== undefined) {
    if (ctx.flags.format || ctx.flags.deck || ctx.flags.out) throw new UsageError(t.progressExportFlags);
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
  ctx.io.err(cliText().export.wrote(what, out));
}

/** Write an export file, never over the store's own files (`export --progress $AMGI_HOME/reviews.jsonl` replaced the live log). */
function writeOut(ctx: CommandContext, file: string, text: string): void {
  if (isStoreFile(amgiHome(ctx.env), file)) throw new AmgiError(msg().ownedByStore(file));
  writeUserFile(file, text);
}

async function exportProgress(ctx: CommandContext, out: string): Promise<number> {
  const home = amgiHome(ctx.env);
  if (out !== '-' && isStoreFile(home, out)) throw new AmgiError(msg().ownedByStore(out));
  // Streamed: a million-entry history is never held in memory.
  let r: ReturnType<typeof exportProgressFile>;
  try {
    r = exportProgressFile(home, out);
  } catch (e) {
    if (e instanceof AmgiError) throw e;
    throw new StoreError(msg().writeFailed(out, fsCause(e)), out);
  }
  for (const p of r.problems) ctx.io.err(`amgi: ${cliText().import.warning(p)}`);
  if (out !== '-') ctx.io.err(cliText().export.wrote(cliText().export.entries(r.entries), out));
  return 0;
}

/** The format an --out file name implies (deck.json, notes.txt or .tsv, deck.apkg), if any. */
function formatOfFile(out: string | undefined): 'json' | 'anki' | 'apkg' | undefined {
  if (out?.endsWith('.json')) return 'json';
  if (out && /\.(txt|tsv)$/.test(out)) return 'anki';
  if (out?.endsWith('.apkg')) return 'apkg';
  return undefined;
}

async function exportDecks(ctx: CommandContext): Promise<number> {
  const out = flagString(ctx.flags, 'out');
  const t = cliText();
  const format = flagChoice(ctx.flags, 'format', ['anki', 'json', 'apkg'] as const) ?? formatOfFile(out);
  if (!format) throw new UsageError(t.errors.formatNeeded);
  if (ctx.flags.progress === true && format !== 'apkg') throw new UsageError(t.errors.progressNeedsApkg);
  if (format === 'apkg' && (!out || out === '-')) throw new UsageError(t.errors.apkgNeedsOut);
  const set = loadAllDecks({ decksDir: flagString(ctx.flags, 'decks'), env: ctx.env });
  for (const p of set.problems) ctx.io.err(formatProblem(p));
  const deckId = flagString(ctx.flags, 'deck');
  checkScope(set.decks, deckId, undefined);
  const decks = set.decks.map((d) => d.deck).filter((d) => deckId === undefined || d.id === deckId);
  if (decks.length === 0) throw new AmgiError(t.errors.noDecksToExport);
  const cards = decks.reduce((n, d) => n + d.cards.length, 0);
  if (format === 'apkg') {
    // Loaded here only: sql.js (WebAssembly) and fflate never load for other commands.
    const { exportApkg } = await import('../apkgExport.js');
    return exportApkg(ctx, decks, out!);
  }
  if (format === 'anki') {
    emit(ctx, out, decksToAnki(decks), t.export.notes(cards, decks.length));
    return 0;
  }
  const [only] = decks;
  if (decks.length === 1 && !(out && existsSync(out) && statSync(out).isDirectory())) {
    emit(ctx, out, deckToJson(only!, SCHEMA_URL), t.export.deck(only!.id, cards));
    return 0;
  }
  if (!out || out === '-') throw new UsageError(t.errors.severalDecksNeedDir(decks.length));
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(t.errors.outIsFile(out));
  for (const d of decks) writeOut(ctx, join(out, `${d.id}.json`), deckToJson(d, SCHEMA_URL));
  ctx.io.err(t.export.wrote(t.export.decks(decks.length, cards), `${out}/`));
  return 0;
}
