/** `--deck ID` and `--tag TAG` checked against the decks that loaded: a usage error names what exists. */
import { UsageError } from '../errors.js';
import { cliText } from '../messages.js';
import { nearestNames } from '../text/nearest.js';
import type { LoadedDeck } from './types.js';

/** Tags named in the error: enough to spot a typo, not a page. */
const TAGS_SHOWN = 20;

export function checkScope(decks: readonly LoadedDeck[], deckId: string | undefined, tag: string | undefined): void {
  if (deckId !== undefined && !decks.some((d) => d.deck.id === deckId)) throw unknownDeck(deckId, decks.map((d) => d.deck.id));
  if (tag === undefined) return;
  const tags = new Set<string>();
  for (const d of decks) if (deckId === undefined || d.deck.id === deckId) for (const c of d.deck.cards) for (const x of c.tags ?? []) tags.add(x);
  if (!tags.has(tag)) throw unknownTag(tag, tags);
}

/** The error for a `--deck` no loaded deck has: the likely typo first (`runtime` → runtimes), then every id. */
export function unknownDeck(id: string, ids: Iterable<string>): UsageError {
  const sorted = [...new Set(ids)].sort();
  return new UsageError(cliText().errors.noDeck(id, sorted, nearestNames(id, sorted, 2)));
}

/** The error for a tag no card has: the likely typo first, as the list is cut after TAGS_SHOWN, often before the tag meant. */
export function unknownTag(tag: string, tags: Iterable<string>): UsageError {
  const sorted = [...new Set(tags)].sort();
  return new UsageError(cliText().errors.noTag(tag, sorted.slice(0, TAGS_SHOWN), nearestNames(tag, sorted, 2), Math.max(0, sorted.length - TAGS_SHOWN)));
}
