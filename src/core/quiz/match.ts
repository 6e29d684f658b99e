/**
 * Typed-answer checking. Learners type Korean with inconsistent spacing (띄어쓰기),
 * mixed case and stray punctuation, so those never make an answer wrong; one jamo or
 * one letter off is "close" and the learner decides.
 */
import { hasHangul, toJamo } from '../search/hangul.js';
import { diffChars, type DiffPart } from './diff.js';

export type Verdict = 'right' | 'close' | 'wrong';

export interface TypedCheck {
  verdict: Verdict;
  /** The accepted answer the input was compared with (the nearest one). */
  expected: string;
  /** Character diff of the input against `expected`, for display. */
  diff: DiffPart[];
}

const PUNCT_OR_SPACE = /[\p{P}\s]+/gu;
const SPACE = /\s+/g;
/** English near misses only count from this length: "run" vs "rm" is not a typo. */
const MIN_LATIN_NEAR_MISS = 5;

/**
 * The comparison key: NFC, lower case, no spaces, no punctuation. When an answer is
 * nothing but punctuation (e.g. `--`), punctuation is kept so it still compares.
 */
export function answerKey(text: string): string {
  const base = text.normalize('NFC').toLowerCase();
  const key = base.replace(PUNCT_OR_SPACE, '');
  return key || base.replace(SPACE, '');
}

export { hasHangul };

/** Levenshtein distance over arrays (characters or jamo), O(n·m) time, O(m) memory. */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Distance used for near misses: jamo-level when Hangul is involved, else characters. */
function nearDistance(typedKey: string, answerKeyText: string): number {
  if (hasHangul(typedKey) || hasHangul(answerKeyText)) {
    return editDistance([...toJamo(typedKey)], [...toJamo(answerKeyText)]);
  }
  return editDistance([...typedKey], [...answerKeyText]);
}

function isNearMiss(typedKey: string, key: string, distance: number): boolean {
  if (distance !== 1 || typedKey.length === 0) return false;
  if (hasHangul(key)) return true;
  return [...key].length >= MIN_LATIN_NEAR_MISS;
}

/** Check a typed answer against the accepted answers (the answer first, then aliases). */
export function checkTyped(typed: string, accepted: readonly string[]): TypedCheck {
  const input = typed.normalize('NFC').trim();
  const typedKey = answerKey(input);
  let best: { text: string; distance: number } | undefined;
  for (const text of accepted) {
    const key = answerKey(text);
    if (typedKey.length > 0 && key === typedKey) {
      return { verdict: 'right', expected: text, diff: diffChars(input, text) };
    }
    const distance = nearDistance(typedKey, key);
    if (!best || distance < best.distance) best = { text, distance };
  }
  const verdict: Verdict = best && isNearMiss(typedKey, answerKey(best.text), best.distance) ? 'close' : 'wrong';
  // A near miss is shown against the form it nearly matched; a wrong (or empty, "reveal")
  // answer against the answer itself: the alias nearest to a wrong guess is not the answer.
  const expected = verdict === 'close' ? best!.text : (accepted[0] ?? '');
  return { verdict, expected, diff: diffChars(input, expected) };
}
