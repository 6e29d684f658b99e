/**
 * The ranking stage: fuse.js scores the few hundred candidates the vocabulary stage found. It sees the
 * same keys the vocabulary used (lower-case jamo, or initial consonants for a ㄹㅇㅇ query), so its
 * bitap fuzzy matching works on Korean letters, and its key weights and field-length norm decide the
 * order within a tier (a short front that matches beats a long answer that mentions the word).
 */
import Fuse from 'fuse.js';

/** A card as fuse.js sees it. Aliases and tags are lists: fuse.js scores each entry on its own, so an alias that IS the query counts fully. */
export interface RankDoc {
  f: string;
  a: string[];
  t: string[];
  b: string;
}

const KEYS = [
  { name: 'f', weight: 4 },
  { name: 'a', weight: 2 },
  { name: 't', weight: 2 },
  { name: 'b', weight: 1 },
];
// No deck-title key: the candidate stage already scores a title match, and it is the same for every
// card of a deck, so bitap over it (a sixth of fuse.js's time) ordered nothing.

/**
 * fuse.js score (0 best … 1 worst) for each doc, 1 where it found nothing. `groups` are the query's
 * alternatives (each a list of words that must all match), best first.
 */
export function fuseScores(docs: RankDoc[], groups: string[][]): number[] {
  const scores = new Array<number>(docs.length).fill(1);
  const query = groups
    .filter((g) => g.length > 0)
    .map((g) => g.join(' '))
    .join(' | ');
  if (!query || docs.length === 0) return scores;
  const fuse = new Fuse(docs, {
    keys: KEYS,
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.3,
    useExtendedSearch: true,
    shouldSort: false,
  });
  for (const r of fuse.search(query)) scores[r.refIndex] = r.score ?? 1;
  return scores;
}
