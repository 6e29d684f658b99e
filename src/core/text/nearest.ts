/** The names a mistyped word most likely meant: `amgi reveiw`, `amgi unsuspend vm-guest-userlnd`. */
import { editDistance } from './editDistance.js';

/**
 * The closest of `names` to `word`, best first, at most `limit`: within two edits (a third of
 * the name's length at most, so a short name is not matched by anything), or a name that begins
 * with it (`stat` → status; half an edit). Only names at the best distance found are kept.
 */
export function nearestNames(word: string, names: Iterable<string>, limit = 1): string[] {
  const w = [...word];
  let best = Infinity;
  let found: string[] = [];
  for (const name of names) {
    const max = Math.min(2, Math.floor(name.length / 3));
    // More than `max` apart in length: more than `max` edits (skips the distance at 100k ids).
    if (Math.abs(name.length - word.length) > max && !(word.length >= 2 && name.startsWith(word))) continue;
    const d = name.startsWith(word) && word.length >= 2 ? 0.5 : editDistance(w, [...name]);
    if (d > max || d > best) continue;
    if (d < best) {
      best = d;
      found = [];
    }
    if (found.length < limit && !found.includes(name)) found.push(name);
  }
  return found;
}
