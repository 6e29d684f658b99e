/**
 * Hangul keys for search: jamo disassembly and initial consonants (choseong).
 * The same results as es-hangul's `disassemble` (a test checks every syllable), but table-driven:
 * es-hangul costs ~70 ms per 1k cards, which an index build of 10k cards cannot afford.
 */
import { convertQwertyToHangul } from 'es-hangul';

/** Syllables, conjoining jamo and compatibility jamo. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** Any Hangul in the text (quiz answer matching, an imported deck's language). */
export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}

const CHO = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const JUNG = ['ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅗㅏ', 'ㅗㅐ', 'ㅗㅣ', 'ㅛ', 'ㅜ', 'ㅜㅓ', 'ㅜㅔ', 'ㅜㅣ', 'ㅠ', 'ㅡ', 'ㅡㅣ', 'ㅣ'];
const JONG = ['', 'ㄱ', 'ㄲ', 'ㄱㅅ', 'ㄴ', 'ㄴㅈ', 'ㄴㅎ', 'ㄷ', 'ㄹ', 'ㄹㄱ', 'ㄹㅁ', 'ㄹㅂ', 'ㄹㅅ', 'ㄹㅌ', 'ㄹㅍ', 'ㄹㅎ', 'ㅁ', 'ㅂ', 'ㅂㅅ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
/** Compound compatibility jamo typed on their own (a half-finished syllable ends with one). */
const COMPAT_SPLIT: Record<string, string> = {
  ㄳ: 'ㄱㅅ', ㄵ: 'ㄴㅈ', ㄶ: 'ㄴㅎ', ㄺ: 'ㄹㄱ', ㄻ: 'ㄹㅁ', ㄼ: 'ㄹㅂ', ㄽ: 'ㄹㅅ', ㄾ: 'ㄹㅌ', ㄿ: 'ㄹㅍ', ㅀ: 'ㄹㅎ', ㅄ: 'ㅂㅅ',
  ㅘ: 'ㅗㅏ', ㅙ: 'ㅗㅐ', ㅚ: 'ㅗㅣ', ㅝ: 'ㅜㅓ', ㅞ: 'ㅜㅔ', ㅟ: 'ㅜㅣ', ㅢ: 'ㅡㅣ',
};

const SYLLABLE_BASE = 0xac00;
const SYLLABLE_COUNT = 11172;

let table: string[] | undefined;
function syllableTable(): string[] {
  if (table) return table;
  table = new Array<string>(SYLLABLE_COUNT);
  for (let i = 0; i < SYLLABLE_COUNT; i++) {
    table[i] = CHO[Math.floor(i / 588)]! + JUNG[Math.floor((i % 588) / 28)]! + JONG[i % 28]!;
  }
  return table;
}

function isSyllable(code: number): boolean {
  return code >= SYLLABLE_BASE && code < SYLLABLE_BASE + SYLLABLE_COUNT;
}

/** Every syllable as its letters: 컨텡 → ㅋㅓㄴㅌㅔㅇ, so a half-typed word is a prefix of the whole word. */
export function toJamo(text: string): string {
  const t = syllableTable();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSyllable(code)) out += t[code - SYLLABLE_BASE];
    else {
      const ch = text[i]!;
      out += COMPAT_SPLIT[ch] ?? ch;
    }
  }
  return out;
}

/** Number of jamo letters each character of `text` becomes (to map jamo offsets back to characters). */
export function jamoLength(ch: string): number {
  const code = ch.charCodeAt(0);
  if (isSyllable(code)) return syllableTable()[code - SYLLABLE_BASE]!.length;
  return (COMPAT_SPLIT[ch] ?? ch).length;
}

/** Syllables replaced by their initial consonant, everything else kept: 컨테이너 → ㅋㅌㅇㄴ. */
export function toChoseong(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isSyllable(code) ? CHO[Math.floor((code - SYLLABLE_BASE) / 588)] : text[i];
  }
  return out;
}

const CONSONANT = /^[ㄱ-ㅎ]+$/;
/** Only initial consonants (ㄹㅇㅇ): a choseong query. */
export function isChoseongOnly(text: string): boolean {
  return CONSONANT.test(text);
}

const QWERTY = /^[a-zA-Z]+$/;
/**
 * What a Latin word would have been with the Korean IME on (ehzj → 도커), or undefined when the
 * word is not plain letters or gives no Hangul.
 */
export function qwertyToHangul(word: string): string | undefined {
  if (!QWERTY.test(word)) return undefined;
  try {
    const h = convertQwertyToHangul(word);
    return /[\uac00-\ud7a3]/.test(h) ? h : undefined;
  } catch {
    return undefined;
  }
}
