/**
 * Typo distance: optimal string alignment (Levenshtein plus swapping two neighbours, so `dokcer`
 * is one edit from `docker`), measured against the best PREFIX of the word, so `컨테이더` finds
 * `컨테이너는`. Bounded: gives up as soon as every path costs more than `max`.
 */

/** Edits needed to turn `query` into some prefix of `word`, or `max + 1` when more than `max`. */
export function prefixDistance(query: string, word: string, max: number): number {
  const m = query.length;
  // Only prefixes within `max` of the query's length can be close enough.
  const n = Math.min(word.length, m + max);
  if (m === 0) return 0;
  if (n < m - max) return max + 1;
  // rows over word positions 0..n; three rows for the transposition step.
  let prev2 = new Array<number>(n + 1);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const qc = query.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const wc = word.charCodeAt(j - 1);
      const cost = qc === wc ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && qc === word.charCodeAt(j - 2) && query.charCodeAt(i - 2) === wc) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  // `prev` now holds the last row: the best prefix of `word`.
  let best = max + 1;
  for (let j = Math.max(0, m - max); j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/** Typos tolerated in a query word of `length` letters (jamo for Korean). */
export function allowedTypos(length: number): number {
  if (length < 4) return 0;
  return length >= 8 ? 2 : 1;
}
