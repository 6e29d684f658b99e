/** Matched spans in a card's text, [start, end) in UTF-16 offsets, for the UI to highlight. */
import { jamoLength, toChoseong, toJamo } from './hangul.js';
import { classify, type Part, type WordHit } from './match.js';
import { MAX_COMPOUND, tokenize } from './tokenize.js';

export type Span = [number, number];

/** A word of the text: its lower-case key and, for each key character, its offset in the text. */
interface Word {
  key: string;
  at: number[];
}

function words(text: string): Word[] {
  const tokens = tokenize(text);
  const out: Word[] = [];
  for (const t of tokens) {
    // Lower-casing can change the length of rare letters; such a word is marked whole.
    const at = t.key.length === t.end - t.start ? Array.from(t.key, (_, i) => t.start + i) : Array.from(t.key, () => t.start);
    if (t.key.length !== t.end - t.start) at[at.length - 1] = t.end - 1;
    out.push({ key: t.key, at });
  }
  // The same word pairs the index keeps as compounds (멀티 스테이지 = 멀티스테이지).
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [out[i - 1]!, out[i]!];
    if (tokens[i]!.joined && a.key.length + b.key.length <= MAX_COMPOUND) out.push({ key: a.key + b.key, at: [...a.at, ...b.at] });
  }
  return out;
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
  first = Math.max(0, Math.min(first, w.key.length - 1));
  last = Math.max(first, Math.min(last, w.key.length - 1));
  return [w.at[first]!, w.at[last]! + 1];
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
  for (const w of words(text)) {
    const jamo = toJamo(w.key);
    const cho = toChoseong(w.key);
    for (const part of parts) {
      const hit = classify(jamo, cho, part);
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
