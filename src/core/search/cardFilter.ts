/** The `#tag`, `deck:id` and "phrase" filters of a query, and the deckId option, as a card predicate. */
import type { Card, LoadedDeck } from '../deck/types.js';
import { cardFieldTexts } from './derive.js';
import type { ParsedQuery } from './query.js';

export class CardFilter {
  /** Deck ids and card texts in lower case, made on first use. */
  private lowerDeckIds?: string[];
  private readonly lowerTexts: (string | undefined)[] = [];
  private readonly lowerTags: (string[] | undefined)[] = [];

  constructor(
    private readonly decks: LoadedDeck[],
    private readonly cards: Card[],
    /** Card index → deck index. */
    private readonly cardDeck: number[],
  ) {}

  predicate(q: ParsedQuery, deckId?: string): (card: number) => boolean {
    const lowerIds = (this.lowerDeckIds ??= this.decks.map((d) => d.deck.id.toLowerCase()));
    return (i) => {
      const deck = this.cardDeck[i]!;
      if (deckId !== undefined && this.decks[deck]!.deck.id !== deckId) return false;
      if (q.decks.length && !q.decks.some((d) => lowerIds[deck]!.startsWith(d))) return false;
      return this.tagsMatch(q, i) && this.phrasesMatch(q, i);
    };
  }

  private tagsMatch(q: ParsedQuery, i: number): boolean {
    if (!q.tags.length) return true;
    // Kept once made: counting a filter's matches walks every card on each keystroke.
    const tags = (this.lowerTags[i] ??= (this.cards[i]!.tags ?? []).map((t) => t.toLowerCase()));
    return q.tags.every((t) => tags.some((tag) => tag.startsWith(t)));
  }

  private phrasesMatch(q: ParsedQuery, i: number): boolean {
    if (!q.phrases.length) return true;
    // Built once per card, when a phrase first needs it: not on every keystroke.
    const text = (this.lowerTexts[i] ??= cardFieldTexts(this.cards[i]!).join('\n').toLowerCase());
    return q.phrases.every((p) => text.includes(p));
  }
}
