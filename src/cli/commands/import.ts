/**
 * `amgi import FILE [--format md|anki] [--deck ID] [--yes]`: notes → a deck file in
 * $AMGI_HOME/decks, after a preview and a question. `amgi import --progress FILE`: merge
 * another machine's review history. Bad input is refused before anything is written.
 */
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { flagString } from '../args.js';
import type { CommandContext } from '../commands.js';
import { plural } from '../io.js';
import { AmgiError, UsageError } from '../../core/errors.js';
import { msg } from '../../core/messages.js';
import { formatProblem, parseDeckText } from '../../core/deck/validate.js';
import { ID_PATTERN } from '../../core/deck/spec.js';
import type { Card, Deck } from '../../core/deck/types.js';
import { answerText, promptText } from '../../core/deck/cards.js';
import { truncateDisplay } from '../../core/text/width.js';
import { buildDeck } from '../../core/import/deck.js';
import { diffDecks, type DeckDiff } from '../../core/import/diff.js';
import type { ImportParse, SkippedLine } from '../../core/import/draft.js';
import { InputError } from '../../core/import/errors.js';
import { detectFormat, parseNotes, type NotesFormat } from '../../core/import/format.js';
import { isValidId, slugifyDeckId } from '../../core/import/ids.js';
import { deckToJson } from '../../core/export/json.js';
import { loadAllDecks } from '../../store/deckFiles.js';
import { backUpReplacedDeck, installedUserDeck, readInputFile, userDeckFile } from '../../store/importWrite.js';
import { writeUserFile } from '../../store/atomicFile.js';
import { applyProgressMerge, planProgressMerge } from '../../store/progressTransfer.js';
import { rebuildSnapshot } from '../../store/ledgerStore.js';
import { amgiHome, bundledDecksDir } from '../../store/paths.js';

const SAMPLES = 3;
const SKIPPED_SHOWN = 8;

/** Preview lines are cut to the terminal, but never narrower than 40 or wider than 120 columns. */
const previewWidth = (ctx: CommandContext) => Math.max(40, Math.min(ctx.io.columns, 120));

export async function run(ctx: CommandContext): Promise<number> {
  const [file, ...more] = ctx.args;
  if (!file) throw new UsageError('import needs a FILE (Markdown notes, an Anki text export, or --progress FILE)');
  if (more.length) throw new UsageError(`import takes one FILE, got ${ctx.args.length}`);
  if (ctx.flags.progress) {
    if (ctx.flags.format || ctx.flags.deck) throw new UsageError('--progress merges review history; --format and --deck do not apply');
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
  let format: NotesFormat;
  let parsed: ImportParse;
  if (/\.(apkg|colpkg)$/i.test(file)) {
    if (ctx.flags.format) throw new UsageError('an Anki package is read as one; --format does not apply');
    format = 'anki';
    parsed = await (await packageModule()).parseApkgNotes(file, io);
  } else {
    const text = readInputFile(file);
    format = detectFormat(file, text, flagString(ctx.flags, 'format'));
    parsed = parseNotes(format, text, file);
  }
  const stem = basename(file, extname(file));
  const deckId = flagString(ctx.flags, 'deck') ?? slugifyDeckId(stem);
  if (!isValidId(deckId)) throw new UsageError(`--deck "${deckId}" is not a valid deck id (${ID_PATTERN}: lower-case letters, digits, ".", "_", "-")`);

  const built = buildDeck(parsed, {
    id: deckId,
    title: parsed.title ?? stem,
    description: `Imported from ${basename(file)} (${format === 'anki' ? 'Anki notes' : 'Markdown'})`,
    schema: pathToFileURL(join(bundledDecksDir(), 'schema.json')).href,
  });
  const skipped = [...parsed.skipped, ...built.skipped].sort((a, b) => a.line - b.line);
  if (built.deck.cards.length === 0) {
    printSkipped(ctx, skipped, parsed.ignoredLines);
    throw new InputError(file, `no cards found in this ${format === 'anki' ? 'Anki export' : 'Markdown file'}`, undefined, format === 'md' ? 'write "question::answer" lines, `- **term** - definition` items or ==cloze== marks (see the README)' : 'each line needs a front and a back');
  }
  const bundled = loadAllDecks({ env: ctx.env }).decks.find((d) => d.deck.id === deckId && d.origin === 'bundled');
  if (bundled) throw new UsageError(`deck id "${deckId}" belongs to the bundled deck "${bundled.deck.title}"; choose another with --deck ID`);

  const existing = installedUserDeck(ctx.env, deckId);
  const target = existing?.file ?? userDeckFile(ctx.env, deckId);
  // What is written is what `amgi validate` reads back: check it the same way.
  const json = deckToJson(built.deck);
  const checked = parseDeckText(target, json);
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (!checked.deck || errors.length) throw new AmgiError(`the imported deck does not validate (a bug in amgi import):\n${errors.map(formatProblem).join('\n')}`);
  const deck = checked.deck;
  const diff = diffDecks(existing?.deck, deck);

  printPreview(ctx, { file, format, deck, target, skipped, ignored: parsed.ignoredLines, diff, reimport: existing !== undefined });
  const question = `Write ${deck.cards.length} cards to ${target}? [y/N] `;
  if (!ctx.flags.yes) {
    if (!io.stdinIsTTY) {
      io.err('amgi: nothing written: pass --yes to write without asking');
      return 1;
    }
    if (!(await askYesNo(question))) {
      io.out('nothing written');
      return 1;
    }
  }
  const backup = existing && backUpReplacedDeck(target, userDeckFile(ctx.env, deckId), ctx.now());
  if (backup) io.err(`amgi: ${msg.deckBackedUp(target, backup)}`);
  writeUserFile(target, json);
  io.out(`wrote ${deck.cards.length} cards to ${target}`);
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
  const width = previewWidth(ctx);
  const byType = new Map<string, number>();
  for (const c of p.deck.cards) byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
  io.out(`${p.format === 'anki' ? 'Anki' : 'Markdown'} import: ${p.file} → deck "${p.deck.id}" (${p.deck.title}, ${p.deck.language})`);
  io.out(`${p.deck.cards.length} cards: ${[...byType].map(([t, n]) => `${n} ${t}`).join(', ')}`);
  io.out('Samples:');
  for (const c of p.deck.cards.slice(0, SAMPLES)) io.out(sampleLine(c, width));
  printSkipped(ctx, p.skipped, p.ignored);
  if (p.reimport) {
    const d = p.diff;
    io.out(`Compared with the installed deck: ${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed, ${d.unchanged} unchanged`);
    for (const [label, cards] of [['+', d.added], ['~', d.changed], ['-', d.removed]] as const) {
      for (const c of cards.slice(0, 5)) io.out(truncateDisplay(`  ${label} ${oneLine(promptText(c))}`, width));
      if (cards.length > 5) io.out(`  ${label} … ${cards.length - 5} more`);
    }
    if (d.changed.length + d.unchanged > 0) io.out('Progress is kept for changed and unchanged cards (their ids come from the question).');
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
  if (skipped.length) {
    io.out(`Skipped ${skipped.length} line(s):`);
    for (const s of skipped.slice(0, SKIPPED_SHOWN)) io.out(truncateDisplay(`  line ${s.line}: ${s.reason}${s.text ? ` — ${oneLine(s.text)}` : ''}`, previewWidth(ctx)));
    if (skipped.length > SKIPPED_SHOWN) io.out(`  … ${skipped.length - SKIPPED_SHOWN} more`);
  }
  if (ignored.length) io.out(`Not turned into cards: ${ignored.length} line(s) of other text (lines ${lineRanges(ignored, 12)})`);
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

/** Ask on the terminal; anything but y/yes (also 예/ㅛ, the Korean IME's y) is no. */
export async function askYesNo(question: string, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<boolean> {
  const rl = createInterface({ input, output });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
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
    if (reviews.unknown) ctx.io.err(`amgi: ${plural(reviews.unknown, 'review', 'reviews')} of cards amgi did not export left out`);
    return await mergeProgress(ctx, reviews.file, file);
  } finally {
    rmSync(reviews.dir, { recursive: true, force: true });
  }
}

async function mergeProgress(ctx: CommandContext, file: string, label: string): Promise<number> {
  const { io } = ctx;
  const home = amgiHome(ctx.env);
  const plan = planProgressMerge(home, file, ctx.now().getTime());
  for (const p of plan.logProblems) io.err(`amgi: warning: ${p}`);
  // Well-formed but suspicious: shown, and merged only when the user says so.
  const { future, forgets } = plan;
  if ((future.count || forgets) && !ctx.flags.yes) {
    if (future.count) io.err(`amgi: ${plural(future.count, 'entry is', 'entries are')} dated in the future (latest ${future.latest}): merged, they would hold their cards back until then`);
    if (forgets) io.err(`amgi: ${plural(forgets, 'entry resets', 'entries reset')} cards to new (forget)`);
    const ok = io.stdinIsTTY && (await askYesNo(`Merge all ${plural(plan.add.size, 'new entry', 'new entries')} anyway? [y/N] `));
    if (!ok) {
      io.err('amgi: nothing merged (pass --yes to merge them)');
      return 1;
    }
  }
  if (plan.add.size) {
    applyProgressMerge(home, plan);
    const r = rebuildSnapshot(home, { now: ctx.now });
    // The replay rereads the log: its lines were reported above already.
    for (const p of r.problems) if (!plan.logProblems.includes(p)) io.err(`amgi: warning: ${p}`);
  }
  for (const id of plan.conflicts.slice(0, 5)) io.err(`amgi: warning: entry ${id} differs between the two machines; this machine's copy was kept`);
  io.out(
    plan.add.size
      ? `merged ${plural(plan.add.size, 'new entry', 'new entries')} from ${label} (${plan.known} already here); progress updated`
      : `nothing new in ${label} (${plural(plan.known, 'entry', 'entries')} already here)`,
  );
  return 0;
}
