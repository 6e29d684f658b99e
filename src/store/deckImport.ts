/**
 * `amgi import FILE` as one call: notes (Markdown, an Anki text export or package) → a deck
 * file in $AMGI_HOME/decks (one per Anki deck of a package that holds several). The caller (CLI or screen) only shows the plan and answers the
 * questions through `DeckImportAsk`; reading, parsing, validating, the re-import diff, kept
 * renames, the backup and the atomic write are all here. Bad input is refused before anything
 * is written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AmgiError, UsageError } from '../core/errors.js';
import { cliText } from '../core/messages.js';
import { formatProblem, parseDeckText } from '../core/deck/validate.js';
import { ID_PATTERN, SCHEMA_URL } from '../core/deck/spec.js';
import type { Card, Deck } from '../core/deck/types.js';
import { answerText, frontText } from '../core/deck/cards.js';
import { buildDeck } from '../core/import/deck.js';
import { diffDecks, findRenames, keepOldIds, type DeckDiff, type Rename } from '../core/import/deckDiff.js';
import type { DraftCard, ImportParse, SkippedLine } from '../core/import/draft.js';
import { InputError } from '../core/import/errors.js';
import { detectFormat, isProgressExport, parseNotes, type NotesFormat } from '../core/import/format.js';
import { hashedDeckId, isValidId, normalizeForId, slugifyDeckId } from '../core/import/ids.js';
import { deckToJson } from '../core/export/json.js';
import { guidFor } from '../core/export/apkg.js';
import { backUpReplacedDeck, InstalledDecks, readInputFile, userDeckFile } from './importWrite.js';
import { writeUserFile } from './atomicFile.js';
import { isFolder, userDecksDir } from './paths.js';
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
  /** Cards other loaded decks already hold (same front and answer): reported, never dropped silently. */
  same: SameCards[];
  /** Set for an Anki package. */
  package?: PackageInfo;
}

export interface SameCards {
  deckId: string;
  title: string;
  count: number;
}

/** The caller's part: show, ask. Each may decline; then nothing is written. */
export interface DeckImportAsk {
  /** Shown the plan (deck `part.index` of `part.of` the file makes); false: stop here. */
  preview(plan: DeckImportPlan, part: { index: number; of: number }): boolean | Promise<boolean>;
  /** Keep this reworded card's old id? */
  keepRename(rename: Rename): boolean | Promise<boolean>;
  /** Last word before writing `cards` cards to `target` (`renamesKept` of the offered renames kept); several decks: `target` is their folder. */
  write(cards: number, target: string, renamesKept: number, decks: number): boolean | Promise<boolean>;
  /** Told as each deck is written: when a later one fails (a full disk), what was written is known. */
  written?(result: Extract<DeckImportResult, { written: true }>): void;
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
  // A folder of deck files is the same mistake as one deck file (exit 2); another folder stays a failure (exit 1).
  if (decks) throw new UsageError(t.deckFolderNotNotes(file, userDecksDir(env)));
  throw new AmgiError(t.folderNotNotes(file));
}

/** What a notes file reads as: one draft deck, or one per Anki deck when a package holds several. */
interface ReadNotes {
  format: NotesFormat;
  parsed: ImportParse;
  info?: PackageInfo;
  decks?: { name: string; parsed: ImportParse }[];
}

async function readNotes(env: NodeJS.ProcessEnv, req: DeckImportRequest): Promise<ReadNotes> {
  refuseNonNotes(env, req.file);
  if (isAnkiPackage(req.file)) {
    if (req.format) throw new UsageError(cliText().errors.formatNotForPackage);
    // Loaded here only: sql.js (WebAssembly) never loads for a text import.
    const { parsed, decks, info } = await (await import('./ankiImport.js')).parseApkgNotes(req.file);
    return { format: 'anki', parsed, info, decks };
  }
  const text = readInputFile(req.file);
  // A progress export read as notes would be "no cards found" after a page of skipped lines.
  if (isProgressExport(text)) throw new UsageError(cliText().errors.progressNotNotes(req.file));
  refuseNonNotes(env, req.file, text);
  const format = detectFormat(req.file, text, req.format);
  return { format, parsed: await parseNotes(format, text, req.file) };
}

/** A deck id from a name: romanised, or the hashed id a deck imported before romanisation keeps (and its progress). */
function idFromName(installed: InstalledDecks, name: string): string {
  return installed.user(hashedDeckId(name)) ? hashedDeckId(name) : slugifyDeckId(name);
}

/** Same front and answer, whatever the card type. */
const sameKey = (c: Card) => `${normalizeForId(frontText(c))}\u0000${normalizeForId(answerText(c))}`;

/**
 * The imported deck's cards that loaded decks (but the one it replaces) already hold, per deck:
 * the same front and answer, or (a package amgi exported) the note GUID of that deck's card, which
 * finds the choice, order and interview cards an Anki round trip made basic.
 */
function sameCards(deck: Deck, drafts: DraftCard[], installed: InstalledDecks): SameCards[] {
  const byKey = new Map<string, Deck>();
  const byGuid = new Map<string, Deck>();
  for (const other of installed.all()) {
    if (other.id === deck.id) continue;
    for (const c of other.cards) {
      if (!byKey.has(sameKey(c))) byKey.set(sameKey(c), other);
      byGuid.set(guidFor(c.id), other);
    }
  }
  const byFront = new Map<string, Deck>();
  for (const d of drafts) {
    const other = d.guid === undefined ? undefined : byGuid.get(d.guid);
    if (other) byFront.set(normalizeForId(d.front), other);
  }
  const counts = new Map<Deck, number>();
  for (const c of deck.cards) {
    const other = byFront.get(normalizeForId(c.front)) ?? byKey.get(sameKey(c));
    if (other) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  return [...counts].map(([d, count]) => ({ deckId: d.id, title: d.title, count }));
}

/**
 * Where a new deck is written: `<id>.json`, or `<id>-2.json`… when that name is taken by a file
 * holding another deck (a hand-written `docker.json` with id `mine`) or one that does not load:
 * that file is the user's and stays as it is. `taken`: the files this import's other decks go to.
 */
function freeDeckFile(env: NodeJS.ProcessEnv, deckId: string, taken: ReadonlySet<string>): string {
  let file = userDeckFile(env, deckId);
  for (let n = 2; existsSync(file) || taken.has(file); n++) file = userDeckFile(env, `${deckId}-${n}`);
  return file;
}

/** One deck's plan: build, check as `amgi validate` would, diff against the installed deck. */
function planOne(env: NodeJS.ProcessEnv, installed: InstalledDecks, req: DeckImportRequest, read: ReadNotes, parsed: ImportParse, deckId: string, title: string, taken: ReadonlySet<string> = new Set()): DeckImportPlan {
  const t = cliText();
  const { file } = req;
  const { format, info } = read;
  if (!isValidId(deckId)) throw new UsageError(t.errors.badDeckId(deckId, ID_PATTERN));
  const built = buildDeck(parsed, { id: deckId, title, description: t.import.description(basename(file), format), schema: SCHEMA_URL });
  const skipped = [...parsed.skipped, ...built.skipped].sort((a, b) => a.line - b.line);
  if (built.deck.cards.length === 0) throw new NoCardsError(file, format, skipped, parsed.ignoredLines);
  const bundled = installed.bundled(deckId);
  if (bundled) throw new UsageError(t.errors.bundledDeckId(deckId, bundled.title));

  const existing = installed.user(deckId);
  const target = existing?.file ?? freeDeckFile(env, deckId, taken);
  // What is written is what `amgi validate` reads back: check it the same way.
  const checked = parseDeckText(target, deckToJson(built.deck));
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (!checked.deck || errors.length) throw new AmgiError(t.import.notValid(errors.map(formatProblem).join('\n')));
  // A rename kept on an earlier import stays kept: the deck holds the old id, the file's
  // question hashes to another. Then the diff is against what will really be written.
  const deck = keepOldIds(checked.deck, findRenames(diffDecks(existing?.deck, checked.deck)).filter((r) => r.kept));
  const diff = diffDecks(existing?.deck, deck);
  return {
    file, format, deck, target, skipped, ignored: parsed.ignoredLines, diff, reimport: existing !== undefined, renames: findRenames(diff),
    same: sameCards(deck, parsed.cards, installed), ...(info ? { package: info } : {}),
  };
}

/**
 * Everything up to the questions, for every deck the file makes: read, parse, build, check,
 * diff. A package of several Anki decks makes one amgi deck each (id and title from the Anki
 * deck's name); with `--deck ID` they go into one deck titled after the file. Any bad deck
 * stops the whole import before a question.
 */
export async function planDeckImports(env: NodeJS.ProcessEnv, req: DeckImportRequest): Promise<DeckImportPlan[]> {
  const read = await readNotes(env, req);
  const stem = basename(req.file, extname(req.file));
  // Read when first needed (not for notes that make no card), then once for every check.
  let installedDecks: InstalledDecks | undefined;
  const installed = () => (installedDecks ??= new InstalledDecks(env));
  const several = (read.decks?.length ?? 0) > 1;
  if (!several || req.deckId !== undefined) {
    const deckId = req.deckId ?? idFromName(installed(), stem);
    // Several Anki decks in one amgi deck: none of their titles names it (it took the biggest one's).
    const title = several ? stem : (read.parsed.title ?? stem);
    return [planOne(env, installed(), req, read, read.parsed, deckId, title)];
  }
  const plans: DeckImportPlan[] = [];
  const ids = new Set<string>();
  const targets = new Set<string>();
  const empty: SkippedLine[] = [];
  for (const d of read.decks!) {
    const name = d.name || stem;
    let id = idFromName(installed(), name);
    // Two Anki decks whose names romanise alike ("Docker", "docker") stay two decks; a bundled deck's id is not taken.
    for (let n = 2; ids.has(id) || installed().bundled(id); n++) id = `${idFromName(installed(), name)}-${n}`;
    try {
      const plan = planOne(env, installed(), req, read, d.parsed, id, name, targets);
      plans.push(plan);
      ids.add(id);
      targets.add(plan.target);
    } catch (e) {
      // An Anki deck whose notes make no card is left out; its lines are shown with the first deck's.
      if (!(e instanceof NoCardsError)) throw e;
      empty.push(...e.skipped);
    }
  }
  if (plans.length === 0) throw new NoCardsError(req.file, read.format, empty.sort((a, b) => a.line - b.line), []);
  plans[0]!.skipped.push(...empty);
  plans[0]!.skipped.sort((a, b) => a.line - b.line);
  return plans;
}

/**
 * Plan, ask, write: the whole import, one result per deck. Nothing is written unless every deck
 * may be; the decks are then written one by one, each reported as it is (`ask.written`).
 */
export async function importDecks(env: NodeJS.ProcessEnv, req: DeckImportRequest, ask: DeckImportAsk): Promise<DeckImportResult[]> {
  const plans = await planDeckImports(env, req);
  for (const [index, plan] of plans.entries()) if (!(await ask.preview(plan, { index, of: plans.length }))) return plans.map((p) => ({ written: false, plan: p }));
  const kept: { deck: Deck; renamesKept: number }[] = [];
  for (const plan of plans) {
    const accepted: Rename[] = [];
    for (const r of plan.renames) if (await ask.keepRename(r)) accepted.push(r);
    kept.push({ deck: keepOldIds(plan.deck, accepted), renamesKept: accepted.length });
  }
  const cards = kept.reduce((n, k) => n + k.deck.cards.length, 0);
  const target = plans.length === 1 ? plans[0]!.target : userDecksDir(env);
  if (!(await ask.write(cards, target, kept.reduce((n, k) => n + k.renamesKept, 0), plans.length))) return plans.map((p) => ({ written: false, plan: p }));
  return plans.map((plan, i) => {
    const { deck, renamesKept } = kept[i]!;
    const backup = plan.reimport ? backUpReplacedDeck(plan.target, userDeckFile(env, deck.id), req.now) : undefined;
    writeUserFile(plan.target, deckToJson(deck));
    const result = { written: true as const, plan, cards: deck.cards.length, target: plan.target, renamesKept, ...(backup ? { backup } : {}) };
    ask.written?.(result);
    return result;
  });
}
