/**
 * Queries to ask once, their answers thrown away, while a search screen waits for its first key:
 * the first answers of a session cost several times the later ones (the engine's code not yet
 * compiled by V8, fuse.js's neither), and those are the keys typed first. Made of a card's own
 * words so each stage runs: a one-syllable prefix, a whole word, a second word given as one and
 * as two initial consonants (`레이어 ㄹ`, `레이어 ㄹㅇ`: every word of a consonant is a candidate).
 */
import { hasHangul, toChoseong } from './hangul.js';
import { tokenize } from './tokenize.js';

export function warmUpQueries(text: string): string[] {
  const words = tokenize(text).map((t) => t.key);
  const ko = words.filter(hasHangul);
  const first = ko[0] ?? words[0];
  if (first === undefined) return [];
  const queries = [first.slice(0, 1), first];
  const second = ko.find((w) => w !== first && toChoseong(w).length >= 2);
  if (second) {
    const cho = toChoseong(second);
    queries.push(`${first} ${cho.slice(0, 1)}`, `${first} ${cho.slice(0, 2)}`);
  }
  const latin = words.find((w) => w !== first && /[a-z]/.test(w));
  if (latin) queries.push(latin);
  return queries;
}
