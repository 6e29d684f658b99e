/**
 * The card browser's data, pure: one row of facts per study item (state, due, interval,
 * memory, recall now, flags), the filters and sorts the browser and `amgi cards` offer.
 * Rows are built once per look at the ledger; a filter or sort is then a pass over numbers.
 */
import type { StudyItem } from '../deck/items.js';
import { dayStart, studyDay } from './day.js';
import type { Scheduler } from './fsrs.js';
import { peekItem } from './itemTable.js';
import type { ItemState, Ledger } from './ledger.js';
import { isHidden, kindOf } from './queue.js';
import type { QueueKind } from './types.js';

export interface CardInfo {
  key: string;
  cardId: string;
  deckId: string;
  tags: readonly string[];
  /** Position in the loaded decks: the order cards were added in. */
  order: number;
  kind: QueueKind;
  /** Epoch ms; undefined for a card never studied. */
  due: number | undefined;
  /** Scheduled interval in days (0 while learning or new). */
  interval: number;
  stability: number;
  difficulty: number;
  /** Probability of recall now (0 for a new card). */
  retrievability: number;
  reps: number;
  lapses: number;
  suspended: boolean;
  buried: boolean;
  leech: boolean;
  /** Learning or review, due before today ends, not hidden: what a review today would show. */
  dueToday: boolean;
}

export const BROWSE_FILTERS = ['all', 'new', 'learning', 'due', 'suspended', 'leech', 'buried'] as const;
export type BrowseFilter = (typeof BROWSE_FILTERS)[number];
export const BROWSE_SORTS = ['due', 'retrievability', 'lapses', 'added'] as const;
export type BrowseSort = (typeof BROWSE_SORTS)[number];

export interface InfoContext {
  scheduler: Pick<Scheduler, 'retrievability'>;
  now: number;
  dayStartHour: number;
}

/** The facts of one item from its state (undefined: never studied). */
function cardInfo(item: StudyItem, s: ItemState | undefined, order: number, ctx: InfoContext & { today: number; dayEnd: number }): CardInfo {
  const tags = item.card.tags ?? NO_TAGS;
  // Never studied: one shape for every row (no optional fields, no spreads: 10k rows per look).
  if (s === undefined) return { key: item.key, cardId: item.cardId, deckId: item.deckId, tags, order, kind: 'new', due: undefined, interval: 0, stability: 0, difficulty: 0, retrievability: 0, reps: 0, lapses: 0, suspended: false, buried: false, leech: false, dueToday: false };
  const kind = kindOf(s);
  const studied = kind !== 'new';
  return {
    key: item.key,
    cardId: item.cardId,
    deckId: item.deckId,
    tags,
    order,
    kind,
    due: studied ? s.due : undefined,
    interval: studied ? s.sch : 0,
    stability: s.s,
    difficulty: s.d,
    retrievability: studied ? ctx.scheduler.retrievability(s, ctx.now) : 0,
    reps: s.reps,
    lapses: s.lapses,
    suspended: s.susp === true,
    buried: s.bury !== undefined && s.bury >= ctx.today,
    leech: s.leech === true,
    dueToday: studied && !isHidden(s, ctx.today) && s.due < ctx.dayEnd,
  };
}

const NO_TAGS: readonly string[] = [];

/** Rows for `items` (in deck order) from the ledger as it is now. */
export function cardInfos(items: readonly StudyItem[], ledger: Ledger, ctx: InfoContext): CardInfo[] {
  const today = studyDay(ctx.now, ctx.dayStartHour);
  const full = { ...ctx, today, dayEnd: dayStart(today + 1, ctx.dayStartHour).getTime() };
  return items.map((it, i) => cardInfo(it, peekItem(ledger.items, it.key), i, full));
}

export interface BrowseQuery {
  deckId?: string;
  tag?: string;
  filter?: BrowseFilter;
  /** Only these cards (a text search's hits: card ids, both sides of a reversible card). */
  cardIds?: ReadonlySet<string> | ReadonlyMap<string, number>;
}

function matchesFilter(c: CardInfo, f: BrowseFilter): boolean {
  switch (f) {
    case 'all':
      return true;
    case 'new':
      return c.kind === 'new' && !c.suspended;
    case 'learning':
      return c.kind === 'learning';
    case 'due':
      return c.dueToday;
    case 'suspended':
      return c.suspended;
    case 'leech':
      return c.leech;
    case 'buried':
      return c.buried;
  }
}

export function filterCards(rows: readonly CardInfo[], q: BrowseQuery): CardInfo[] {
  const f = q.filter ?? 'all';
  return rows.filter((c) => (!q.deckId || c.deckId === q.deckId) && (!q.tag || c.tags.includes(q.tag)) && (!q.cardIds || q.cardIds.has(c.cardId)) && matchesFilter(c, f));
}

/** Never-studied cards have no due or recall: they go after the studied ones, in deck order. */
const COMPARE: Record<BrowseSort, (a: CardInfo, b: CardInfo) => number> = {
  due: (a, b) => (a.due ?? Infinity) - (b.due ?? Infinity),
  // Weakest first: what is most likely forgotten now.
  retrievability: (a, b) => (a.kind === 'new' ? 2 : a.retrievability) - (b.kind === 'new' ? 2 : b.retrievability),
  lapses: (a, b) => b.lapses - a.lapses,
  added: () => 0,
};

/** `rank`: a text search's order by card id; it breaks ties before deck order (the best match of equals first). */
export function sortCards(rows: readonly CardInfo[], sort: BrowseSort, rank?: ReadonlyMap<string, number>): CardInfo[] {
  const cmp = COMPARE[sort];
  const byRank = rank ? (a: CardInfo, b: CardInfo) => (rank.get(a.cardId) ?? Infinity) - (rank.get(b.cardId) ?? Infinity) || 0 : () => 0;
  return [...rows].sort((a, b) => cmp(a, b) || byRank(a, b) || a.order - b.order);
}

/** The tags that occur in `items`, sorted (the browser's tag filter cycles through them). */
export function tagsOf(items: readonly StudyItem[]): string[] {
  const out = new Set<string>();
  for (const it of items) for (const t of it.card.tags ?? []) out.add(t);
  return [...out].sort();
}
