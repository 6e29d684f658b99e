/**
 * Study items: what the scheduler schedules. Most cards are one item; a reversible card
 * is two siblings (forward and reverse) that are never shown on the same day.
 */
import type { Card, Deck } from './types.js';

export type Direction = 'forward' | 'reverse';

export interface StudyItem {
  /** Progress key: the card id, or `<card id>~rev` for the reverse sibling. */
  key: string;
  cardId: string;
  deckId: string;
  direction: Direction;
  card: Card;
}

export const REVERSE_SUFFIX = '~rev';

export function itemKey(cardId: string, direction: Direction): string {
  return direction === 'forward' ? cardId : `${cardId}${REVERSE_SUFFIX}`;
}

export function deckItems(deck: Deck): StudyItem[] {
  const out: StudyItem[] = [];
  for (const card of deck.cards) {
    out.push({ key: card.id, cardId: card.id, deckId: deck.id, direction: 'forward', card });
    if (card.type === 'reversible') {
      out.push({ key: itemKey(card.id, 'reverse'), cardId: card.id, deckId: deck.id, direction: 'reverse', card });
    }
  }
  return out;
}
