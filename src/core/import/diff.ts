/** What a re-import changes compared with the deck already installed. */
import type { Card, Deck } from '../deck/types.js';
import { canonicalJson } from '../sync/canonical.js';

export interface DeckDiff {
  added: Card[];
  /** Same id (same front), other content: progress is kept. */
  changed: Card[];
  removed: Card[];
  unchanged: number;
}

function sameCard(a: Card, b: Card): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function diffDecks(previous: Deck | undefined, next: Deck): DeckDiff {
  const old = new Map((previous?.cards ?? []).map((c) => [c.id, c]));
  const nextIds = new Set(next.cards.map((c) => c.id));
  const diff: DeckDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const card of next.cards) {
    const before = old.get(card.id);
    if (!before) diff.added.push(card);
    else if (sameCard(before, card)) diff.unchanged++;
    else diff.changed.push(card);
  }
  for (const card of previous?.cards ?? []) if (!nextIds.has(card.id)) diff.removed.push(card);
  return diff;
}
