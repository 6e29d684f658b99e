/**
 * The ranking stage: the best few dozen candidates ordered within their tier by how much they are
 * about the query (focus.ts), then by fuse.js. Per-card documents are built once and kept.
 */
import { answerText, frontText } from '../deck/cards.js';
import type { Card } from '../deck/types.js';
import { focusDoc, focusOn, type Focus, type FocusDoc } from './focus.js';
import { toChoseong, toJamo } from './hangul.js';
import type { Form, Part, Slot } from './wordMatch.js';
import { fuseGroups } from './queryPlan.js';
import { fuseScores, type RankDoc } from './rank.js';

/** Jamo of a long answer fuse.js sees: a window around the first matched word (bitap is linear in text). */
const BACK_WINDOW = 80;
const FUSE_WEIGHT = 0.11;

/**
 * A card's place within its tier, below 1: first whether it is about the query (the front, an alias,
 * a tag or the answer IS the query; focus.ts), then how much of the front the query covers, then
 * fuse.js's score (which also sees the answer and the deck title), weighted FUSE_WEIGHT. The weights
 * keep that order except between near-equal shares, where fuse.js may decide.
 */
function focusCost(focus: Focus): number {
  return 0.33 * focus.level + 0.22 * (1 - focus.share);
}

/** The doc with its answer cut to a window around the first query word found in it. */
function windowed(doc: RankDoc, needles: string[]): RankDoc {
  if (doc.b.length <= BACK_WINDOW) return doc;
  let at = -1;
  for (const n of needles) {
    const i = doc.b.indexOf(n);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, Math.min(at - BACK_WINDOW / 2, doc.b.length - BACK_WINDOW));
  return { ...doc, b: doc.b.slice(start, start + BACK_WINDOW) };
}

/** What the ranking needs of the current search: typo corrections, and each form as the user meant it. */
export interface RankQuery {
  alternatives: Slot[][];
  phrases: string[];
  corrections: (p: Part) => string[];
  correctedForms: (f: Form) => Form[];
  /** The card lacks the query's optional words (`vs` → 차이): then it is not about the query, however it names the rest. */
  partial?: (card: number) => boolean;
}

export class Ranker {
  private readonly docs: Array<RankDoc | undefined> = [];
  private readonly choDocs: Array<RankDoc | undefined> = [];
  private readonly focusDocs: Array<FocusDoc | undefined> = [];

  constructor(private readonly cards: Card[]) {}

  /** `top` (card indexes) with their final scores, best first; only the first `limit` are fully ranked. */
  rank(top: number[], coarse: Float64Array, q: RankQuery, limit: number): Array<{ card: number; score: number }> {
    const focusQuery = q.alternatives.map((slots) => slots.map((forms) => forms.flatMap(q.correctedForms)));
    // Below the typo tier a typo match would not count anyway: skip computing it.
    const strictQuery = focusQuery.map((slots) => slots.map((forms) => forms.map((f) => ({ ...f, parts: f.parts.map((p) => ({ ...p, typos: 0 })) }))));
    const rows = top.map((card) => {
      const tier = Math.floor(coarse[card]!);
      const focus = focusOn(this.focus(card), tier < 2 ? strictQuery : focusQuery, tier);
      if (q.partial?.(card)) focus.level = 2;
      return { card, score: tier + focusCost(focus), coarse: coarse[card]! };
    });
    // fuse.js (the costly part) only for the cards that can still reach the first `limit`: a card
    // whose best case is behind the limit-th card's worst case cannot, and keeps the worst fuse score.
    const worst = rows.map((r) => r.score + FUSE_WEIGHT).sort((a, b) => a - b);
    const cut = worst[Math.min(limit, worst.length) - 1]!;
    const contenders = rows.filter((r) => r.score <= cut);
    const forms = q.alternatives.flat(2);
    const choOnly = forms.length > 0 && forms.every((f) => f.parts.every((p) => p.cho));
    const needles = forms.flatMap((f) => f.parts.map((p) => p.jamo));
    const docs = contenders.map((r) => windowed(this.doc(r.card, choOnly), needles));
    const fuse = fuseScores(docs, fuseGroups(q.alternatives, q.corrections, q.phrases));
    const scored = new Set(contenders);
    contenders.forEach((r, k) => {
      r.score += FUSE_WEIGHT * Math.min(1, fuse[k]!);
    });
    for (const r of rows) if (!scored.has(r)) r.score += FUSE_WEIGHT;
    rows.sort((a, b) => a.score - b.score || a.coarse - b.coarse || a.card - b.card);
    return rows;
  }

  /** A card's text as fuse.js sees it: lower-case jamo, or initial consonants for a ㄹㅇㅇ query. Kept once built. */
  private doc(i: number, cho: boolean): RankDoc {
    const memo = cho ? this.choDocs : this.docs;
    const have = memo[i];
    if (have) return have;
    const key = cho ? (s: string) => toChoseong(s.toLowerCase()) : (s: string) => toJamo(s.toLowerCase());
    const card = this.cards[i]!;
    const doc = {
      f: key(frontText(card)),
      a: (card.aliases ?? []).map(key),
      t: (card.tags ?? []).map(key),
      b: key(answerText(card)),
    };
    memo[i] = doc;
    return doc;
  }

  private focus(i: number): FocusDoc {
    return (this.focusDocs[i] ??= focusDoc(this.cards[i]!));
  }
}
