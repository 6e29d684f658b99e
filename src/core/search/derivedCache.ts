/** A deck's derived search data (derive.ts) from the cache when the entry is current and sound, else built and cached. */
import type { LoadedDeck } from '../deck/types.js';
import { DERIVED_VERSION, FIELD_SLOTS, deckFingerprint, deriveDeck, type DeckDerived, type DerivedCache } from './derive.js';

export function derivedFor(d: LoadedDeck, cache?: DerivedCache): DeckDerived {
  const fingerprint = deckFingerprint(d.deck);
  const hit = cache?.get(d.deck.id, d.contentHash);
  if (hit && hit.version === DERIVED_VERSION && hit.fingerprint === fingerprint && consistent(hit, d.deck.cards.length)) return hit;
  const fresh = deriveDeck(d.deck);
  cache?.set(d.deck.id, d.contentHash, fresh);
  return fresh;
}

/** A cached entry's arrays fit together and point at real cards (a damaged file must not index past them). */
function consistent(d: DeckDerived, cards: number): boolean {
  const words = d.jamo.length;
  const entries = words + d.pairs.length / 2;
  if (d.cho.length !== words || d.pairs.length % 2 !== 0 || d.postStart.length !== entries + 1) return false;
  if (d.postStart[0] !== 0 || d.postStart[entries] !== d.postings.length) return false;
  for (let k = 0; k < entries; k++) if (d.postStart[k]! > d.postStart[k + 1]!) return false;
  for (const w of d.pairs) if (w < 0 || w >= words) return false;
  const limit = cards * FIELD_SLOTS;
  for (const p of d.postings) if (p < 0 || p >= limit) return false;
  return d.jamo.every((j, i) => typeof j === 'string' && j.length > 0 && typeof d.cho[i] === 'string');
}
