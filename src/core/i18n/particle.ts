/**
 * The object particle 을/를 after a Korean phrase, chosen by how its last syllable ends (a final
 * consonant takes 을). A closing bracket or quote is looked past, as the particle is read after
 * the word inside ("덱 3개(카드 20장)을"). Digits are read as Sino-Korean numbers (3 삼 → 을, 2 이 → 를).
 * Anything else (a file name, Latin letters) keeps the written-out choice "을(를)".
 * Not es-hangul's josa (the project's dependency): this catalogue is in the CLI script every
 * command loads, es-hangul is kept out of it (it loads with search and import only), and josa
 * reads neither digits nor a closing bracket.
 */
const DIGIT_HAS_FINAL = [true, true, false, true, false, false, true, true, true, false];

export function objectParticle(phrase: string): string {
  const last = phrase.replace(/[\s)"'”’\]]+$/u, '').slice(-1);
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 === 0 ? '를' : '을';
  if (last >= '0' && last <= '9') return DIGIT_HAS_FINAL[code - 48] ? '을' : '를';
  return '을(를)';
}
