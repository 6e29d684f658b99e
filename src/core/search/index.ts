/**
 * Search over cards that understands Korean: initial consonants, half-typed syllables, IME-off typing,
 * spacing, typos and Korean ↔ English aliases. Two stages:
 *  1. candidates: query words are matched against the vocabulary (every distinct word, as jamo) and
 *     the matched words' postings give cards with a coarse score (tier exact/prefix/typo + field);
 *  2. ranking: the best few dozen candidates are ordered within their tier by how much they are about
 *     the query (focus.ts), then by fuse.js.
 * Pure: the store passes the alias table and a cache for the per-deck derived data.
 */
import type { Card, LoadedDeck } from '../deck/types.js';
import { answerText, frontText } from '../deck/cards.js';
import { aliasInitials, aliasLookup, type AliasInitials, type AliasLookup, type AliasTable } from './aliases.js';
import { CardFilter } from './cardFilter.js';
import type { DeckDerived, DerivedCache } from './derive.js';
import { derivedFor } from './derivedCache.js';
import { toChoseong, toJamo } from './hangul.js';
import { highlightSpans } from './highlight.js';
import type { Form, Part, Slot } from './wordMatch.js';
import { PartScores } from './partScores.js';
import { parseQuery } from './query.js';
import { correctedForms, type KnownWord, queryAlternatives } from './queryPlan.js';
import { Ranker } from './ranker.js';
import { allOf, anyOf, atLeastTier, bestCards, NONE, ScorePool, type Scores } from './scores.js';
import { tokenize } from './tokenize.js';
import { Vocabulary } from './vocabulary.js';

export type { AliasTable } from './aliases.js';
export { parseAliasFile } from './aliases.js';
export type { DeckDerived, DerivedCache } from './derive.js';
export { DERIVED_VERSION } from './derive.js';

export interface SearchHit {
  card: Card;
  deckId: string;
  deckTitle: string;
  /** Lower is better: the tier (0 exact word, 1 prefix, 2 typo) plus the place within it, below 1 (see withinTier). */
  score: number;
  matchKind: 'exact' | 'prefix' | 'fuzzy';
  /** Spans to highlight, [start, end) in UTF-16 offsets of frontText(card) and answerText(card). */
  highlights: { front: Array<[number, number]>; back: Array<[number, number]> };
}

export interface SearchOptions {
  limit?: number;
  deckId?: string;
}

/** The best hits and how many cards matched in all (a screen shows the count, not its own cap). */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** The total is a lower bound: a one-word query stops collecting at ONE_WORD_CAP cards. */
  atLeast: boolean;
}

export interface SearchIndex {
  readonly size: number;
  search(query: string, opts?: SearchOptions): SearchHit[];
  find(query: string, opts?: SearchOptions): SearchResult;
}

const KINDS = ['exact', 'prefix', 'fuzzy'] as const;
/**
 * Candidates ranked (at least the limit): a screen shows 20, and fuse.js's bitap costs ~0.05 ms a
 * card, so only those that can still reach the limit are given to it (see Ranker).
 */
const CANDIDATES = 32;
/**
 * A one-word query stops collecting cards after this many (best-matching words first): `ㅇ` at
 * 100k cards would otherwise walk millions of places for a list nobody scrolls. Queries of several
 * words collect everything, since a card must be in every word's list.
 */
const ONE_WORD_CAP = 4000;
const DEFAULT_LIMIT = 20;
/** A fresh one each time: callers may sort or push to the hits. */
const noResult = (): SearchResult => ({ hits: [], total: 0, atLeast: false });

/** Ties the stages together: query plan (queryPlan.ts) → candidates (partScores.ts, scores.ts) → filters → ranking (ranker.ts). */
class Engine implements SearchIndex {
  private readonly cards: Card[] = [];
  private readonly cardDeck: number[] = [];
  private readonly aliases: AliasLookup;
  private readonly initials: AliasInitials;
  private readonly pool: ScorePool;
  private readonly parts: PartScores;
  private readonly filter: CardFilter;
  private readonly ranker: Ranker;
  private readonly known: KnownWord;

  constructor(
    private readonly decks: LoadedDeck[],
    opts: { aliases?: AliasTable; cache?: DerivedCache },
  ) {
    this.aliases = aliasLookup(opts.aliases ?? []);
    this.initials = aliasInitials(opts.aliases ?? []);
    const perDeck: DeckDerived[] = [];
    const deckBase: number[] = [];
    decks.forEach((d, i) => {
      deckBase.push(this.cards.length);
      for (const c of d.deck.cards) {
        this.cards.push(c);
        this.cardDeck.push(i);
      }
      perDeck.push(derivedFor(d, opts.cache));
    });
    const spans = decks.map((d, i) => ({
      titleWords: tokenize(d.deck.title).map((t) => ({ jamo: toJamo(t.key), cho: toChoseong(t.key) })),
      start: deckBase[i]!,
      count: d.deck.cards.length,
    }));
    this.pool = new ScorePool(this.cards.length);
    const vocabulary = new Vocabulary(perDeck, deckBase, this.cards.length);
    this.known = (jamo) => vocabulary.exact(jamo) !== undefined;
    this.parts = new PartScores(vocabulary, spans, this.pool);
    this.filter = new CardFilter(decks, this.cards, this.cardDeck);
    this.ranker = new Ranker(this.cards);
  }

  get size(): number {
    return this.cards.length;
  }

  search(raw: string, opts: SearchOptions = {}): SearchHit[] {
    return this.find(raw, opts).hits;
  }

  find(raw: string, opts: SearchOptions = {}): SearchResult {
    const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
    if (typeof raw !== 'string' || !(limit > 0)) return noResult();
    try {
      return this.searchWith(raw, limit, opts.deckId);
    } finally {
      this.pool.releaseTemps();
    }
  }

  private searchWith(raw: string, limit: number, deckId: string | undefined): SearchResult {
    const q = parseQuery(raw);
    this.parts.startSearch();
    let alternatives = queryAlternatives(q, this.aliases, this.known);
    const keep = this.filter.predicate(q, deckId);
    if (alternatives.length === 0) {
      if (!q.tags.length && !q.decks.length && !q.phrases.length) return noResult();
      return this.filtersOnly(keep, limit, q.phrases);
    }
    const oneWord = alternatives.length === 1 && alternatives[0]!.length === 1;
    const cap = oneWord ? ONE_WORD_CAP : Infinity;
    let { found, withOptional } = this.candidates(alternatives, cap);
    // Initials that name no card's word may be a term's the cards never write (`ㅇㅌㄹㅍㅇㅌ`,
    // 엔트리포인트, while they say ENTRYPOINT): asked again with such terms' groups. Only then, so
    // initials that do find words rank as before.
    if (found.cards.length === 0 && this.initials.size) {
      alternatives = queryAlternatives(q, this.aliases, this.known, this.initials);
      ({ found, withOptional } = this.candidates(alternatives, cap));
    }
    const cards = found.cards.filter(keep);
    const top = bestCards(cards, found.score, Math.max(limit, CANDIDATES));
    const corrections = (p: Part) => this.parts.correctionsOf(p);
    const ranked = this.ranker.rank(
      top,
      found.score,
      {
        alternatives,
        phrases: q.phrases,
        corrections,
        correctedForms: (f: Form) => correctedForms(f, corrections, this.aliases),
        partial: withOptional && ((card: number) => withOptional.score[card]! >= NONE),
      },
      limit,
    );
    // Only the words that mean something are marked: not `vs`, nor the 차이 it stands for.
    const allParts = alternatives.flat(2).flatMap((f) => (f.optional ? [] : f.parts));
    const hits = ranked.slice(0, limit).map(({ card: i, score }) => this.hit(i, score, allParts, q.phrases));
    return { hits, total: cards.length, atLeast: oneWord && found.cards.length >= ONE_WORD_CAP };
  }

  /**
   * Only filters rank nothing: the first cards that pass, in deck order, all exact. No score array
   * or sort over every card (that is 100k of each per keystroke at 100k cards); the rest are only counted.
   */
  private filtersOnly(keep: (card: number) => boolean, limit: number, phrases: string[]): SearchResult {
    const hits: SearchHit[] = [];
    let total = 0;
    for (let i = 0; i < this.cards.length; i++) {
      if (!keep(i)) continue;
      if (total++ < limit) hits.push(this.hit(i, 0, [], phrases));
    }
    return { hits, total, atLeast: false };
  }

  /**
   * OR over the alternatives of AND over their slots of OR over each slot's forms of AND over a
   * form's parts; `withOptional`: the cards of the first alternative when it holds the query's
   * optional words (queryPlan.ts), the others being the query without them.
   */
  private candidates(alternatives: Slot[][], cap: number): { found: Scores; withOptional?: Scores } {
    const form = (f: Form) => {
      const s = allOf(
        this.pool,
        f.parts.map((p) => this.parts.of(p, cap)),
        f.cost,
      );
      return f.minTier ? atLeastTier(this.pool, s, f.minTier) : s;
    };
    const each = alternatives.map((slots) =>
      allOf(
        this.pool,
        slots.map((forms) => anyOf(this.pool, forms.map(form))),
        0,
      ),
    );
    const optional = alternatives[0]!.some((forms) => forms.some((f) => f.optional));
    return { found: anyOf(this.pool, each), withOptional: optional ? each[0] : undefined };
  }

  private hit(i: number, score: number, parts: Part[], phrases: string[]): SearchHit {
    const card = this.cards[i]!;
    const deck = this.decks[this.cardDeck[i]!]!.deck;
    let highlights: SearchHit['highlights'] | undefined;
    return {
      card,
      deckId: deck.id,
      deckTitle: deck.title,
      score,
      matchKind: KINDS[Math.min(2, Math.floor(score))]!,
      // Computed when first read: a screen reads the rows it shows, the CLI none.
      get highlights() {
        highlights ??= { front: highlightSpans(frontText(card), parts, phrases), back: highlightSpans(answerText(card), parts, phrases) };
        return highlights;
      },
    };
  }
}

export function buildSearchIndex(decks: LoadedDeck[], opts: { aliases?: AliasTable; cache?: DerivedCache } = {}): SearchIndex {
  return new Engine(decks, opts);
}
