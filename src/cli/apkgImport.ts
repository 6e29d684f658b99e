/**
 * `amgi import FILE.apkg|FILE.colpkg [--progress]`: the package read with sql.js/fflate/fzstd
 * (loaded only here), then the same paths as the other imports: notes through the deck preview
 * and write, reviews through the progress merge (a temporary progress file).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from './io.js';
import { cliText } from '../core/messages.js';
import { InputError } from '../core/import/errors.js';
import { cardsByGuid, notesToDrafts, revlogToEntries } from '../core/import/apkg.js';
import type { ImportParse } from '../core/import/draft.js';
import { formatProgress } from '../core/sync/progressFile.js';
import { readAnkiPackage } from '../store/ankiPackage.js';
import { loadAllDecks } from '../store/deckFiles.js';
import { writeFileAtomic } from '../store/atomicFile.js';
import { MAX_ANSWER_MS } from '../store/log.js';


export async function parseApkgNotes(file: string, io: Io): Promise<ImportParse> {
  const pkg = await readAnkiPackage(file);
  const deckOfNote = new Map<number, string>();
  for (const c of pkg.cards) if (!deckOfNote.has(c.nid)) deckOfNote.set(c.nid, pkg.decks.get(c.did) ?? '');
  const parsed = notesToDrafts(
    pkg.notes.map((n) => ({ ...n, deck: deckOfNote.get(n.id) })),
    pkg.models,
  );
  io.out(cliText().sync.apkgRead(pkg.format, pkg.notes.length));
  if (pkg.media) io.out(cliText().sync.apkgMedia(pkg.media));
  return parsed;
}

/** The package's reviews of amgi's cards as a progress file in a temp folder: its path, and what was left out. */
export async function apkgReviewsFile(file: string, env: NodeJS.ProcessEnv, decksDir?: string): Promise<{ file: string; dir: string; entries: number; unknown: number }> {
  const pkg = await readAnkiPackage(file);
  const guidOfNote = new Map(pkg.notes.map((n) => [n.id, n.guid]));
  const cards = new Map(pkg.cards.map((c) => [c.id, { guid: guidOfNote.get(c.nid) ?? '', ord: c.ord }]));
  const known = cardsByGuid(loadAllDecks({ env, decksDir }).decks.map((d) => d.deck));
  const { entries, unknown } = revlogToEntries(pkg.revlog, (cid) => cards.get(cid), known, MAX_ANSWER_MS);
  if (entries.length === 0) throw new InputError(file, cliText().sync.apkgNoReviews(unknown), undefined, cliText().sync.apkgNoReviewsHint);
  const dir = mkdtempSync(join(tmpdir(), 'amgi-apkg-'));
  const out = join(dir, 'reviews.progress');
  writeFileAtomic(out, formatProgress(entries), { durable: false });
  return { file: out, dir, entries: entries.length, unknown };
}
