/**
 * Card and deck ids for imported notes. A card id is a short hash of its normalised
 * front, so re-importing an edited file keeps the id (and the progress) of every card
 * whose question did not change, whatever happened around it.
 */
import { romanize } from 'es-hangul';
import { sha256Hex } from '../crypto.js';
import { ID_PATTERN } from '../deck/spec.js';

const ID_RE = new RegExp(ID_PATTERN);
const MAX_ID = 64;
const HASH_CHARS = 10;

/** NFC, trimmed, whitespace collapsed, lower-cased: edits that do not change meaning keep the id. */
export function normalizeForId(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function shortHash(text: string, chars = HASH_CHARS): string {
  return sha256Hex(text).slice(0, chars);
}

/** `<deck>-<hash of the front>`; `occurrence` > 1 separates cards with the same front. */
export function cardIdFor(deckId: string, front: string, occurrence = 1): string {
  const key = occurrence > 1 ? `${normalizeForId(front)}\u0000${occurrence}` : normalizeForId(front);
  const hash = shortHash(key);
  return `${deckId.slice(0, MAX_ID - HASH_CHARS - 1)}-${hash}`;
}

export function isValidId(id: string): boolean {
  return ID_RE.test(id);
}

/**
 * A deck id from a file name: lower-case ASCII letters and digits joined by "-". Hangul is
 * romanised first (`도커 볼륨.md` → `dokeo-bollyum`): the id is what one types after
 * `--deck`, and `deck-bfdbce68` said nothing (walkthrough F25). Names with nothing to keep
 * still get `deck-<hash>` so the id stays stable.
 */
export function slugifyDeckId(name: string): string {
  // Only syllable runs go to es-hangul (it throws on some other text and recurses per
  // character); a file stem longer than this is cut to 48 anyway.
  const latin = name.normalize('NFC').slice(0, 96).replace(/[\uAC00-\uD7A3]+/g, (run) => ` ${romanize(run)} `);
  const base = latin.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = base
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 48) // before the trailing trim, which must stay cheap on any input
    .replace(/[._-]+$/, '');
  return slug && isValidId(slug) ? slug : hashedDeckId(name);
}

/**
 * The id a Korean-named file got before romanisation: a deck already imported under it keeps
 * it on re-import, or every card id (deck id + hash) would change and its progress be lost.
 */
export function hashedDeckId(name: string): string {
  return `deck-${shortHash(name.normalize('NFC'), 8)}`;
}
