/**
 * `amgi import FILE [--format md|anki] [--deck ID] [--yes]`: notes → a deck file in
 * $AMGI_HOME/decks, after a preview and a question. `amgi import --progress FILE`: merge
 * another machine's review history. Bad input is refused before anything is written.
 */
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { basename, extname } from 'node:path';
import { flagString } from '../args.js';
import type { CommandContext } from '../commands.js';
import { AmgiError, UsageError } from '../../core/errors.js';
import { cliText, msg } from '../../core/messages.js';
import { formatProblem, parseDeckText } from '../../core/deck/validate.js';
import { ID_PATTERN, SCHEMA_URL } from '../../core/deck/spec.js';
import type { Card, Deck } from '../../core/deck/types.js';
import { answerText, promptText } from '../../core/deck/cards.js';
import { truncateDisplay } from '../../core/text/width.js';
import { buildDeck } from '../../core/import/deck.js';
import { diffDecks, findRenames, keepOldIds, type DeckDiff, type Rename } from '../../core/import/diff.js';
import type { ImportParse, SkippedLine } from '../../core/import/draft.js';
import { InputError } from '../../core/import/errors.js';
import { detectFormat, parseNotes, type NotesFormat } from '../../core/import/format.js';
import { hashedDeckId, isValidId, slugifyDeckId } from '../../core/import/ids.js';
import { deckToJson } from '../../core/export/json.js';
import { loadAllDecks } from '../../store/deckFiles.js';
import { backUpReplacedDeck, installedUserDeck, readInputFile, userDeckFile } from '../../store/importWrite.js';
import { writeUserFile } from '../../store/atomicFile.js';
import { applyProgressMerge, planProgressMerge } from '../../store/progressTransfer.js';
import { rebuildSnapshot } from '../../store/ledgerStore.js';
import { amgiHome } from '../../store/paths.js';

const SAMPLES = 3;
const SKIPPED_SHOWN = 8;

/** Preview lines are cut to the terminal, but never narrower than 40 or wider than 120 columns. */
const previewWidth = (ctx: CommandContext) => Math.max(40, Math.min(ctx.io.columns, 120));

export async function run(ctx: CommandContext): Promise<number> {
  const [file, ...more] = ctx.args;
  const t = cliText().errors;
  if (!file) throw new UsageError(t.importNeedsFile);
  if (more.length) throw new UsageError(t.importOneFile(ctx.args.length));
  if (ctx.flags.progress) {
    if (ctx.flags.format || ctx.flags.deck) throw new UsageError(t.progressImportFlags);
    return importProgress(ctx, file);
  }
  return importNotes(ctx, file);
}

/** An Anki package (.apkg, .colpkg): read by its own module, which loads SQLite only then. */
async function packageModule() {
  return import('../apkgImport.js');
}

async function importNotes(ctx: CommandContext, file: string): Promise<number> {
  const { io } = ctx;
  const t = cliText().import;
  let format: NotesFormat;
  let parsed: ImportParse;
  if (/\.(apkg|colpkg)$/i.test(file)) {
    if (ctx.flags.format) throw new UsageError(cliText().errors.formatNotForPackage);
    format = 'anki';
    parsed = await (await packageModule()).parseApkgNotes(file, io);
  } else {
    const text = readInputFile(file);
    format = detectFormat(file, text, flagString(ctx.flags, 'format'));
    parsed = await parseNotes(format, text, file);
  }
  const stem = basename(file, extname(file));
  // A Korean-named file imported before ids were romanised keeps its hashed id (and progress).
  const deckId = flagString(ctx.flags, 'deck') ?? (installedUserDeck(ctx.env, hashedDeckId(stem)) ? hashedDeckId(stem) : slugifyDeckId(stem));
  if (!isValidId(deckId)) throw new UsageError(cliText().errors.badDeckId(deckId, ID_PATTERN));

  const built = buildDeck(parsed, {
    id: deckId,
    title: parsed.title ?? stem,
    description: t.description(basename(file), format),
    schema: SCHEMA_URL,
  });
  const skipped = [...parsed.skipped, ...built.skipped].sort((a, b) => a.line - b.line);
  if (built.deck.cards.length === 0) {
    printSkipped(ctx, skipped, parsed.ignoredLines);
    throw new InputError(file, t.noCards(format), undefined, t.noCardsHint(format));
  }
  const bundled = loadAllDecks({ env: ctx.env }).decks.find((d) => d.deck.id === deckId && d.origin === 'bundled');
  if (bundled) throw new UsageError(cliText().errors.bundledDeckId(deckId, bundled.deck.title));

  const existing = installedUserDeck(ctx.env, deckId);
  const target = existing?.file ?? userDeckFile(ctx.env, deckId);
  // What is written is what `amgi validate` reads back: check it the same way.
  const checked = parseDeckText(target, deckToJson(built.deck));
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (!checked.deck || errors.length) throw new AmgiError(t.notValid(errors.map(formatProblem).join('\n')));
  // A rename kept on an earlier import stays kept: the deck holds the old id, the file's
  // question hashes to another. Then the diff is against what will really be written.
  let deck = keepOldIds(checked.deck, findRenames(diffDecks(existing?.deck, checked.deck)).filter((r) => r.kept));
  const diff = diffDecks(existing?.deck, deck);
  const offered = findRenames(diff);

  printPreview(ctx, { file, format, deck, target, skipped, ignored: parsed.ignoredLines, diff, reimport: existing !== undefined });
  for (const r of offered) io.out(truncateDisplay(`  ${t.looksRenamed(oneLine(promptText(r.from)), oneLine(promptText(r.to)))}`, previewWidth(ctx)));
  if (!ctx.flags.yes && !io.stdinIsTTY) {
    io.err(`amgi: ${t.passYes}`);
    return 1;
  }
  // Keeping is the default ([Y/n]), and what --yes does: a reworded question is the same card.
  const accepted: Rename[] = [];
  for (const r of offered) if (ctx.flags.yes || (await askYesNo(t.keepProgress(oneLine(promptText(r.to))), undefined, undefined, true))) accepted.push(r);
  deck = keepOldIds(deck, accepted);
  if (accepted.length) io.out(t.renamesKept(accepted.length));
  const json = deckToJson(deck);
  if (!ctx.flags.yes && !(await askYesNo(t.question(deck.cards.length, target)))) {
    io.out(t.nothingWritten);
    return 1;
  }
  const backup = existing && backUpReplacedDeck(target, userDeckFile(ctx.env, deckId), ctx.now());
  if (backup) io.err(`amgi: ${msg().deckBackedUp(target, backup)}`);
  writeUserFile(target, json);
  io.out(t.wrote(deck.cards.length, target));
  return 0;
}

interface Preview {
  file: string;
  format: NotesFormat;
  deck: Deck;
  target: string;
  skipped: SkippedLine[];
  ignored: number[];
  diff: DeckDiff;
  reimport: boolean;
}

function printPreview(ctx: CommandContext, p: Preview): void {
  const { io } = ctx;
  const t = cliText().import;
  const width = previewWidth(ctx);
  const byType = new Map<string, number>();
  for (const c of p.deck.cards) byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
  io.out(t.heading(t.formats[p.format], p.file, p.deck.id, p.deck.title, p.deck.language));
  io.out(t.cardCounts(p.deck.cards.length, [...byType].map(([type, n]) => t.byType(n, type)).join(', ')));
  io.out(t.samples);
  for (const c of p.deck.cards.slice(0, SAMPLES)) io.out(sampleLine(c, width));
  printSkipped(ctx, p.skipped, p.ignored);
  if (p.reimport) {
    const d = p.diff;
    io.out(t.compared(d.added.length, d.changed.length, d.removed.length, d.unchanged));
    for (const [label, cards] of [['+', d.added], ['~', d.changed], ['-', d.removed]] as const) {
      for (const c of cards.slice(0, 5)) io.out(truncateDisplay(`  ${label} ${oneLine(promptText(c))}`, width));
      if (cards.length > 5) io.out(`  ${label} ${t.more(cards.length - 5)}`);
    }
    if (d.changed.length + d.unchanged > 0) io.out(t.progressKept);
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' / ');
}

function sampleLine(c: Card, width: number): string {
  return truncateDisplay(`  [${c.type}] ${oneLine(promptText(c))}  →  ${oneLine(answerText(c))}`, width);
}

function printSkipped(ctx: CommandContext, skipped: SkippedLine[], ignored: number[]): void {
  const { io } = ctx;
  const t = cliText().import;
  if (skipped.length) {
    io.out(t.skipped(skipped.length));
    for (const s of skipped.slice(0, SKIPPED_SHOWN)) io.out(truncateDisplay(`  ${t.skippedLine(s.line, s.reason)}${s.text ? ` — ${oneLine(s.text)}` : ''}`, previewWidth(ctx)));
    if (skipped.length > SKIPPED_SHOWN) io.out(`  ${t.more(skipped.length - SKIPPED_SHOWN)}`);
  }
  // "line 20", not "lines 20" (walkthrough F25).
  if (ignored.length) io.out(t.ignored(ignored.length, lineRanges(ignored, 12), ignored.length === 1));
}

/** "3, 5, 7–9, …" */
export function lineRanges(lines: number[], max: number): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length && parts.length < max; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    parts.push(j > i ? `${lines[i]}–${lines[j]}` : `${lines[i]}`);
    i = j + 1;
  }
  const shown = parts.length < max ? '' : ', …';
  return parts.join(', ') + shown;
}

/** Ask on the terminal; anything but y/yes (also 예/ㅛ, the Korean IME's y) is no (Enter: `defaultYes`). */
export async function askYesNo(question: string, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout, defaultYes = false): Promise<boolean> {
  const rl = createInterface({ input, output });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    // A [Y/n] question: Enter alone is yes.
    if (defaultYes && answer === '') return true;
    return ['y', 'yes', 'ㅛ', '예', '네'].includes(answer);
  } finally {
    rl.close();
  }
}

async function importProgress(ctx: CommandContext, file: string): Promise<number> {
  if (!/\.(apkg|colpkg)$/i.test(file)) return mergeProgress(ctx, file, file);
  // The reviews done in Anki (a phone) on cards amgi exported, through the same merge.
  const reviews = await (await packageModule()).apkgReviewsFile(file, ctx.env, flagString(ctx.flags, 'decks'));
  try {
    if (reviews.unknown) ctx.io.err(`amgi: ${cliText().import.unknownReviews(reviews.unknown)}`);
    return await mergeProgress(ctx, reviews.file, file);
  } finally {
    rmSync(reviews.dir, { recursive: true, force: true });
  }
}

async function mergeProgress(ctx: CommandContext, file: string, label: string): Promise<number> {
  const { io } = ctx;
  const t = cliText().import;
  const home = amgiHome(ctx.env);
  const plan = planProgressMerge(home, file, ctx.now().getTime());
  for (const p of plan.logProblems) io.err(`amgi: ${t.warning(p)}`);
  // Well-formed but suspicious: shown, and merged only when the user says so.
  const { future, forgets } = plan;
  if ((future.count || forgets) && !ctx.flags.yes) {
    if (future.count) io.err(`amgi: ${t.future(future.count, future.latest!)}`);
    if (forgets) io.err(`amgi: ${t.forgets(forgets)}`);
    const ok = io.stdinIsTTY && (await askYesNo(t.mergeAnyway(plan.add.size)));
    if (!ok) {
      io.err(`amgi: ${t.nothingMerged}`);
      return 1;
    }
  }
  if (plan.add.size) {
    applyProgressMerge(home, plan);
    const r = rebuildSnapshot(home, { now: ctx.now });
    // The replay rereads the log: its lines were reported above already.
    for (const p of r.problems) if (!plan.logProblems.includes(p)) io.err(`amgi: ${t.warning(p)}`);
  }
  for (const id of plan.conflicts.slice(0, 5)) io.err(`amgi: ${t.conflict(id)}`);
  io.out(plan.add.size ? t.merged(plan.add.size, label, plan.known) : t.nothingNew(label, plan.known));
  return 0;
}
