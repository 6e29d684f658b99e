/** Decks → JSON files in the deck format, keys in the order people read them. */
import type { Card, Deck } from '../deck/types.js';

const CARD_KEYS = ['id', 'type', 'front', 'back', 'answer', 'distractors', 'steps', 'points', 'aliases', 'tags', 'topic', 'source', 'note'] as const;

function ordered(card: Card): Record<string, unknown> {
  const src = card as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of CARD_KEYS) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out;
}

/** The deck as a JSON file; `schema` replaces its `$schema` when given. */
export function deckToJson(deck: Deck, schema?: string): string {
  const $schema = schema ?? deck.$schema;
  const out = {
    ...($schema ? { $schema } : {}),
    id: deck.id,
    title: deck.title,
    description: deck.description,
    language: deck.language,
    ...(deck.order !== undefined ? { order: deck.order } : {}),
    cards: deck.cards.map(ordered),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
