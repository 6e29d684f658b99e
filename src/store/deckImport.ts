/**
 * `amgi import FILE` as one call: notes (Markdown, an Anki text export or package) → a deck
 * file in $AMGI_HOME/decks. The caller (CLI or screen) only shows the plan and answers the
 * questions through `DeckImportAsk`; reading, parsing, validating, the re-import diff, kept
 * renames, the backup and the atomic write are all here. Bad input is refused before anything
 * is written.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AmgiError, UsageError } from '../core/errors.js';
import { cliText } from '../core/messages.js';
import { formatProblem, parseDeckText } from '../core/deck/validate.js';
import { ID_PATTERN, SCHEMA_URL } from '../core/deck/spec.js';
import type { Deck } from '../core/deck/types.js';
import { buildDeck } from '../core/import/deck.js';
import { diffDecks, findRenames, keepOldIds, type DeckDiff, type Rename } from '../core/import/deckDiff.js';
import type { ImportParse, SkippedLine } from '../core/import/draft.js';
import { InputError } from '../core/import/errors.js';
import { detectFormat, isProgressExport, parseNotes, type NotesFormat } from '../core/import/format.js';
import { hashedDeckId, isValidId, slugifyDeckId } from '../core/import/ids.js';
import { deckToJson } from '../core/export/json.js';
import { backUpReplacedDeck, InstalledDecks, readInputFile, userDeckFile } from './importWrite.js';
import { writeUserFile } from './atomicFile.js';
import { userDecksDir } from './paths.js';
import type { PackageInfo } from './ankiImport.js';

export const isAnkiPackage = (file: string) => /\.(apkg|colpkg)$/i.test(file);

export interface DeckImportRequest {
  file: string;
  /** `--format md|anki`; detected from the file when absent. */
  format?: string;
  /** `--deck ID`; from the file name when absent. */
  deckId?: string;
  now: Date;
}

/** What an import would write, for the preview; nothing is written yet. */
export interface DeckImportPlan {
  file: string;
  format: NotesFormat;
  /** The deck as it would be written (renames kept on an earlier import stay kept). */
  deck: Deck;
  target: string;
  skipped: SkippedLine[];
  ignored: number[];
  diff: DeckDiff;
  /** A deck with this id is installed: the diff is against it. */
  reimport: boolean;
  /** Reworded questions that look like removed cards: keep their old id (and progress)? */
  renames: Rename[];
  /** Set for an Anki package. */
  package?: PackageInfo;
}

/** The caller's part: show, ask. Each may decline; then nothing is written. */
export interface DeckImportAsk {
  /** Shown the plan; false: stop here. */
  preview(plan: DeckImportPlan): boolean | Promise<boolean>;
  /** Keep this reworded card's old id? */
  keepRename(rename: Rename): boolean | Promise<boolean>;
  /** Last word before writing `cards` cards to `target` (`renamesKept` of the offered renames kept). */
  write(cards: number, target: string, renamesKept: number): boolean | Promise<boolean>;
}

export type DeckImportResult =
  | { written: false; plan?: DeckImportPlan }
  | { written: true; plan: DeckImportPlan; cards: number; target: string; renamesKept: number; backup?: string };

/** Thrown before any question when the notes give no card; carries what was skipped, for the report. */
export class NoCardsError extends InputError {
  constructor(file: string, format: NotesFormat, readonly skipped: SkippedLine[], readonly ignored: number[]) {
    const t = cliText().import;
    super(file, t.noCards(format), undefined, t.noCardsHint(format));
  }
}

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** An amgi deck (what `amgi export --format json` writes), not notes: read as Markdown it made one garbled card. */
function isDeckJson(text: string): boolean {
  if (!/^\s*\{/.test(text)) return false;
  try {
    const v = JSON.parse(text) as { cards?: unknown };
    return Array.isArray(v.cards);
  } catch {
    return false;
  }
}

/** A folder, or amgi's own deck files, are no notes: say what to do with them (the round trip export all → import all). */
function refuseNonNotes(env: NodeJS.ProcessEnv, file: string, text?: string): void {
  const t = cliText().errors;
  if (text !== undefined) {
    if (isDeckJson(text)) throw new UsageError(t.deckFileNotNotes(file, userDecksDir(env)));
    return;
  }
  if (!isFolder(file)) return;
  const decks = readdirSync(file).some((n) => n.toLowerCase().endsWith('.json'));
  // A folder stays a failure (exit 1) as before; the message now says what to do with it.
  throw new AmgiError(decks ? t.deckFolderNotNotes(file, userDecksDir(env)) : t.folderNotNotes(file));
}

async function readNotes(env: NodeJS.ProcessEnv, req: DeckImportRequest): Promise<{ format: NotesFormat; parsed: ImportParse; info?: PackageInfo }> {
  refuseNonNotes(env, req.file);
  if (isAnkiPackage(req.file)) {
    if (req.format) throw new UsageError(cliText().errors.formatNotForPackage);
    // Loaded here only: sql.js (WebAssembly) never loads for a text import.
    const { parsed, info } = await (await import('./ankiImport.js')).parseApkgNotes(req.file);
    return { format: 'anki', parsed, info };
  }
  const text = readInputFile(req.file);
  // A progress export read as notes would be "no cards found" after a page of skipped lines.
  if (isProgressExport(text)) throw new UsageError(cliText().errors.progressNotNotes(req.file));
  refuseNonNotes(env, req.file, text);
  const format = detectFormat(req.file, text, req.format);
  return { format, parsed: await parseNotes(format, text, req.file) };
}

/** Everything up to the questions: read, parse, build, check as `amgi validate` would, diff. */
export async function planDeckImport(env: NodeJS.ProcessEnv, req: DeckImportRequest): Promise<DeckImportPlan> {
  const t = cliText();
  const { file } = req;
  const { format, parsed, info } = await readNotes(env, req);
  const stem = basename(file, extname(file));
  // Read when first needed (not for notes that make no card), then once for every check.
  let read: InstalledDecks | undefined;
  const installed = () => (read ??= new InstalledDecks(env));
  // A Korean-named file imported before ids were romanised keeps its hashed id (and progress).
  const deckId = req.deckId ?? (installed().user(hashedDeckId(stem)) ? hashedDeckId(stem) : slugifyDeckId(stem));
  if (!isValidId(deckId)) throw new UsageError(t.errors.badDeckId(deckId, ID_PATTERN));

  const built = buildDeck(parsed, {
    id: deckId,
    title: parsed.title ?? stem,
    description: t.import.description(basename(file), format),
    schema: SCHEMA_URL,
  });
  const skipped = [...parsed.skipped, ...built.skipped].sort((a, b) => a.line - b.line);
  if (built.deck.cards.length === 0) throw new NoCardsError(file, format, skipped, parsed.ignoredLines);
  const bundled = installed().bundled(deckId);
  if (bundled) throw new UsageError(t.errors.bundledDeckId(deckId, bundled.title));

  const existing = installed().user(deckId);
  const target = existing?.file ?? userDeckFile(env, deckId);
  // What is written is what `amgi validate` reads back: check it the same way.
  const checked = parseDeckText(target, deckToJson(built.deck));
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (!checked.deck || errors.length) throw new AmgiError(t.import.notValid(errors.map(formatProblem).join('\n')));
  // A rename kept on an earlier import stays kept: the deck holds the old id, the file's
  // question hashes to another. Then the diff is against what will really be written.
  const deck = keepOldIds(checked.deck, findRenames(diffDecks(existing?.deck, checked.deck)).filter((r) => r.kept));
  const diff = diffDecks(existing?.deck, deck);
  return { file, format, deck, target, skipped, ignored: parsed.ignoredLines, diff, reimport: existing !== undefined, renames: findRenames(diff), ...(info ? { package: info } : {}) };
}

/** Plan, ask, write: the whole import. */
export async function importDeck(env: NodeJS.ProcessEnv, req: DeckImportRequest, ask: DeckImportAsk): Promise<DeckImportResult> {
  const plan = await planDeckImport(env, req);
  if (!(await ask.preview(plan))) return { written: false, plan };
  const accepted: Rename[] = [];
  for (const r of plan.renames) if (await ask.keepRename(r)) accepted.push(r);
  const deck = keepOldIds(plan.deck, accepted);
  if (!(await ask.write(deck.cards.length, plan.target, accepted.length))) return { written: false, plan };
  const json = deckToJson(deck);
  const backup = plan.reimport ? backUpReplacedDeck(plan.target, userDeckFile(env, deck.id), req.now) : undefined;
  writeUserFile(plan.target, json);
  return { written: true, plan, cards: deck.cards.length, target: plan.target, renamesKept: accepted.length, ...(backup ? { backup } : {}) };
}
