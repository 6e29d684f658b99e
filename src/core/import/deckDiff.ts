/** What a re-import changes compared with the deck already installed. */
import type { Card, Deck } from '../deck/types.js';
import { canonicalJson } from '../sync/canonical.js';
import { answerText } from '../deck/cards.js';
import { normalizeForId } from './ids.js';

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

export interface Rename {
  /** The installed card: its id (and so its progress) is the one to keep. */
  from: Card;
  /** The re-imported card, whose id came from the reworded question. */
  to: Card;
  /**
   * Same question as `from`: a rename kept on an earlier import (the deck stores the old id,
   * the file's question hashes to another). Kept without asking again.
   */
  kept: boolean;
}

/** What identifies a card's content apart from its question: type and answer. */
function answerKey(c: Card): string | undefined {
  // A cloze card is all question: rewording it leaves nothing to match on.
  if (c.type === 'cloze') return undefined;
  const answer = normalizeForId(answerText(c));
  return answer ? `${c.type}\u0000${answer}` : undefined;
}

/**
 * Added cards that look like removed ones reworded: the same question (a rename kept before),
 * or the same type and answer, one to one — an answer shared by two added or two removed
 * cards says nothing about which is which, so it is not offered.
 */
export function findRenames(diff: Pick<DeckDiff, 'added' | 'removed'>): Rename[] {
  const renames: Rename[] = [];
  const taken = new Set<Card>();
  const byFront = new Map(diff.removed.map((c) => [normalizeForId(c.front), c]));
  for (const to of diff.added) {
    const from = byFront.get(normalizeForId(to.front));
    if (from && from.type === to.type && !taken.has(from)) {
      renames.push({ from, to, kept: true });
      taken.add(from);
    }
  }
  const group = (cards: Card[]) => {
    const m = new Map<string, Card[]>();
    for (const c of cards) {
      const k = answerKey(c);
      if (k !== undefined && !taken.has(c)) m.set(k, [...(m.get(k) ?? []), c]);
    }
    return m;
  };
  const removed = group(diff.removed);
  const keptTo = new Set(renames.map((r) => r.to));
  for (const [key, tos] of group(diff.added.filter((c) => !keptTo.has(c)))) {
    const froms = removed.get(key);
    if (tos.length === 1 && froms?.length === 1) renames.push({ from: froms[0]!, to: tos[0]!, kept: false });
  }
  return renames;
}

/** The deck with each accepted rename's card under its old id (progress is kept by id). */
export function keepOldIds(deck: Deck, accepted: readonly Rename[]): Deck {
  const oldId = new Map(accepted.map((r) => [r.to.id, r.from.id]));
  return { ...deck, cards: deck.cards.map((c) => (oldId.has(c.id) ? { ...c, id: oldId.get(c.id)! } : c)) };
}
