/** Checks across decks: a deck id or card id may appear only once among all loaded decks. */
import { sha256Hex } from '../crypto.js';
import type { DeckProblem } from './validate.js';
import type { Deck, DeckOrigin, LoadedDeck } from './types.js';

export interface DeckCandidate {
  deck: Deck;
  file: string;
  origin: DeckOrigin;
  /** Raw file text, for the content hash. */
  text: string;
  /** The content hash when already known (a deck from the validated-deck cache carries no text). */
  contentHash?: string;
}

export function contentHash(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

/** Keep the first deck with an id and the first card with an id; report the rest. */
export function combineDecks(candidates: DeckCandidate[]): { decks: LoadedDeck[]; problems: DeckProblem[] } {
  const problems: DeckProblem[] = [];
  const deckIds = new Map<string, string>();
  const cardIds = new Map<string, string>();
  const decks: LoadedDeck[] = [];
  candidates.forEach((c, i) => {
    const firstFile = deckIds.get(c.deck.id);
    if (firstFile !== undefined) {
      problems.push({ file: c.file, severity: 'error', message: `duplicate deck id "${c.deck.id}" (already used by ${firstFile}); this deck was not loaded`, hint: 'give the deck a new "id"' });
      return;
    }
    deckIds.set(c.deck.id, c.file);
    const cards = cardIds.size === 0 ? c.deck.cards : c.deck.cards.filter((card) => {
      const other = cardIds.get(card.id);
      if (other === undefined) return true;
      problems.push({ file: c.file, severity: 'error', message: `duplicate card id "${card.id}" (already used in deck "${other}"); this card was skipped`, hint: 'card ids must be unique across all decks' });
      return false;
    });
    // The last deck's ids are checked against the others, never looked up (10k sets saved at start-up).
    if (i < candidates.length - 1) for (const card of cards) cardIds.set(card.id, c.deck.id);
    decks.push({ deck: { ...c.deck, cards }, file: c.file, origin: c.origin, contentHash: c.contentHash ?? contentHash(c.text) });
  });
  return { decks, problems };
}
