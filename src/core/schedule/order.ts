/**
 * The order new cards are introduced in (issue 14): the curriculum, fundamentals first, and
 * within a deck from definitions to details. Also what "the same topic twice in a row" means.
 */
import type { StudyItem } from '../deck/items.js';
import type { Card, CardType } from '../deck/types.js';

/**
 * Bundled decks, fundamentals first. Used until decks carry an `order` field; a deck's own
 * `order`, when present, wins (see deckRanks).
 */
const CURRICULUM: readonly string[] = ['virtualization', 'images', 'dockerfile', 'architecture', 'runtimes', 'registry', 'cncf'];

/**
 * Within a deck: plain definitions first (basic, reversible), then recall and recognition of
 * details (cloze, typed, choice), then procedures (order), then open interview questions,
 * which need the rest. The deck file's order breaks ties (authors write definitions first).
 */
const TYPE_RANK: Record<CardType, number> = { basic: 0, reversible: 0, cloze: 1, typed: 1, choice: 1, order: 2, interview: 3 };
export const TYPE_RANKS = 4;

export function typeRank(card: Pick<Card, 'type'>): number {
  return TYPE_RANK[card.type] ?? 1;
}

/** Far after every curriculum position: decks the curriculum does not know keep their load order. */
const UNKNOWN = 1_000_000;

/**
 * Curriculum rank per deck id (smaller first). A deck's numeric `order` wins; otherwise its
 * place in CURRICULUM; otherwise after all of those, in the order given.
 */
export function deckRanks(decks: readonly { id: string; order?: unknown }[]): Map<string, number> {
  const out = new Map<string, number>();
  decks.forEach((d, i) => {
    const fixed = CURRICULUM.indexOf(d.id);
    out.set(d.id, typeof d.order === 'number' && Number.isFinite(d.order) ? d.order : fixed >= 0 ? fixed : UNKNOWN + i);
  });
  return out;
}

/** deckRanks of the decks that items come from, in the order they appear (no deck objects at hand). */
export function deckRanksOfItems(items: readonly StudyItem[]): Map<string, number> {
  const ids: { id: string }[] = [];
  let last: string | undefined;
  const seen = new Set<string>();
  for (const it of items) {
    if (it.deckId === last || seen.has(it.deckId)) continue;
    last = it.deckId;
    seen.add(it.deckId);
    ids.push({ id: it.deckId });
  }
  return deckRanks(ids);
}

/** What two cards in a row must not share: the topic, and for choice cards the option set. */
export interface Spacing {
  topic?: string;
  options?: string;
}

export function spacingOf(card: Card): Spacing {
  const out: Spacing = {};
  if (card.topic) out.topic = card.topic;
  if (card.type === 'choice' && card.distractors?.length) out.options = [card.answer, ...card.distractors].sort().join('\u0000');
  return out;
}

/** Whether `card` right after a card with spacing `prev` would repeat its topic or options. */
export function clashes(card: Card, prev: Spacing | undefined): boolean {
  if (!prev) return false;
  if (prev.topic !== undefined && card.topic === prev.topic) return true;
  return prev.options !== undefined && card.type === 'choice' && spacingOf(card).options === prev.options;
}
