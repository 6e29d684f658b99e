/**
 * Files for import and export: input files read with the size/binary/UTF-8 checks, and
 * output (deck files, exports) written atomically — a temp file in the same folder, fsync,
 * rename — so a crash or a full disk leaves the old file or the new one, never half of one.
 */
import { fsCause, msg } from '../core/messages.js';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { firstInvalidUtf8, locationOfByte } from '../core/deck/validate.js';
import type { Deck, DeckOrigin } from '../core/deck/types.js';
import { InputError } from '../core/import/errors.js';
import { deckSources, readDeckFile } from './deckFiles.js';
import { writeUserFile } from './atomicFile.js';
import { freePath } from './recover.js';
import { amgiHome, userDecksDir } from './paths.js';

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

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
 * The installed decks an import is checked against, each file read once (through the
 * validated-deck cache): a bundled deck's id is refused, a user deck with the id is what a
 * re-import diffs against. Decks as their files hold them (no cards dropped as duplicates of
 * another deck's: the diff is against the file).
 */
export class InstalledDecks {
  private readonly decks: { deck: Deck; file: string; origin: DeckOrigin }[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {
    const cacheHome = amgiHome(env);
    for (const { file, origin } of deckSources({ env })) {
      const { candidate } = readDeckFile(file, origin, { cacheHome });
      if (candidate) this.decks.push({ deck: candidate.deck, file, origin });
    }
  }

  /** Every loaded deck, bundled and user. */
  all(): Deck[] {
    return this.decks.map((d) => d.deck);
  }

  bundled(deckId: string): Deck | undefined {
    return this.decks.find((d) => d.origin === 'bundled' && d.deck.id === deckId)?.deck;
  }

  /** The user deck with this id: its own `<id>.json` first, then any file declaring the id. */
  user(deckId: string): { deck: Deck; file: string } | undefined {
    const own = userDeckFile(this.env, deckId);
    const found = this.decks.filter((d) => d.origin === 'user' && d.deck.id === deckId);
    const d = found.find((f) => f.file === own) ?? found[0];
    return d && { deck: d.deck, file: d.file };
  }
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
