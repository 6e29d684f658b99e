/**
 * Reads deck files from disk; validation itself is pure (core/deck). Commands load through the
 * validated-deck cache ($AMGI_HOME/cache/decks, see deckCache.ts): an unchanged deck file is
 * neither validated nor sanitised again.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { cliText, fsCause, msg } from '../core/messages.js';
import { combineDecks, type DeckCandidate } from '../core/deck/collection.js';
import { sha256Hex } from '../core/crypto.js';
import { MAX_DECK_BYTES, parseDeck, type DeckProblem } from '../core/deck/validate.js';
import type { Card, Deck, DeckOrigin, LoadedDeck } from '../core/deck/types.js';
import { isCopyBesideOriginal, originalOf } from './conflictCopy.js';
import { forgetDeck, lookupDeck, outlineOf, storeDeck, type DeckOutline } from './deckCache.js';
import { amgiHome, bundledDecksDir, userDecksDir } from './paths.js';

export interface DeckSet {
  decks: LoadedDeck[];
  problems: DeckProblem[];
}

/**
 * Deck files in a folder: *.json except schema.json, the sources manifest and the search aliases.
 * A folder that exists but cannot be listed (no permission, a symbolic link loop, a file) is an
 * error in `problems`: its decks would vanish without a word otherwise. A pipe, socket or device
 * named *.json is skipped with a warning, never opened (reading a pipe blocks forever).
 */
export function deckFilesIn(dir: string, problems: DeckProblem[] = []): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file: displayName(dir), severity: 'error', message: msg().decksFolderUnreadable(fsCause(e)) });
    return [];
  }
  const files: string[] = [];
  for (const d of entries) {
    const n = d.name;
    if (!n.endsWith('.json') || n === 'schema.json' || n === 'sources.json' || n === 'aliases.json' || n.startsWith('.')) continue;
    const file = join(dir, n);
    // Two machines changed one deck at once: the sync tool's copy would load as a second deck with the same id.
    if (isCopyBesideOriginal(dir, n)) {
      problems.push({ file: displayName(file), severity: 'warning', message: msg().deckConflictCopy(originalOf(n)) });
      continue;
    }
    if (isSpecial(file, d)) {
      problems.push({ file: displayName(file), severity: 'warning', message: msg().deckNotRegular });
      continue;
    }
    files.push(file);
  }
  return files.sort();
}

/** A pipe, socket or device, itself or behind a symbolic link (a broken or looping link is left to the reader to report). */
function isSpecial(file: string, d: Dirent): boolean {
  if (d.isFIFO() || d.isSocket() || d.isCharacterDevice() || d.isBlockDevice()) return true;
  if (d.isFile() || d.isDirectory()) return false;
  // A symbolic link, or a file system that does not report types: what the path leads to.
  try {
    const st = statSync(file);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

export interface DeckReadOptions {
  /** $AMGI_HOME: use and fill its validated-deck cache. Without it every file is validated. */
  cacheHome?: string;
  /** Cards hold only `id` and `type` (no text): enough for counting study items (`amgi status`). */
  outline?: boolean;
}

/** A deck file read: the candidate and its problems. */
interface DeckRead {
  candidate?: DeckCandidate;
  problems: DeckProblem[];
}

/** An outline as a deck whose cards carry only id and type (callers asked for no card text). */
function outlineDeck(o: DeckOutline): Deck {
  const cards = o.ids.map((id) => ({ id, type: 'basic' }) as Card);
  for (const i of o.rev) if (cards[i]) (cards[i] as { type: string }).type = 'reversible';
  return { id: o.id, title: o.title, description: '', language: '', cards };
}

export function readDeckFile(file: string, origin: DeckOrigin, opts: DeckReadOptions = {}): DeckRead {
  const name = displayName(file);
  const home = opts.cacheHome;
  try {
    const checkedAt = Date.now();
    const st = statSync(file);
    // Checked before any open: opening a pipe for reading blocks until a writer comes.
    if (!st.isFile() && !st.isDirectory()) return { problems: [{ file: name, severity: 'error', message: msg().deckNotRegular }] };
    if (st.size > MAX_DECK_BYTES) {
      // Refused before reading: a 2 GB file must not be loaded into memory.
      return { problems: [{ file: name, severity: 'error', message: cliText().deck.tooBig((st.size / 1048576).toFixed(1)), hint: cliText().deck.tooBigHint }] };
    }
    let bytes: Buffer | undefined;
    if (home !== undefined) {
      const found = lookupDeck(home, file, st, checkedAt, () => readFileSync(file));
      // A damaged deck segment is no hit (the entry is gone): the file is read and cached again below.
      const deck = found.hit && (opts.outline ? outlineDeck(found.hit.outline) : found.hit.deck());
      if (found.hit && deck) {
        const problems = found.hit.problems.map((p) => ({ ...p, file: name }));
        return { candidate: { deck, file: name, origin, text: '', contentHash: found.hit.contentHash }, problems };
      }
      bytes = found.bytes;
    }
    bytes ??= readFileSync(file);
    const { deck, problems } = parseDeck(name, bytes);
    // One hash of the bytes: the deck's content hash (its first 16 digits) and the cache's check.
    const sha = sha256Hex(bytes);
    const hash = sha.slice(0, 16);
    if (home === undefined) return deck ? { candidate: { deck, file: name, origin, text: '', contentHash: hash }, problems } : { problems };
    if (!deck) {
      forgetDeck(home, file);
      return { problems };
    }
    storeDeck(home, file, st, checkedAt, sha, deck, problems);
    return { candidate: { deck: opts.outline ? outlineDeck(outlineOf(deck)) : deck, file: name, origin, text: '', contentHash: hash }, problems };
  } catch (e) {
    return { problems: [{ file: name, severity: 'error', message: msg().deckUnreadable(fsCause(e)) }] };
  }
}

export function loadDeckFiles(files: { file: string; origin: DeckOrigin }[], opts: DeckReadOptions = {}): DeckSet {
  const problems: DeckProblem[] = [];
  const candidates: DeckCandidate[] = [];
  for (const { file, origin } of files) {
    const r = readDeckFile(file, origin, opts);
    problems.push(...r.problems);
    if (r.candidate) candidates.push(r.candidate);
  }
  const combined = combineDecks(candidates);
  return { decks: combined.decks, problems: [...problems, ...combined.problems] };
}

export interface DeckSourceOptions {
  /** Load only this folder (`--decks DIR`). */
  decksDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Cards hold only `id` and `type`, no text (see DeckReadOptions). */
  outline?: boolean;
}

/**
 * The deck files to load, in order: bundled then the user's ($AMGI_HOME/decks), or only `decksDir`.
 * Folders that cannot be listed and files that are skipped are added to `problems` (deckFilesIn).
 */
export function deckSources(opts: Pick<DeckSourceOptions, 'decksDir' | 'env'> = {}, problems: DeckProblem[] = []): { file: string; origin: DeckOrigin }[] {
  if (opts.decksDir) return deckFilesIn(opts.decksDir, problems).map((file) => ({ file, origin: 'dir' as const }));
  return [
    ...deckFilesIn(bundledDecksDir(), problems).map((file) => ({ file, origin: 'bundled' as const })),
    ...deckFilesIn(userDecksDir(opts.env), problems).map((file) => ({ file, origin: 'user' as const })),
  ];
}

/**
 * Bundled decks plus the user's, or only `decksDir` when given (or `files`, already listed: the
 * caller reports what listing them found); through the deck cache.
 */
export function loadAllDecks(opts: DeckSourceOptions & { files?: { file: string; origin: DeckOrigin }[] } = {}): DeckSet {
  const listed: DeckProblem[] = [];
  const set = loadDeckFiles(opts.files ?? deckSources(opts, listed), { cacheHome: amgiHome(opts.env), outline: opts.outline });
  return { decks: set.decks, problems: [...listed, ...set.problems] };
}

/**
 * The titles of the study notes the bundled cards cite (decks/sources.json), by seed file name:
 * a card's source line names the note, not its file. Empty when the manifest cannot be read.
 */
export function seedTitles(): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const m = JSON.parse(readFileSync(join(bundledDecksDir(), 'sources.json'), 'utf8')) as { seeds?: { file?: unknown; title?: unknown }[] };
    for (const seed of m.seeds ?? []) if (typeof seed.file === 'string' && typeof seed.title === 'string') out.set(seed.file, seed.title);
  } catch {
    // Only the display suffers: the file name is shown instead.
  }
  return out;
}
