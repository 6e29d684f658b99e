/**
 * Anki packages (.apkg, .colpkg) read for import: the package read with sql.js/fflate/fzstd
 * (loaded only here, imported dynamically by deckImport/progressImport), then the same paths as
 * the other imports: notes through the deck import, reviews through the progress merge (a
 * temporary progress file).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../core/import/errors.js';
import { cliText } from '../core/messages.js';
import { cardsByGuid, draftsByDeck, notesToDrafts, revlogToEntries } from '../core/import/apkg.js';
import type { ImportParse } from '../core/import/draft.js';
import { formatProgress } from '../core/sync/progressFile.js';
import { readAnkiPackage } from './ankiPackage.js';
import { loadAllDecks } from './deckFiles.js';
import { writeFileAtomic } from './atomicFile.js';
import { MAX_ANSWER_MS } from './log.js';

/** What the package held, for the preview: its kind, its notes, its media files (not imported). */
export interface PackageInfo {
  format: string;
  notes: number;
  media: number;
}

/** The package's notes: all of them as one draft deck (`parsed`), and split by Anki deck (`decks`). */
export async function parseApkgNotes(file: string): Promise<{ parsed: ImportParse; decks: { name: string; parsed: ImportParse }[]; info: PackageInfo }> {
  const pkg = await readAnkiPackage(file);
  const deckOfNote = new Map<number, string>();
  for (const c of pkg.cards) if (!deckOfNote.has(c.nid)) deckOfNote.set(c.nid, pkg.decks.get(c.did) ?? '');
  const notes = pkg.notes.map((n) => ({ ...n, deck: deckOfNote.get(n.id) }));
  // Parsed once: split by deck from the same drafts.
  const parsed = notesToDrafts(notes, pkg.models);
  return { parsed, decks: draftsByDeck(notes, parsed), info: { format: pkg.format, notes: pkg.notes.length, media: pkg.media } };
}

/** The package's reviews of amgi's cards as a progress file in a temp folder: its path, and what was left out. */
export async function apkgReviewsFile(file: string, env: NodeJS.ProcessEnv, decksDir?: string): Promise<{ file: string; dir: string; entries: number; unknown: number }> {
  const pkg = await readAnkiPackage(file);
  const guidOfNote = new Map(pkg.notes.map((n) => [n.id, n.guid]));
  const cards = new Map(pkg.cards.map((c) => [c.id, { guid: guidOfNote.get(c.nid) ?? '', ord: c.ord }]));
  const known = cardsByGuid(loadAllDecks({ env, decksDir }).decks.map((d) => d.deck));
  const { entries, unknown } = revlogToEntries(pkg.revlog, (cid) => cards.get(cid), known, MAX_ANSWER_MS);
  if (entries.length === 0) throw new InputError(file, cliText().anki.apkgNoReviews(unknown), undefined, cliText().anki.apkgNoReviewsHint);
  const dir = mkdtempSync(join(tmpdir(), 'amgi-apkg-'));
  const out = join(dir, 'reviews.progress');
  writeFileAtomic(out, formatProgress(entries), { durable: false });
  return { file: out, dir, entries: entries.length, unknown };
}
