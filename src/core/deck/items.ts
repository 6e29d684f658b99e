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
  /** The key of the other direction of a reversible card (its sibling in the decks); none for other cards. */
  sibling?: string;
}

const REVERSE_SUFFIX = '~rev';

function itemKey(cardId: string, direction: Direction): string {
  return direction === 'forward' ? cardId : `${cardId}${REVERSE_SUFFIX}`;
}

export function deckItems(deck: Deck): StudyItem[] {
  const out: StudyItem[] = [];
  for (const card of deck.cards) {
    if (card.type === 'reversible') {
      const reverse = itemKey(card.id, 'reverse');
      out.push({ key: card.id, cardId: card.id, deckId: deck.id, direction: 'forward', card, sibling: reverse });
      out.push({ key: reverse, cardId: card.id, deckId: deck.id, direction: 'reverse', card, sibling: card.id });
    } else {
      out.push({ key: card.id, cardId: card.id, deckId: deck.id, direction: 'forward', card });
    }
  }
  return out;
}
