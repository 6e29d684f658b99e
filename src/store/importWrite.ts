/**
 * Files for import and export: input files read with the size/binary/UTF-8 checks, and
 * output (deck files, exports) written atomically — a temp file in the same folder, fsync,
 * rename — so a crash or a full disk leaves the old file or the new one, never half of one.
 */
import { fsCause, msg } from '../core/messages.js';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { firstInvalidUtf8, locationOfByte } from '../core/deck/validate.js';
import type { Deck } from '../core/deck/types.js';
import { InputError } from '../core/import/errors.js';
import { deckFilesIn, readDeckFile } from './deckFiles.js';
import { writeUserFile } from './atomicFile.js';
import { freePath } from './recover.js';
import { amgiHome, userDecksDir } from './paths.js';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Read a file to import: refuses a missing, oversized (before reading), empty, binary or non-UTF-8 file. */
export function readInputFile(path: string, maxBytes = MAX_IMPORT_BYTES): string {
  const name = path;
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(name, 'is a folder, not a file');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(name, msg().importUnreadable(fsCause(e)));
  }
  if (size > maxBytes) {
    throw new InputError(name, msg().importTooLarge((size / 1048576).toFixed(1), Math.round(maxBytes / 1048576)), undefined, msg().importTooLargeHint);
  }
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new InputError(name, 'file is empty');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(name, 'binary file, not text', locationOfByte(bytes, nul), 'import Markdown, an Anki text export or a progress file');
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) throw new InputError(name, 'invalid UTF-8', locationOfByte(bytes, bad), 'save the file as UTF-8');
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  if (text.trim() === '') throw new InputError(name, 'file has only blank space');
  return text;
}

/** Where `amgi import` writes a deck: `$AMGI_HOME/decks/<id>.json`. */
export function userDeckFile(env: NodeJS.ProcessEnv, deckId: string): string {
  return join(userDecksDir(env), `${deckId}.json`);
}

/**
 * The deck with this id already in `$AMGI_HOME/decks` (its own file first, then any file
 * declaring the id), to report what a re-import adds, changes and removes.
 */
export function installedUserDeck(env: NodeJS.ProcessEnv, deckId: string): { deck: Deck; file: string } | undefined {
  const own = userDeckFile(env, deckId);
  const files = deckFilesIn(userDecksDir(env));
  for (const file of [own, ...files.filter((f) => f !== own)]) {
    if (!files.includes(file)) continue;
    // Through the validated-deck cache: the import has just loaded every deck once.
    const { candidate } = readDeckFile(file, 'user', { cacheHome: amgiHome(env) });
    if (candidate?.deck.id === deckId) return { deck: candidate.deck, file };
  }
  return undefined;
}

/**
 * Before an import replaces `file`, a deck with the same id in another file than the import's own
 * `<id>.json` (a hand-written deck that happens to use the id): keep a copy next to it,
 * `<file>.before-import-<stamp>` (not *.json: never loaded as a deck), durable before the
 * original is replaced. Re-importing over `<id>.json` is the update the preview's diff showed.
 * Returns the copy's path.
 */
export function backUpReplacedDeck(file: string, ownFile: string, now: Date): string | undefined {
  if (file === ownFile) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // gone since it was read: nothing left to lose
  }
  const backup = freePath(file, 'before-import', now);
  writeUserFile(backup, bytes);
  return backup;
}
