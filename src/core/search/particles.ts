/**
 * Korean particles and endings glued to a noun: `레이어란`, `컨테이너는`, `가상화된`. A word that is
 * the query plus one of these counts as an exact word match, not a prefix.
 */
import { toJamo } from './hangul.js';

const PARTICLES = [
  '은', '는', '이', '가', '을', '를', '의', '에', '에서', '에게', '와', '과', '로', '으로', '도', '만', '란', '이란',
  '이다', '입니다', '이며', '이고', '라고', '이라고', '처럼', '보다', '까지', '부터', '들', '들은', '들이', '들을', '들의',
  // Two particles together (`쓰기 레이어에도`, `이미지에는`, `레이어라는`).
  '에도', '에는', '에서도', '에서는', '에게는', '로는', '으로는', '로도', '으로도', '와는', '과는', '까지도', '부터는', '라는', '이라는',
  '하는', '한', '할', '하다', '한다', '합니다', '해서', '하여', '하고', '하며', '된', '되는', '되다', '된다', '됩니다', '시킨다', '시키는', '적', '적인', '적으로', '인', '이나', '나',
];

/** Particle jamo → its syllable count. */
const JAMO = new Map(PARTICLES.map((p) => [toJamo(p), p.length]));
const MAX = Math.max(...[...JAMO.keys()].map((p) => p.length));

/** `word` (jamo) is `query` (jamo) followed by a particle. */
export function isQueryPlusParticle(word: string, query: string): boolean {
  const extra = word.length - query.length;
  return extra > 0 && extra <= MAX && word.startsWith(query) && JAMO.has(word.slice(query.length));
}

/** `word` (jamo) is a particle on its own: `Docker란` is tokenized `docker`, `란`. */
export function isParticle(word: string): boolean {
  return JAMO.has(word);
}

/** Syllables of the particle ending `word` (jamo), or 0: `레이어란` → 1, so its initials ㄹㅇㅇㄹ end in one particle. */
export function particleSyllables(word: string): number {
  for (let n = Math.min(MAX, word.length - 2); n > 0; n--) {
    const syllables = JAMO.get(word.slice(word.length - n));
    if (syllables !== undefined) return syllables;
  }
  return 0;
}
