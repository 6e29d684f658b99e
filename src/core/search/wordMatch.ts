/**
 * How one query word matches one indexed word. Everything is compared as jamo, so a syllable still
 * being composed (`컨텡`, jamo ㅋㅓㄴㅌㅔㅇ) is a prefix of the word it is becoming (컨테이너).
 * Used by the candidate stage over the vocabulary and by highlighting over a card's words.
 */
import { isChoseongOnly } from './hangul.js';
import { allowedTypos, prefixDistance } from './fuzzy.js';
import { isQueryPlusParticle, particleSyllables } from './particles.js';
import type { Vocabulary } from './vocabulary.js';

/** 0 = exact word, 1 = prefix (or a word inside a compound), 2 = typo. */
export type Tier = 0 | 1 | 2;

export interface Part {
  jamo: string;
  /** Only initial consonants (ㄹㅇㅇ): matched against words' initials. */
  cho: boolean;
  typos: number;
  /** Long enough to look for inside words (`파일` in `도커파일`). */
  infix: boolean;
}

/** One way to write a query word: its parts must all match (an alias may be several words). */
export interface Form {
  parts: Part[];
  cost: number;
  /** Another word for the query's word, from the alias table (`k8s` for 쿠버네티스), not the word as typed. */
  synonym?: boolean;
  /** A word that only joins or compares (fillerWords.ts): not required, and not highlighted. */
  optional?: boolean;
  /** Its matches count in no better tier than this (an alias reached through a typo: 2). */
  minTier?: Tier;
}
/** A query word: cards must match it by any of its forms. */
export type Slot = Form[];

export function makePart(jamo: string): Part {
  const cho = isChoseongOnly(jamo);
  return { jamo, cho, typos: cho ? 0 : allowedTypos(jamo.length), infix: !cho && jamo.length >= 3 };
}

export interface WordHit {
  tier: Tier;
  /** Within-tier cost in [0, 0.5): how much of the word is left over, how many typos. */
  extra: number;
  /** The matched span: jamo offsets, or syllable offsets when `bySyllable` (an initial-consonant match). */
  start: number;
  length: number;
  bySyllable: boolean;
}

export function classify(word: string, cho: string, part: Part): WordHit | undefined {
  const q = part.jamo;
  if (word === q) return { tier: 0, extra: 0, start: 0, length: q.length, bySyllable: false };
  if (word.startsWith(q)) {
    // `레이어란` for `레이어`: the word plus a particle is the word. Needs two syllables of query.
    if (q.length >= 4 && isQueryPlusParticle(word, q)) return { tier: 0, extra: 0.05, start: 0, length: q.length, bySyllable: false };
    return { tier: 1, extra: 0.3 * (1 - q.length / word.length), start: 0, length: q.length, bySyllable: false };
  }
  if (part.cho && cho !== word) {
    if (cho === q) return { tier: 0, extra: 0.02, start: 0, length: q.length, bySyllable: true };
    if (cho.startsWith(q)) {
      if (q.length >= 2 && cho.length - q.length === particleSyllables(word)) return { tier: 0, extra: 0.07, start: 0, length: q.length, bySyllable: true };
      return { tier: 1, extra: 0.3 * (1 - q.length / cho.length), start: 0, length: q.length, bySyllable: true };
    }
    return undefined;
  }
  if (part.infix) {
    const at = word.indexOf(q);
    if (at > 0) return { tier: 1, extra: 0.35, start: at, length: q.length, bySyllable: false };
  }
  if (part.typos > 0 && word.length > 1 && (word[0] === q[0] || word[1] === q[1])) {
    const d = prefixDistance(q, word, part.typos);
    if (d <= part.typos) return { tier: 2, extra: 0.1 + 0.15 * d, start: 0, length: Math.min(word.length, q.length), bySyllable: false };
  }
  return undefined;
}

/** Every vocabulary word (and pair written apart) the part matches, best first not guaranteed. */
export function matchVocabulary(vocab: Vocabulary, part: Part): Array<{ id: number; hit: WordHit }> {
  const out: Array<{ id: number; hit: WordHit }> = [];
  vocab.beginPass();
  const visit = (id: number) => {
    if (!vocab.firstVisit(id)) return;
    const hit = classify(vocab.jamo[id]!, vocab.cho[id]!, part);
    if (hit) out.push({ id, hit });
  };
  const q = part.jamo;
  for (const id of vocab.prefixBucket(q)) visit(id);
  if (part.cho) for (const id of vocab.choBucket(q[0]!)) visit(id);
  // Infixes and typos can be anywhere: scan all words, skipping at once those too short to hold
  // the query inside them or to be within its typos (most of them, for a long query).
  if (part.infix || part.typos > 0) {
    const shortest = part.typos > 0 ? Math.max(2, q.length - part.typos) : q.length + 1;
    for (let id = 0; id < vocab.size; id++) if (vocab.jamo[id]!.length >= shortest) visit(id);
  }
  if (q.length >= 3) matchPairs(vocab, part, out);
  return out;
}

/**
 * Pairs written apart, typed as one word (`멀티스테이지`, `ㅋㅌㅇㄴㄹㅌㅇ`): the query must run past a
 * whole first word, and the rest must match the start of a second word that followed it. A query that
 * ends inside the first word finds nothing more here (the pair's places are the first word's).
 */
function matchPairs(vocab: Vocabulary, part: Part, out: Array<{ id: number; hit: WordHit }>): void {
  const q = part.jamo;
  const heads = part.cho ? vocab.choBucket(q[0]!) : vocab.prefixBucket(q);
  const single = part.cho ? undefined : vocab.exact(q[0]!);
  const found = out.length;
  const tryHead = (a: number, typoHead: boolean) => {
    const head = part.cho ? vocab.cho[a]! : vocab.jamo[a]!;
    if (head.length >= q.length) return;
    if (typoHead ? prefixDistance(head, q, part.typos) > part.typos : !q.startsWith(head)) return;
    const rest = q.slice(head.length);
    const { list, start, end } = vocab.pairsOf(a);
    for (let j = start; j < end; j++) {
      const e = list[j]!;
      const b = vocab.pairSecond[e]!;
      const second = part.cho ? vocab.cho[b]! : vocab.jamo[b]!;
      // Cheap test first; the pair's text is only built for the few that pass (a typo needs a real rest).
      const near = second.startsWith(rest) || (part.typos > 0 && rest.length >= 3 && prefixDistance(rest, second, part.typos) <= part.typos);
      if (!near) continue;
      const hit = classify(vocab.jamo[a]! + vocab.jamo[b]!, vocab.cho[a]! + vocab.cho[b]!, part);
      if (hit) out.push({ id: vocab.size + e, hit });
    }
  };
  for (const a of heads) tryHead(a, false);
  if (single !== undefined && q.length > 1) tryHead(single, false);
  // Nothing with the first word as typed: maybe the typo is in it (`컨테이더런타임`).
  if (out.length === found && part.typos > 0) for (const a of heads) tryHead(a, true);
}
