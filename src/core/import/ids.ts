/**
 * Card and deck ids for imported notes. A card id is a short hash of its normalised
 * front, so re-importing an edited file keeps the id (and the progress) of every card
 * whose question did not change, whatever happened around it.
 */
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
 * A deck id from a file name: lower-case ASCII letters and digits joined by "-".
 * Names with no ASCII letters (e.g. `도커.md`) get `deck-<hash>` so the id stays stable.
 */
export function slugifyDeckId(name: string): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = base
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 48) // before the trailing trim, which must stay cheap on any input
    .replace(/[._-]+$/, '');
  return slug && isValidId(slug) ? slug : `deck-${shortHash(name.normalize('NFC'), 8)}`;
}
