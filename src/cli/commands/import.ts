/**
 * `amgi import FILE [--format md|anki] [--deck ID] [--yes]`: notes → a deck file in
 * $AMGI_HOME/decks (an Anki package of several decks: one each), after a preview and one question. `amgi import --progress FILE`: merge
 * another machine's review history. Bad input is refused before anything is written.
 */
import { createInterface } from 'node:readline/promises';
import { flagString } from '../args.js';
import type { CommandContext } from '../types.js';
import { UsageError } from '../../core/errors.js';
import { cliText, msg } from '../../core/messages.js';
import type { Card } from '../../core/deck/types.js';
import { answerText, promptText } from '../../core/deck/cards.js';
import { truncateDisplay } from '../../core/text/width.js';
import type { SkippedLine } from '../../core/import/draft.js';
import { importDecks, NoCardsError, type DeckImportPlan, type DeckImportResult } from '../../store/deckImport.js';
import { importProgress } from '../../store/progressImport.js';
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
    // Notes given with --progress: say so, not "the first line must be {"amgi":"progress"…}".
    if (/\.(md|markdown|txt|tsv)$/i.test(file)) throw new UsageError(t.notesNotProgress(file));
    return mergeProgress(ctx, file);
  }
  return importNotes(ctx, file);
}

async function importNotes(ctx: CommandContext, file: string): Promise<number> {
  const { io } = ctx;
  const t = cliText().import;
  const yes = ctx.flags.yes === true;
  let results: DeckImportResult[];
  // Several decks' warnings scroll away: their sum is said again by the question.
  let same = 0;
  try {
    results = await importDecks(ctx.env, { file, format: flagString(ctx.flags, 'format'), deckId: flagString(ctx.flags, 'deck'), now: ctx.now() }, {
      preview(plan, part) {
        printPreview(ctx, plan, part);
        same += plan.same.reduce((n, s) => n + s.count, 0);
        for (const r of plan.renames) io.out(truncateDisplay(`  ${t.looksRenamed(oneLine(promptText(r.from)), oneLine(promptText(r.to)))}`, previewWidth(ctx)));
        // Every deck of a package is shown before the one answer for all of them.
        if (yes || io.stdinIsTTY || part.index < part.of - 1) return true;
        io.err(`amgi: ${t.passYes}`);
        return false;
      },
      // Keeping is the default ([Y/n]), and what --yes does: a reworded question is the same card.
      keepRename: (r) => yes || askYesNo(t.keepProgress(oneLine(promptText(r.to))), undefined, undefined, true),
      async write(cards, target, renamesKept, decks) {
        if (renamesKept) io.out(t.renamesKept(renamesKept));
        if (decks > 1 && same) io.err(`amgi: ${t.warning(t.sameTotal(same, cards))}`);
        if (yes || (await askYesNo(decks > 1 ? t.questionDecks(cards, decks, target) : t.question(cards, target)))) return true;
        io.out(t.nothingWritten);
        return false;
      },
      written(result) {
        if (result.backup) io.err(`amgi: ${msg().deckBackedUp(result.target, result.backup)}`);
        io.out(t.wrote(result.cards, result.target));
      },
    });
  } catch (e) {
    if (e instanceof NoCardsError) printSkipped(ctx, e.skipped, e.ignored);
    throw e;
  }
  return results.some((r) => r.written) ? 0 : 1;
}

function printPreview(ctx: CommandContext, p: DeckImportPlan, part: { index: number; of: number }): void {
  const { io } = ctx;
  const t = cliText().import;
  if (p.package && part.index === 0) {
    io.out(cliText().anki.apkgRead(p.package.format, p.package.notes));
    if (p.package.media) io.out(cliText().anki.apkgMedia(p.package.media));
  }
  const width = previewWidth(ctx);
  const byType = new Map<string, number>();
  for (const c of p.deck.cards) byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
  io.out(t.heading(t.formats[p.format], p.file, p.deck.id, p.deck.title, p.deck.language));
  io.out(t.cardCounts(p.deck.cards.length, [...byType].map(([type, n]) => t.byType(n, type)).join(', ')));
  // Several decks: one sample each keeps the preview to a screen or two.
  io.out(t.samples);
  for (const c of p.deck.cards.slice(0, part.of > 1 ? 1 : SAMPLES)) io.out(sampleLine(c, width));
  for (const s of p.same) io.err(`amgi: ${t.warning(t.sameCards(s.count, s.deckId, s.title))}`);
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

async function mergeProgress(ctx: CommandContext, file: string): Promise<number> {
  const { io } = ctx;
  const t = cliText().import;
  const warn = (p: string) => io.err(`amgi: ${t.warning(p)}`);
  let warned: string[] = [];
  const r = await importProgress(amgiHome(ctx.env), ctx.env, { file, now: ctx.now, decksDir: flagString(ctx.flags, 'decks') }, {
    // Well-formed but suspicious: shown, and merged only when the user says so.
    async confirm(plan) {
      if (ctx.flags.yes === true) return true;
      (warned = plan.logProblems).forEach(warn);
      if (plan.future.count) io.err(`amgi: ${t.future(plan.future.count, plan.future.latest!)}`);
      if (plan.forgets) io.err(`amgi: ${t.forgets(plan.forgets)}`);
      return io.stdinIsTTY && (await askYesNo(t.mergeAnyway(plan.add.size)));
    },
  });
  if (r.unknownReviews) io.err(`amgi: ${t.unknownReviews(r.unknownReviews)}`);
  for (const p of r.problems) if (!warned.includes(p)) warn(p);
  if (!r.merged) {
    io.err(`amgi: ${t.nothingMerged}`);
    return 1;
  }
  const { plan } = r;
  for (const id of plan.conflicts.slice(0, 5)) io.err(`amgi: ${t.conflict(id)}`);
  io.out(plan.add.size ? t.merged(plan.add.size, file, plan.known) : t.nothingNew(file, plan.known));
  return 0;
}
