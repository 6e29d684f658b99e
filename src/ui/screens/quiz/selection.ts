/** The items a quiz asks from, and the pool its distractors come from. */
import { deckItems, type StudyItem } from '../../../core/deck/items.js';
import type { LoadedDeck } from '../../../core/deck/types.js';

export interface QuizSelection {
  deckId?: string;
  tag?: string;
  keys?: readonly string[];
}

export function allItems(decks: readonly LoadedDeck[]): StudyItem[] {
  return decks.flatMap((d) => deckItems(d.deck));
}

export function selectItems(items: readonly StudyItem[], sel: QuizSelection): StudyItem[] {
  const keys = sel.keys && new Set(sel.keys);
  return items.filter((it) => (!sel.deckId || it.deckId === sel.deckId) && (!sel.tag || (it.card.tags ?? []).includes(sel.tag)) && (!keys || keys.has(it.key)));
}
