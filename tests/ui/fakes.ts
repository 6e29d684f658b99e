/**
 * A substring search engine for screen tests that are not about search: instant, with
 * predictable highlights. There is no fake store: screen tests run over the real store in a
 * temporary folder (realStore.ts); no test here needs a failure the real store cannot produce.
 */
import type { Card, LoadedDeck } from '../../src/core/deck/types.js';
import { answerText, frontText } from '../../src/core/deck/cards.js';
import type { SearchEngine, SearchHit } from '../../src/ui/context.js';

function ranges(text: string, q: string): [number, number][] {
  const out: [number, number][] = [];
  if (!q) return out;
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + q.length)) out.push([at, at + q.length]);
  return out;
}

/** Substring search with highlights: enough to drive the search screen. */
export function fakeSearch(decks: LoadedDeck[]): SearchEngine {
  const cards: { card: Card; deck: LoadedDeck }[] = decks.flatMap((d) => d.deck.cards.map((card) => ({ card, deck: d })));
  const engine: SearchEngine = {
    size: cards.length,
    search: (query, opts) => engine.find(query, opts).hits,
    find(query, opts = {}) {
      const q = query.trim();
      const hits: SearchHit[] = [];
      for (const { card, deck } of cards) {
        const front = ranges(frontText(card), q);
        const back = ranges(answerText(card), q);
        if (front.length || back.length) {
          hits.push({ card, deckId: deck.deck.id, deckTitle: deck.deck.title, score: front.length ? 0 : 0.5, matchKind: 'exact', highlights: { front, back } });
        }
      }
      return { hits: hits.slice(0, opts.limit ?? 20), total: hits.length, atLeast: false };
    },
  };
  return engine;
}
