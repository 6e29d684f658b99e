/** Checks across decks: a deck id or card id may appear only once among all loaded decks. */
import { createHash } from 'node:crypto';
import type { DeckProblem } from './validate.js';
import type { Deck, DeckOrigin, LoadedDeck } from './types.js';

export interface DeckCandidate {
  deck: Deck;
  file: string;
  origin: DeckOrigin;
  /** Raw file text, for the content hash. */
  text: string;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Keep the first deck with an id and the first card with an id; report the rest. */
export function combineDecks(candidates: DeckCandidate[]): { decks: LoadedDeck[]; problems: DeckProblem[] } {
  const problems: DeckProblem[] = [];
  const deckIds = new Map<string, string>();
  const cardIds = new Map<string, string>();
  const decks: LoadedDeck[] = [];
  for (const c of candidates) {
    const firstFile = deckIds.get(c.deck.id);
    if (firstFile !== undefined) {
      problems.push({ file: c.file, severity: 'error', message: `duplicate deck id "${c.deck.id}" (already used by ${firstFile}); this deck was not loaded`, hint: 'give the deck a new "id"' });
      continue;
    }
    deckIds.set(c.deck.id, c.file);
    const cards = c.deck.cards.filter((card) => {
      const other = cardIds.get(card.id);
      if (other === undefined) return true;
      problems.push({ file: c.file, severity: 'error', message: `duplicate card id "${card.id}" (already used in deck "${other}"); this card was skipped`, hint: 'card ids must be unique across all decks' });
      return false;
    });
    for (const card of cards) cardIds.set(card.id, c.deck.id);
    decks.push({ deck: { ...c.deck, cards }, file: c.file, origin: c.origin, contentHash: contentHash(c.text) });
  }
  return { decks, problems };
}
