/**
 * Query words that only join or compare the others: people search the way they would ask an
 * interviewer (`entrypoint vs cmd`, `difference between cmd and entrypoint`, `VM과 컨테이너 비교`),
 * and a card rarely holds those words. When other words remain they must not make the query find
 * nothing (queryPlan.ts): joining words are dropped, comparing words become optional and stand for
 * each other, so `vs` still ranks the card about a 차이 first; a particle glued to an English word
 * (`VM의`) is optional too. Lower-case, whole query words only.
 */
import { toJamo } from './hangul.js';
import { isParticle } from './particles.js';
import type { Token } from './tokenize.js';

/** Words that join the others (`과` also stands alone after an English word: `VM과` → `vm`, `과`). */
const JOINING = ['and', 'or', 'the', 'between', 'with', '와', '과', '랑', '이랑', '및', '그리고'];
/** Words that ask for a comparison. */
const COMPARING = ['vs', 'versus', 'difference', 'differences', 'compare', 'comparison', '차이', '차이점', '비교'];
/** How cards say it: what a comparing word is also searched as. */
export const COMPARISON_FORMS = ['차이', '비교', 'difference', 'vs'].map(toJamo);

/** `particle`: a particle glued to an English word, which splits it off (`VM의` → `vm`, `의`). */
export type FillerRole = 'joining' | 'comparing' | 'particle';

const ROLE = new Map<string, FillerRole>([...JOINING.map((w) => [toJamo(w), 'joining'] as const), ...COMPARING.map((w) => [toJamo(w), 'comparing'] as const)]);

/** The role of the query's i-th word, undefined for a word that means something. */
export function fillerRole(words: readonly Token[], i: number): FillerRole | undefined {
  const t = words[i]!;
  const jamo = toJamo(t.key);
  const role = ROLE.get(jamo);
  if (role) return role;
  return i > 0 && words[i - 1]!.end === t.start && isParticle(jamo) ? 'particle' : undefined;
}
