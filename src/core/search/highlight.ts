/** Matched spans in a card's text, [start, end) in UTF-16 offsets, for the UI to highlight. */
import { jamoLength, toChoseong, toJamo } from './hangul.js';
import { classify, type Part, type WordHit } from './wordMatch.js';
import { isCompound, tokenize } from './tokenize.js';

export type Span = [number, number];

/** A word of the text (or a pair written apart), with what is needed to map key offsets back to the text. */
interface Word {
  key: string;
  jamo: string;
  cho: string;
  /** The first word's start and key length; for a pair, where the second word starts. */
  start: number;
  firstLength: number;
  secondStart: number;
  /** Lower-casing kept the length (almost always); otherwise the word is marked whole. */
  sameLength: boolean;
  end: number;
}

/**
 * The words of the texts highlighted lately. Search highlights the shown hits again on every
 * key typed, mostly the same cards, and splitting a text into words (as jamo) was half the cost.
 */
const WORDS_KEPT = 512;
const wordsOf = new Map<string, readonly Word[]>();

function words(text: string): readonly Word[] {
  let kept = wordsOf.get(text);
  if (!kept) {
    // Emptied when full: a bound, not a ranking of what is worth keeping.
    if (wordsOf.size >= WORDS_KEPT) wordsOf.clear();
    kept = splitWords(text);
    wordsOf.set(text, kept);
  }
  return kept;
}

function splitWords(text: string): Word[] {
  const tokens = tokenize(text);
  const out: Word[] = tokens.map((t) => ({
    key: t.key,
    jamo: toJamo(t.key),
    cho: toChoseong(t.key),
    start: t.start,
    firstLength: t.key.length,
    secondStart: t.start,
    sameLength: t.key.length === t.end - t.start,
    end: t.end,
  }));
  // The same word pairs the index keeps as compounds (멀티 스테이지 = 멀티스테이지).
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [out[i - 1]!, out[i]!];
    if (isCompound(a.key.length, b.key.length, tokens[i]!.joined)) {
      out.push({ key: a.key + b.key, jamo: a.jamo + b.jamo, cho: a.cho + b.cho, start: a.start, firstLength: a.key.length, secondStart: b.start, sameLength: a.sameLength && b.sameLength, end: b.end });
    }
  }
  return out;
}

/** Text offset of the key's i-th character. */
function textOffset(w: Word, i: number): number {
  return i < w.firstLength ? w.start + i : w.secondStart + (i - w.firstLength);
}

/** Text offsets of a hit measured in jamo (or in syllables for an initial-consonant match). */
function hitToText(w: Word, hit: WordHit): Span {
  let first = hit.start;
  let last = hit.start + hit.length - 1;
  if (!hit.bySyllable) {
    // Walk the key's characters, counting their jamo; a syllable only partly typed (컨텡 over 컨테이너) is marked whole.
    let jamo = 0;
    first = -1;
    last = w.key.length - 1;
    for (let i = 0; i < w.key.length; i++) {
      const next = jamo + jamoLength(w.key[i]!);
      if (first < 0 && next > hit.start) first = i;
      if (next >= hit.start + hit.length) {
        last = i;
        break;
      }
      jamo = next;
    }
  }
  if (!w.sameLength) return [w.start, w.end];
  first = Math.max(0, Math.min(first, w.key.length - 1));
  last = Math.max(first, Math.min(last, w.key.length - 1));
  return [textOffset(w, first), textOffset(w, last) + 1];
}

function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

export function highlightSpans(text: string, parts: Part[], phrases: string[]): Span[] {
  if (!text) return [];
  const spans: Span[] = [];
  const unique = [...new Map(parts.map((p) => [p.jamo, p])).values()];
  for (const w of words(text)) {
    for (const part of unique) {
      const hit = classify(w.jamo, w.cho, part);
      if (hit) spans.push(hitToText(w, hit));
    }
  }
  if (phrases.length) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) {
      for (const p of phrases) {
        for (let at = lower.indexOf(p); at >= 0; at = lower.indexOf(p, at + p.length)) spans.push([at, at + p.length]);
      }
    }
  }
  return merge(spans);
}
