/**
 * The candidate stage for one query word form ("part"): the cards holding a vocabulary word the
 * part matches, each with its best within-tier score, kept for the current query's parts.
 */
import type { Vocabulary } from './vocabulary.js';
import { classify, matchVocabulary, type Part } from './wordMatch.js';
import { NONE, within, type ScorePool, type Scores } from './scores.js';

/** Within-tier cost of where a word was found: front, aliases, tags, back. The deck title is weaker still. */
const FIELD_COST = [0, 0.05, 0.1, 0.3];
/** Added for a front of many words (up to this): before ranking, a short front holding the word is likelier about it. */
const LONG_FRONT_COST = 0.04;
const TITLE_COST = 0.5;

/** A deck's title words, and where its cards are in the engine's card list. */
export interface DeckSpan {
  titleWords: Array<{ jamo: string; cho: string }>;
  start: number;
  count: number;
}

export class PartScores {
  private readonly cache = new Map<string, Scores>();
  /** The current search's typo corrections by part (the part cache may drop entries mid-search). */
  private readonly corrections = new Map<string, string[]>();

  constructor(
    private readonly vocab: Vocabulary,
    private readonly decks: DeckSpan[],
    private readonly pool: ScorePool,
  ) {}

  /** A new search: forget the previous one's corrections. */
  startSearch(): void {
    this.corrections.clear();
  }

  /** Cards holding a word the part matches, each with its best within-tier score. */
  of(part: Part, cap = Infinity): Scores {
    const cacheKey = `${cap}:${part.jamo}`;
    const cached = this.cache.get(cacheKey) ?? this.compute(part, cap);
    if (cached.corrected) this.corrections.set(part.jamo, cached.corrected);
    // Only the current query's parts are kept: typing one key changes the last word only.
    if (!this.cache.has(cacheKey)) {
      if (this.cache.size >= 8) {
        this.pool.releaseLater(this.cache.values());
        this.cache.clear();
      }
      this.cache.set(cacheKey, cached);
    }
    return cached;
  }

  /** What a word found only with typos was corrected to, in the current search. */
  correctionsOf(part: Part): string[] {
    return this.corrections.get(part.jamo) ?? [];
  }

  private compute(part: Part, cap: number): Scores {
    const { score, cards } = this.pool.scores();
    const put = (card: number, s: number) => {
      if (s >= score[card]!) return;
      if (score[card] === NONE) cards.push(card);
      score[card] = s;
    };
    let bestTier = 3;
    const typos: Array<{ jamo: string; cost: number }> = [];
    const matches = matchVocabulary(this.vocab, part);
    if (cap < Infinity) matches.sort((a, b) => a.hit.tier + a.hit.extra - (b.hit.tier + b.hit.extra));
    for (const { id, hit } of matches) {
      if (cards.length >= cap) break;
      bestTier = Math.min(bestTier, hit.tier);
      // Closest first: fewest typos, then the length nearest the query's (하이퍼바이저 before 하이퍼바이저는).
      if (hit.tier === 2) {
        const jamo = this.vocab.jamoOf(id);
        typos.push({ jamo, cost: hit.extra + Math.abs(jamo.length - part.jamo.length) / 100 });
      }
      const { postStart, postings, frontWords } = this.vocab;
      const base = hit.tier + hit.extra;
      // A posting is card * FIELD_SLOTS + field, FIELD_SLOTS being 4.
      for (let k = postStart[id]!, end = postStart[id + 1]!; k < end; k++) {
        const p = postings[k]!;
        const card = p >>> 2;
        const field = p & 3;
        const cost = field === 0 ? LONG_FRONT_COST * (1 - 1 / Math.max(1, frontWords[card]!)) : FIELD_COST[field]!;
        put(card, Math.min(hit.tier + 0.99, base + cost));
      }
    }
    for (const deck of this.decks) {
      if (cards.length >= cap) break;
      const hit = deck.titleWords.map((w) => classify(w.jamo, w.cho, part)).find((h) => h !== undefined);
      if (!hit) continue;
      const s = within(hit.tier, hit.extra + TITLE_COST);
      for (let c = deck.start; c < deck.start + deck.count; c++) put(c, s);
    }
    return { score, cards, corrected: bestTier === 2 ? typos.sort((a, b) => a.cost - b.cost).slice(0, 2).map((t) => t.jamo) : undefined };
  }
}
