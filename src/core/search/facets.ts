/**
 * What a filter can name: the tags that exist (with how many cards carry each) and the deck ids.
 * `#` or `deck:` typed alone lists these, since nothing else tells a user the names to type.
 */
import type { LoadedDeck } from '../deck/types.js';

export type FilterKind = '#' | 'deck:';

export interface FilterChoice {
  /** What goes into the query, `#image` or `deck:runtimes`. */
  value: string;
  /** Cards it selects. */
  count: number;
  /** The deck title, for a deck. */
  title?: string;
}

/** Tags by how many cards carry them (most first, then by name), or decks in their order. */
export function filterChoices(decks: LoadedDeck[], kind: FilterKind): FilterChoice[] {
  if (kind === 'deck:') return decks.map(({ deck }) => ({ value: `deck:${deck.id}`, count: deck.cards.length, title: deck.title }));
  // Tags match case-insensitively (query.ts), so `Image` and `image` are one tag.
  const counts = new Map<string, number>();
  for (const { deck } of decks) {
    for (const card of deck.cards) for (const tag of new Set((card.tags ?? []).map((t) => t.toLowerCase()))) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([tag, count]) => ({ value: `#${tag}`, count }));
}

/** The filter being started at the end of the query: its last word is `#` or `deck:` alone. */
export function pendingFilter(query: string): FilterKind | undefined {
  const last = /(^|\s)(#|deck:)$/i.exec(query);
  return last ? (last[2]!.toLowerCase() as FilterKind) : undefined;
}

/** The query with its pending filter replaced by the choice, and a space to type on. */
export function completeFilter(query: string, choice: FilterChoice): string {
  return query.replace(/(#|deck:)$/i, `${choice.value} `);
}
