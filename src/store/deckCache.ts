/**
 * The validated-deck cache, `$AMGI_HOME/cache/decks/<nameHash of the deck path>.json`: a deck file
 * that passed validation, already NFC-normalised and sanitised, so an unchanged deck skips
 * validation (60 ms for a 10k-card deck) on every start. One file per deck, two sealed segments
 * (each with its own checksum, see sealed.ts):
 *   1. a header: the deck file's stat, its SHA-256, its content hash, its warnings, and an
 *      outline (deck id, title, card ids, which cards are reversible) that `amgi status` reads
 *      without parsing any card text;
 *   2. the sanitised deck as JSON, checked only when a caller asks for the deck (status never does).
 * Never stale: the header is trusted on stat alone (size, mtime, ctime, inode) only when the
 * file was last modified more than RACY_MS before it was read (an edit within the same
 * timestamp tick keeps the stat: git's "racy clean" problem); otherwise, or when the stat
 * differs, the file is read and its SHA-256 compared. Decks with errors are never cached
 * (their problems are reported on every run). A damaged entry (cut short, garbled, zero-filled:
 * entries are not fsync'd) fails its checksum: it is deleted and the deck file is read instead,
 * so the damage is never reported as the deck file's. A failed write is ignored: the deck file is
 * the truth.
 */
import { nameHash, sha256Hex } from '../core/crypto.js';
import { readdirSync, readFileSync, rmSync, type Stats } from 'node:fs';
import { writeFileAtomic } from './atomicFile.js';
import { dropDamaged, seal, segmentAt } from './sealed.js';
import { join, resolve } from 'node:path';
import type { Deck } from '../core/deck/types.js';
import type { DeckProblem } from './../core/deck/validate.js';

/** Bump when validation or sanitising changes what a deck file turns into. */
const DECK_CACHE_FORMAT = 2;
/** A file modified this close to (or after) the moment it was read is verified by content. */
export const RACY_MS = 2000;

/** A problem without its file name (the name shown depends on the working directory). */
export type CachedProblem = Omit<DeckProblem, 'file'>;

/** What `amgi status` needs of a deck: no card text. */
export interface DeckOutline {
  id: string;
  title: string;
  /** Card ids in deck order. */
  ids: string[];
  /** Indices (into ids) of reversible cards: each is two study items. */
  rev: number[];
}

interface StatKey {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

interface Header extends StatKey {
  format: number;
  path: string;
  /** Date.now() taken before the file was stat'ed and read. */
  checkedAt: number;
  sha256: string;
  contentHash: string;
  problems: CachedProblem[];
  outline: DeckOutline;
}

export interface CacheHit {
  contentHash: string;
  problems: CachedProblem[];
  outline: DeckOutline;
  /** The sanitised deck (parsed on demand: status never needs it); undefined when the entry is damaged (then deleted). */
  deck(): Deck | undefined;
}

export function deckCacheDir(home: string): string {
  return join(home, 'cache', 'decks');
}

function cacheFile(home: string, path: string): string {
  return join(deckCacheDir(home), `${nameHash(path)}.json`);
}

const statKey = (st: Stats): StatKey => ({ size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });
const sameStat = (h: StatKey, st: Stats) => h.size === st.size && h.mtimeMs === st.mtimeMs && h.ctimeMs === st.ctimeMs && h.ino === st.ino;
/** A file modified this close to (or after) `checkedAt` may change again without changing its stat. */
export const isRacy = (h: { mtimeMs: number; checkedAt: number }) => h.mtimeMs >= h.checkedAt - RACY_MS;

export function outlineOf(deck: Deck): DeckOutline {
  const rev: number[] = [];
  deck.cards.forEach((c, i) => c.type === 'reversible' && rev.push(i));
  return { id: deck.id, title: deck.title, ids: deck.cards.map((c) => c.id), rev };
}

function isHeader(h: unknown, path: string): h is Header {
  const x = h as Partial<Header> | null;
  return (
    !!x &&
    x.format === DECK_CACHE_FORMAT &&
    x.path === path &&
    typeof x.size === 'number' &&
    typeof x.mtimeMs === 'number' &&
    typeof x.ctimeMs === 'number' &&
    typeof x.ino === 'number' &&
    typeof x.checkedAt === 'number' &&
    typeof x.sha256 === 'string' &&
    typeof x.contentHash === 'string' &&
    Array.isArray(x.problems) &&
    !!x.outline &&
    typeof x.outline.id === 'string' &&
    typeof x.outline.title === 'string' &&
    Array.isArray(x.outline.ids) &&
    Array.isArray(x.outline.rev)
  );
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Entries named by an earlier build (40 hex digits: SHA-1 of the path): never read again. */
let legacySwept = false;

function writeEntry(home: string, path: string, header: Header, deckJson: string | Buffer): void {
  try {
    writeFileAtomic(cacheFile(home, path), Buffer.concat([seal(JSON.stringify(header)), seal(deckJson)]), { durable: false });
    if (!legacySwept) {
      legacySwept = true;
      for (const name of readdirSync(deckCacheDir(home))) if (/^[0-9a-f]{40}\.json$/.test(name)) rmSync(join(deckCacheDir(home), name), { force: true });
    }
  } catch {
    // Best effort (read-only home, full disk): the next run validates again.
  }
}

/**
 * The cached deck for `file` (stat'ed as `st` at `checkedAt`, before reading), or no hit.
 * `readBytes` reads the deck file; it is called only when the stat alone cannot be trusted,
 * and the bytes are returned so a miss does not read the file twice.
 */
export function lookupDeck(home: string, file: string, st: Stats, checkedAt: number, readBytes: () => Buffer): { hit?: CacheHit; bytes?: Buffer } {
  const path = resolve(file);
  const entry = cacheFile(home, path);
  let raw: Buffer;
  try {
    raw = readFileSync(entry);
  } catch {
    return {};
  }
  // Only the header is checked and decoded here: the deck segment (most of the file) when a caller asks for it.
  const head = segmentAt(raw);
  const body = head && segmentAt(raw, head.end);
  const header = head && body?.end === raw.length && head.intact() ? parseJson(head.payload) : undefined;
  if (!isHeader(header, path)) {
    // Damaged, another format or another path's: never used, so never left to be read again.
    dropDamaged(entry);
    return {};
  }
  const deckOf = (): Deck | undefined => {
    const deck = body!.intact() ? (parseJson(body!.payload) as Deck | undefined) : undefined;
    if (deck && typeof deck === 'object' && Array.isArray(deck.cards) && deck.cards.length === header.outline.ids.length) return deck;
    dropDamaged(entry);
    return undefined;
  };
  const hit: CacheHit = { contentHash: header.contentHash, problems: header.problems, outline: header.outline, deck: deckOf };
  if (sameStat(header, st) && !isRacy(header)) return { hit };
  const bytes = readBytes();
  if (sha256Hex(bytes) !== header.sha256) return { bytes };
  // Same content: record the new stat (or that it is no longer racy) so the next run skips the hash.
  // Never re-seal a damaged deck segment: a fresh checksum would hide the damage.
  if (!sameStat(header, st) || !isRacy({ mtimeMs: st.mtimeMs, checkedAt })) {
    if (!body!.intact()) {
      dropDamaged(entry);
      return { bytes };
    }
    writeEntry(home, path, { ...header, ...statKey(st), checkedAt }, body!.payload);
  }
  return { hit, bytes };
}

/** Cache a deck that validated without errors (warnings are kept and replayed). */
/** `sha256`: of the file's bytes (its first 16 digits are the deck's content hash). */
export function storeDeck(home: string, file: string, st: Stats, checkedAt: number, sha256: string, deck: Deck, problems: DeckProblem[]): void {
  if (problems.some((p) => p.severity === 'error')) return;
  const path = resolve(file);
  const header: Header = {
    format: DECK_CACHE_FORMAT,
    path,
    ...statKey(st),
    checkedAt,
    sha256,
    contentHash: sha256.slice(0, 16),
    problems: problems.map(({ file: _, ...rest }) => rest),
    outline: outlineOf(deck),
  };
  writeEntry(home, path, header, JSON.stringify(deck));
}

/** Drop the entry of a deck that no longer validates (best effort). */
export function forgetDeck(home: string, file: string): void {
  try {
    rmSync(cacheFile(home, resolve(file)), { force: true });
  } catch {
    // A stale entry is harmless: its stat and hash no longer match the file.
  }
}
