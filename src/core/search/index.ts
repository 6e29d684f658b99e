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
import { aliasLookup, type AliasLookup, type AliasTable } from './aliases.js';
import { DERIVED_VERSION, FIELD_SLOTS, cardFieldTexts, deckFingerprint, deriveDeck, type DeckDerived, type DerivedCache } from './derive.js';
import { qwertyToHangul, toChoseong, toJamo } from './hangul.js';
import { highlightSpans } from './highlight.js';
import { focusDoc, focusOn, type Focus, type FocusDoc } from './focus.js';
import { classify, makePart, matchVocabulary, type Form, type Part, type Slot } from './wordMatch.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { fuseScores, type RankDoc } from './rank.js';
import { tokenize } from './tokenize.js';
import { Vocabulary } from './vocabulary.js';

export type { AliasTable } from './aliases.js';
export { mergeAliasTables, parseAliasFile } from './aliases.js';
export type { DeckDerived, DerivedCache } from './derive.js';
export { DERIVED_VERSION } from './derive.js';
export { parseQuery, MAX_QUERY_CHARS } from './query.js';
export type { ParsedQuery } from './query.js';

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
/** Within-tier cost of where a word was found: front, aliases, tags, back. The deck title is weaker still. */
const FIELD_COST = [0, 0.05, 0.1, 0.3];
/** Added for a front of many words (up to this): before ranking, a short front holding the word is likelier about it. */
const LONG_FRONT_COST = 0.04;
const TITLE_COST = 0.5;
/** Costs of a query word's other forms: an alias (`Docker` for `도커`), the IME-off reading (`ehzj` → 도커). */
const ALIAS_COST = 0.1;
const IME_COST = 0.2;
/**
 * Candidates ranked (at least the limit): a screen shows 20, and fuse.js's bitap costs ~0.05 ms a
 * card, so only those that can still reach the limit are given to it (see rank).
 */
const CANDIDATES = 32;
/** Jamo of a long answer fuse.js sees: a window around the first matched word (bitap is linear in text). */
const BACK_WINDOW = 80;
/** Query words considered (a pasted paragraph is cut to these). */
const MAX_WORDS = 8;
/** fuse.js extended-search alternatives built from the words' forms. */
const MAX_GROUPS = 6;
const NONE = 100;
/**
 * A one-word query stops collecting cards after this many (best-matching words first): `ㅇ` at
 * 100k cards would otherwise walk millions of places for a list nobody scrolls. Queries of several
 * words collect everything, since a card must be in every word's list.
 */
const ONE_WORD_CAP = 4000;
const DEFAULT_LIMIT = 20;
/** A fresh one each time: callers may sort or push to the hits. */
const noResult = (): SearchResult => ({ hits: [], total: 0, atLeast: false });

function within(tier: number, frac: number): number {
  return tier + Math.min(0.99, frac);
}

/** Card index → score, listing each card once. */
interface Scores {
  score: Float64Array;
  cards: number[];
  /** For a query word found only with typos: the closest words (jamo), what the user probably meant. */
  corrected?: string[];
}

class Engine implements SearchIndex {
  private readonly cards: Card[] = [];
  private readonly cardDeck: number[] = [];
  private readonly deckBase: number[] = [];
  private readonly vocab: Vocabulary;
  private readonly aliases: AliasLookup;
  private readonly titles: Array<Array<{ jamo: string; cho: string }>>;
  private readonly docs: Array<RankDoc | undefined> = [];
  private readonly choDocs: Array<RankDoc | undefined> = [];
  private readonly focusDocs: Array<FocusDoc | undefined> = [];
  private readonly partCache = new Map<string, Scores>();
  /**
   * Score arrays (one slot per card, all NONE) to reuse: at 100k cards each is 800 kB, and allocating
   * several per keystroke drove the garbage collector into pauses. `temps` go back at the end of a
   * search, like part-cache entries dropped during it (the search may still hold them).
   */
  private readonly pool: Float64Array[] = [];
  /** Filters: deck ids and card texts in lower case, made on first use (see filter). */
  private lowerDeckIds?: string[];
  private readonly lowerTexts: (string | undefined)[] = [];
  private readonly lowerTags: (string[] | undefined)[] = [];
  private readonly temps: Scores[] = [];
  /** The current search's typo corrections by part (the part cache may drop entries mid-search). */
  private readonly corrections = new Map<string, string[]>();

  constructor(
    private readonly decks: LoadedDeck[],
    opts: { aliases?: AliasTable; cache?: DerivedCache },
  ) {
    this.aliases = aliasLookup(opts.aliases ?? []);
    const perDeck: DeckDerived[] = [];
    decks.forEach((d, i) => {
      this.deckBase.push(this.cards.length);
      for (const c of d.deck.cards) {
        this.cards.push(c);
        this.cardDeck.push(i);
      }
      perDeck.push(derived(d, opts.cache));
    });
    this.vocab = new Vocabulary(perDeck, this.deckBase, this.cards.length);
    this.titles = decks.map((d) => tokenize(d.deck.title).map((t) => ({ jamo: toJamo(t.key), cho: toChoseong(t.key) })));
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
      for (const s of this.temps) this.release(s);
      this.temps.length = 0;
    }
  }

  /** A score array of NONE, reused if one is free. */
  private scores(): Scores {
    return { score: this.pool.pop() ?? new Float64Array(this.cards.length).fill(NONE), cards: [] };
  }

  /** A temporary for this search only. */
  private temp(): Scores {
    const s = this.scores();
    this.temps.push(s);
    return s;
  }

  private release(s: Scores): void {
    for (const c of s.cards) s.score[c] = NONE;
    this.pool.push(s.score);
  }

  private searchWith(raw: string, limit: number, deckId: string | undefined): SearchResult {
    const opts = { deckId };
    const q = parseQuery(raw);
    this.corrections.clear();
    const alternatives = this.alternatives(q);
    const keep = this.filter(q, opts.deckId);
    let found: Scores;
    const oneWord = alternatives.length === 1 && alternatives[0]!.length === 1;
    if (alternatives.length === 0) {
      if (!q.tags.length && !q.decks.length && !q.phrases.length) return noResult();
      // Only filters rank nothing: the first cards that pass, in deck order, all exact. No score
      // array or sort over every card (that is 100k of each per keystroke at 100k cards); the
      // rest are only counted.
      const hits: SearchHit[] = [];
      let total = 0;
      for (let i = 0; i < this.cards.length; i++) {
        if (!keep(i)) continue;
        if (total++ < limit) hits.push(this.hit(i, 0, [], q.phrases));
      }
      return { hits, total, atLeast: false };
    } else {
      found = this.candidates(alternatives, oneWord ? ONE_WORD_CAP : Infinity);
    }
    const cards = found.cards.filter(keep);
    const top = this.best(cards, found.score, Math.max(limit, CANDIDATES));
    const ranked = this.rank(top, found.score, alternatives, q.phrases, limit);
    const allParts = alternatives.flat(2).flatMap((f) => f.parts);
    const hits = ranked.slice(0, limit).map(({ card: i, score }) => this.hit(i, score, allParts, q.phrases));
    return { hits, total: cards.length, atLeast: oneWord && found.cards.length >= ONE_WORD_CAP };
  }

  /** The query as alternatives: its words (each with alias and IME-off forms), and its words run together. */
  private alternatives(q: ParsedQuery): Slot[][] {
    const free = tokenize(q.text).slice(0, MAX_WORDS);
    const phraseWords = q.phrases.flatMap((p) => tokenize(p)).slice(0, MAX_WORDS);
    const exact = (t: { key: string }): Slot => [{ parts: [makePart(toJamo(t.key))], cost: 0 }];
    const slots: Slot[] = [];
    for (const t of free) {
      const jamo = toJamo(t.key);
      const forms: Form[] = [{ parts: [makePart(jamo)], cost: 0 }];
      for (const words of this.aliases.get(jamo) ?? []) forms.push({ parts: words.map(makePart), cost: ALIAS_COST, synonym: true });
      const hangul = qwertyToHangul(q.text.slice(t.start, t.end));
      if (hangul) {
        const hj = tokenize(hangul).map((h) => toJamo(h.key));
        if (hj.length) forms.push({ parts: hj.map(makePart), cost: IME_COST });
        for (const words of this.aliases.get(hj.join('')) ?? []) forms.push({ parts: words.map(makePart), cost: IME_COST + ALIAS_COST, synonym: true });
      }
      slots.push(forms);
    }
    slots.push(...phraseWords.map(exact));
    if (slots.length === 0) return [];
    const alternatives: Slot[][] = [slots];
    if (free.length > 1) {
      // `멀티 스테이지` typed for `멀티스테이지`, and multi-word aliases (`virtual machine`).
      const compact = free.map((t) => toJamo(t.key)).join('');
      const forms: Form[] = [{ parts: [makePart(compact)], cost: 0 }];
      for (const words of this.aliases.get(compact) ?? []) forms.push({ parts: words.map(makePart), cost: ALIAS_COST, synonym: true });
      alternatives.push([forms, ...phraseWords.map(exact)]);
    }
    return alternatives;
  }

  /** Cards holding a word the part matches, each with its best within-tier score. */
  private partScores(part: Part, cap = Infinity): Scores {
    const cacheKey = `${cap}:${part.jamo}`;
    const cached = this.partCache.get(cacheKey) ?? this.computePart(part, cap);
    if (cached.corrected) this.corrections.set(part.jamo, cached.corrected);
    // Only the current query's parts are kept: typing one key changes the last word only.
    if (!this.partCache.has(cacheKey)) {
      if (this.partCache.size >= 8) {
        this.temps.push(...this.partCache.values());
        this.partCache.clear();
      }
      this.partCache.set(cacheKey, cached);
    }
    return cached;
  }

  private computePart(part: Part, cap: number): Scores {
    const { score, cards } = this.scores();
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
    this.titles.forEach((words, deck) => {
      if (cards.length >= cap) return;
      const hit = words.map((w) => classify(w.jamo, w.cho, part)).find((h) => h !== undefined);
      if (!hit) return;
      const s = within(hit.tier, hit.extra + TITLE_COST);
      const start = this.deckBase[deck]!;
      for (let c = start; c < start + this.decks[deck]!.deck.cards.length; c++) put(c, s);
    });
    return { score, cards, corrected: bestTier === 2 ? typos.sort((a, b) => a.cost - b.cost).slice(0, 2).map((t) => t.jamo) : undefined };
  }

  /** What a word found only with typos was corrected to, in the current search. */
  private partCorrections(part: Part): string[] {
    return this.corrections.get(part.jamo) ?? [];
  }

  /**
   * The form as the user meant it: a word found only with typos becomes the word it was corrected to
   * (`containred` → containerd), taken as written (a second round of typos would let `container`
   * stand for it), with that word's aliases (`kubernetse` → kubernetes, k8s).
   */
  private correctedForms(form: Form): Form[] {
    const fix = form.parts.length === 1 ? this.partCorrections(form.parts[0]!)[0] : undefined;
    if (fix === undefined) return [form];
    const strict = (jamo: string): Part => ({ ...makePart(jamo), typos: 0 });
    return [{ ...form, parts: [strict(fix)] }, ...(this.aliases.get(fix) ?? []).map((words) => ({ parts: words.map(strict), cost: form.cost + ALIAS_COST, synonym: true }))];
  }

  /** AND over lists of scores (all must hold), adding `cost` to each. */
  private all(lists: Scores[], cost: number): Scores {
    if (lists.length === 1 && cost === 0) return lists[0]!;
    const smallest = lists.reduce((a, b) => (b.cards.length < a.cards.length ? b : a));
    const out = this.temp();
    const { score, cards } = out;
    // The `both` rule inlined: this loop runs once per candidate card, allocation-free.
    outer: for (const c of smallest.cards) {
      let tier = 0;
      let frac = 0;
      for (const l of lists) {
        const v = l.score[c]!;
        if (v >= NONE) continue outer;
        const t = Math.floor(v);
        if (t > tier) tier = t;
        frac += v - t;
      }
      score[c] = within(tier, frac / lists.length + cost);
      cards.push(c);
    }
    return out;
  }

  /** OR: the best score of any list. */
  private any(lists: Scores[]): Scores {
    if (lists.length === 1) return lists[0]!;
    const out = this.temp();
    const { score, cards } = out;
    for (const l of lists) {
      for (const c of l.cards) {
        const s = l.score[c]!;
        if (s >= score[c]!) continue;
        if (score[c] === NONE) cards.push(c);
        score[c] = s;
      }
    }
    return out;
  }

  private candidates(alternatives: Slot[][], cap: number): Scores {
    return this.any(
      alternatives.map((slots) =>
        this.all(
          slots.map((forms) => this.any(forms.map((f) => this.all(f.parts.map((p) => this.partScores(p, cap)), f.cost)))),
          0,
        ),
      ),
    );
  }

  /** A predicate for the `#tag`, `deck:id` and phrase filters and the deckId option. */
  private filter(q: ParsedQuery, deckId?: string): (card: number) => boolean {
    const lowerIds = (this.lowerDeckIds ??= this.decks.map((d) => d.deck.id.toLowerCase()));
    return (i) => {
      const deck = this.cardDeck[i]!;
      if (deckId !== undefined && this.decks[deck]!.deck.id !== deckId) return false;
      if (q.decks.length && !q.decks.some((d) => lowerIds[deck]!.startsWith(d))) return false;
      const card = this.cards[i]!;
      if (q.tags.length) {
        // Kept once made: counting a filter's matches walks every card on each keystroke.
        const tags = (this.lowerTags[i] ??= (card.tags ?? []).map((t) => t.toLowerCase()));
        if (!q.tags.every((t) => tags.some((tag) => tag.startsWith(t)))) return false;
      }
      if (q.phrases.length) {
        // Built once per card, when a phrase first needs it: not on every keystroke.
        const text = (this.lowerTexts[i] ??= cardFieldTexts(card).join('\n').toLowerCase());
        if (!q.phrases.every((p) => text.includes(p))) return false;
      }
      return true;
    };
  }

  /** The `n` lowest-scored cards (ties by card order). Scores lie in [0, 3): a histogram finds the cut in linear time. */
  private best(cards: number[], score: Float64Array, n: number): number[] {
    const order = (a: number, b: number) => score[a]! - score[b]! || a - b;
    if (cards.length <= n) return [...cards].sort(order);
    const BUCKETS = 300;
    const counts = new Uint32Array(BUCKETS + 1);
    const bucket = (c: number) => Math.min(BUCKETS, Math.floor((score[c]! * BUCKETS) / 3));
    for (const c of cards) counts[bucket(c)]!++;
    let cut = 0;
    for (let seen = 0; cut <= BUCKETS && seen + counts[cut]! < n; cut++) seen += counts[cut]!;
    return cards.filter((c) => bucket(c) <= cut).sort(order).slice(0, n);
  }

  private rank(top: number[], coarse: Float64Array, alternatives: Slot[][], phrases: string[], limit: number): Array<{ card: number; score: number }> {
    const focusQuery = alternatives.map((slots) => slots.map((forms) => forms.flatMap((f) => this.correctedForms(f))));
    // Below the typo tier a typo match would not count anyway: skip computing it.
    const strictQuery = focusQuery.map((slots) => slots.map((forms) => forms.map((f) => ({ ...f, parts: f.parts.map((p) => ({ ...p, typos: 0 })) }))));
    const rows = top.map((card) => {
      const tier = Math.floor(coarse[card]!);
      return { card, score: tier + focusCost(focusOn(this.focus(card), tier < 2 ? strictQuery : focusQuery, tier)), coarse: coarse[card]! };
    });
    // fuse.js (the costly part) only for the cards that can still reach the first `limit`: a card
    // whose best case is behind the limit-th card's worst case cannot, and keeps the worst fuse score.
    const worst = rows.map((r) => r.score + FUSE_WEIGHT).sort((a, b) => a - b);
    const cut = worst[Math.min(limit, worst.length) - 1]!;
    const contenders = rows.filter((r) => r.score <= cut);
    const forms = alternatives.flat(2);
    const choOnly = forms.length > 0 && forms.every((f) => f.parts.every((p) => p.cho));
    const needles = forms.flatMap((f) => f.parts.map((p) => p.jamo));
    const docs = contenders.map((r) => windowed(this.doc(r.card, choOnly), needles));
    const fuse = fuseScores(docs, fuseGroups(alternatives, (p) => this.partCorrections(p), phrases));
    const scored = new Set(contenders);
    contenders.forEach((r, k) => (r.score += FUSE_WEIGHT * Math.min(1, fuse[k]!)));
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

/**
 * A card's place within its tier, below 1: first whether it is about the query (the front, an alias,
 * a tag or the answer IS the query; focus.ts), then how much of the front the query covers, then
 * fuse.js's score (which also sees the answer and the deck title), weighted FUSE_WEIGHT. The weights
 * keep that order except between near-equal shares, where fuse.js may decide.
 */
function focusCost(focus: Focus): number {
  return 0.33 * focus.level + 0.22 * (1 - focus.share);
}
const FUSE_WEIGHT = 0.11;

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

/**
 * The fuse.js extended-search query: each alternative's words, one form per word, best forms first
 * (bitap fuzzy terms: measured on the relevance set, they rank better than include-matches, which
 * ignore near matches in other fields). A word found only with typos is given as the word it was
 * corrected to, so `containred` ranks like `containerd`. Phrases are include-matches in every group.
 */
function fuseGroups(alternatives: Slot[][], corrections: (p: Part) => string[], phrases: string[]): string[][] {
  const phraseTerms = phrases.filter((p) => !/["|]/.test(p)).map((p) => `'"${toJamo(p)}"`);
  const groups: string[][] = [];
  // Each alternative gets its share, so the words-run-together one (aliases like 가상머신) is kept.
  const share = Math.max(1, Math.floor(MAX_GROUPS / alternatives.length));
  for (const slots of alternatives) {
    let combos: string[][] = [[]];
    for (const forms of slots) {
      const next: string[][] = [];
      for (const combo of combos) {
        for (const f of forms) if (next.length < share) next.push([...combo, ...f.parts.map((p) => corrections(p)[0] ?? p.jamo)]);
      }
      combos = next;
    }
    groups.push(...combos);
  }
  return groups.map((g) => [...g, ...phraseTerms]);
}

function derived(d: LoadedDeck, cache?: DerivedCache): DeckDerived {
  const fingerprint = deckFingerprint(d.deck);
  const hit = cache?.get(d.deck.id, d.contentHash);
  if (hit && hit.version === DERIVED_VERSION && hit.fingerprint === fingerprint && consistent(hit, d.deck.cards.length)) return hit;
  const fresh = deriveDeck(d.deck);
  cache?.set(d.deck.id, d.contentHash, fresh);
  return fresh;
}

/** A cached entry's arrays fit together and point at real cards (a damaged file must not index past them). */
function consistent(d: DeckDerived, cards: number): boolean {
  const words = d.jamo.length;
  const entries = words + d.pairs.length / 2;
  if (d.cho.length !== words || d.pairs.length % 2 !== 0 || d.postStart.length !== entries + 1) return false;
  if (d.postStart[0] !== 0 || d.postStart[entries] !== d.postings.length) return false;
  for (let k = 0; k < entries; k++) if (d.postStart[k]! > d.postStart[k + 1]!) return false;
  for (const w of d.pairs) if (w < 0 || w >= words) return false;
  const limit = cards * FIELD_SLOTS;
  for (const p of d.postings) if (p < 0 || p >= limit) return false;
  return d.jamo.every((j, i) => typeof j === 'string' && j.length > 0 && typeof d.cho[i] === 'string');
}

export function buildSearchIndex(decks: LoadedDeck[], opts: { aliases?: AliasTable; cache?: DerivedCache } = {}): SearchIndex {
  return new Engine(decks, opts);
}
