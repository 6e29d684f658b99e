/**
 * `amgi export` as one call each: decks (Anki text, amgi JSON, an Anki package) and the review
 * history. The caller parses flags and prints what comes back; loading, scoping, rendering and
 * writing (never over the store's own files) are here.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AmgiError, StoreError, UsageError } from '../core/errors.js';
import { cliText, fsCause, msg } from '../core/messages.js';
import type { Deck } from '../core/deck/types.js';
import type { DeckProblem } from '../core/deck/validate.js';
import { checkScope } from '../core/deck/scope.js';
import { decksToAnki } from '../core/export/anki.js';
import { decayOf } from '../core/schedule/fsrs.js';
import { deckToJson } from '../core/export/json.js';
import { SCHEMA_URL } from '../core/deck/spec.js';
import { loadAllDecks } from './deckFiles.js';
import { writeUserFile } from './atomicFile.js';
import { exportProgressFile } from './progressTransfer.js';
import { amgiHome, isFolder } from './paths.js';
import { isStoreFile } from './home.js';

export type ExportFormat = 'anki' | 'json' | 'apkg';

export interface DeckExportRequest {
  format: ExportFormat;
  /** A file, a folder (json, several decks), or '-' / undefined for stdout (text formats). */
  out?: string;
  deckId?: string;
  decksDir?: string;
  /** apkg: each card's schedule comes along. */
  withProgress?: boolean;
  now: () => Date;
  /** Told of each deck that did not load, before anything can fail (it may be why `deckId` is unknown). */
  onProblem?: (problem: DeckProblem) => void;
}

export type DeckExportResult = {
  decks: number;
  cards: number;
  notices: string[];
} & (
  | { to: 'stdout'; text: string }
  | { to: 'file'; out: string; deckId?: string }
  | { to: 'dir'; out: string }
  | { to: 'apkg'; out: string; notes: number; ankiCards: number; scheduled?: number }
);

/** Write an export file, never over the store's own files (`export --progress $AMGI_HOME/reviews.jsonl` replaced the live log). */
function writeOut(env: NodeJS.ProcessEnv, file: string, text: string): void {
  if (isStoreFile(amgiHome(env), file)) throw new AmgiError(msg().ownedByStore(file));
  writeUserFile(file, text);
}


/** The folder an export goes into must be there: a missing one is more often a typo than a wish, and was made silently. */
function checkOutFolder(out: string, flag = '--out'): void {
  const parent = dirname(resolve(out));
  if (!isFolder(parent)) throw new AmgiError(cliText().errors.noOutFolder(flag, out, parent));
}

export async function exportDecks(env: NodeJS.ProcessEnv, req: DeckExportRequest): Promise<DeckExportResult> {
  const t = cliText().errors;
  const { out } = req;
  const toStdout = out === undefined || out === '-';
  if (req.format === 'apkg' && toStdout) throw new UsageError(t.apkgNeedsOut);
  const set = loadAllDecks({ decksDir: req.decksDir, env });
  if (req.onProblem) set.problems.forEach(req.onProblem);
  checkScope(set.decks, req.deckId, undefined);
  const decks = set.decks.map((d) => d.deck).filter((d) => req.deckId === undefined || d.id === req.deckId);
  if (decks.length === 0) throw new AmgiError(t.noDecksToExport);
  const base = { decks: decks.length, cards: decks.reduce((n, d) => n + d.cards.length, 0), notices: [] as string[] };
  if (req.format === 'apkg') return { ...base, ...(await exportApkg(env, decks, out!, req, base.notices)) };
  const one = (text: string, deckId?: string): DeckExportResult => {
    if (toStdout) return { ...base, to: 'stdout', text };
    checkOutFolder(out);
    writeOut(env, out, text);
    return { ...base, to: 'file', out, ...(deckId ? { deckId } : {}) };
  };
  if (req.format === 'anki') return one(decksToAnki(decks));
  if (decks.length === 1 && !(out && isFolder(out))) return one(deckToJson(decks[0]!, SCHEMA_URL), decks[0]!.id);
  if (toStdout) throw new UsageError(t.severalDecksNeedDir(decks.length));
  // `--out decks.json` made a folder named decks.json that `amgi import` then could not read.
  if (/\.json$/i.test(out) && !isFolder(out)) throw new UsageError(t.severalDecksNotFile(decks.length, out));
  if (existsSync(out) && !isFolder(out)) throw new UsageError(t.outIsFile(out));
  checkOutFolder(out);
  for (const d of decks) writeOut(env, join(out, `${d.id}.json`), deckToJson(d, SCHEMA_URL));
  return { ...base, to: 'dir', out };
}

/** An Anki package; sql.js (WebAssembly) and fflate load here only, never for other exports. */
async function exportApkg(env: NodeJS.ProcessEnv, decks: Deck[], out: string, req: DeckExportRequest, notices: string[]) {
  if (isStoreFile(amgiHome(env), out)) throw new AmgiError(msg().ownedByStore(out));
  checkOutFolder(out);
  const [{ buildCollection }, { writeApkg }] = await Promise.all([import('../core/export/apkg.js'), import('./ankiPackage.js')]);
  let schedule: import('../core/export/apkg.js').ScheduleSource | undefined;
  if (req.withProgress) {
    const { openProgressFromEnv } = await import('./open.js');
    const { progress } = openProgressFromEnv({ env, now: req.now, outline: true });
    notices.push(...progress.notices);
    schedule = { state: (key) => progress.state(key), dayStartHour: progress.settings.dayStartHour, retention: progress.settings.retention, decay: decayOf(progress.settings.weights) };
  }
  const col = buildCollection(decks, req.now().getTime(), schedule);
  await writeApkg(out, col);
  return { to: 'apkg' as const, out, notes: col.notes.length, ankiCards: col.cards.length, ...(schedule ? { scheduled: col.cards.filter((c) => c.type !== 0).length } : {}) };
}

/** The review history as a progress file ('-': stdout), streamed: a million-entry history is never held in memory. */
export function exportProgress(env: NodeJS.ProcessEnv, out: string): { entries: number; problems: string[] } {
  const home = amgiHome(env);
  if (out !== '-' && isStoreFile(home, out)) throw new AmgiError(msg().ownedByStore(out));
  if (out !== '-') checkOutFolder(out, '--progress');
  try {
    return exportProgressFile(home, out);
  } catch (e) {
    if (e instanceof AmgiError) throw e;
    throw new StoreError(msg().writeFailed(out, fsCause(e)), out);
  }
}
