/**
 * What is left to study today, per deck and over all of them: Home's table, the deck picker and
 * `amgi status`. Counted from today's review queues over the store's ledger.
 */
import type { LoadedDeck } from '../core/deck/types.js';
import { dayStart } from '../core/schedule/day.js';
import { peekItem } from '../core/schedule/itemTable.js';
import { isHidden, kindOf, totalLeft, type Remaining, type ReviewQueue } from '../core/schedule/queue.js';
import type { DeckCounts } from '../core/schedule/types.js';
import type { SessionHost } from './types.js';

export type CountHost = Pick<SessionHost, 'ledger' | 'settings' | 'now' | 'items' | 'queue'>;

/** One deck's counts (or all decks' with `deckId` undefined: the collection-wide limits apply). */
export function deckCounts(host: CountHost, deckId?: string): DeckCounts {
  const items = host.items(deckId);
  const now = host.now();
  const q = host.queue(items, deckId === undefined, now);
  const r = q.remaining(now);
  const today = q.today;
  const dayEnd = dayStart(today + 1, host.settings.dayStartHour).getTime();
  let learning = 0;
  let suspended = 0;
  for (const it of items) {
    const s = peekItem(host.ledger.items, it.key);
    if (s?.susp) suspended++;
    if (kindOf(s) === 'learning' && !isHidden(s, today) && s!.due < dayEnd) learning++;
  }
  const stat = host.ledger.days.get(today);
  let doneToday = 0;
  if (stat) {
    if (deckId === undefined) doneToday = stat.n;
    else doneToday = (stat.dk[deckId]?.[0] ?? 0) + (stat.dk[deckId]?.[1] ?? 0);
  }
  return { new: r.new, learning, review: r.review, suspended, doneToday, ...(deckId === undefined ? { dueReviews: q.dueReviews } : {}) };
}

/**
 * Learning, review and new cards left of every deck with cards, from one queue over all of them
 * (limits and siblings are per deck, so each deck gets its own numbers) and without a pass over
 * every card; and the queue they came from.
 * `all`: each deck's share of today's all-decks session (the collection-wide limits apply, the
 * decks add up to the total); otherwise what reviewing each deck on its own gives.
 */
export function tallyDecks(host: CountHost, decks: readonly LoadedDeck[], all: boolean): { counts: Map<string, Remaining>; q: ReviewQueue } {
  const now = host.now();
  const q = host.queue(host.items(), all, now);
  // deckCounts() takes learning cards due before the day ends (due times are whole milliseconds).
  const found = q.remainingByDeck(now, dayStart(q.today + 1, host.settings.dayStartHour).getTime() - 1);
  const counts = new Map<string, Remaining>();
  for (const d of decks) if (d.deck.cards.length) counts.set(d.deck.id, found.get(d.deck.id) ?? { learning: 0, review: 0, new: 0 });
  return { counts, q };
}

/** deckCounts() of all decks and of each, from one queue over every card (Home at 100k cards). */
export function countsByDeck(host: CountHost, decks: readonly LoadedDeck[], today: number): { all: DeckCounts; decks: Map<string, DeckCounts> } {
  const stat = host.ledger.days.get(today);
  const suspended = new Map<string, number>();
  for (const it of host.items()) if (peekItem(host.ledger.items, it.key)?.susp) suspended.set(it.deckId, (suspended.get(it.deckId) ?? 0) + 1);
  const rows = new Map<string, DeckCounts>();
  const all: DeckCounts = { new: 0, learning: 0, review: 0, suspended: 0, doneToday: stat?.n ?? 0 };
  // A deck's row: what reviewing that deck gives (its own limits). All decks applies the
  // collection-wide limits as well (Anki's parent deck), so it is not the sum of the rows but
  // that sum capped: the all-decks queue takes cards in the same order and stops when the
  // total runs out. One queue, not two.
  const { counts, q } = tallyDecks(host, decks, false);
  for (const [id, r] of counts) {
    const done = stat?.dk[id];
    const c: DeckCounts = { ...r, suspended: suspended.get(id) ?? 0, doneToday: (done?.[0] ?? 0) + (done?.[1] ?? 0) };
    rows.set(id, c);
    all.new += c.new;
    all.learning += c.learning;
    all.review += c.review;
    all.suspended += c.suspended;
  }
  const [newLeft, reviewsLeft] = totalLeft({ ledger: host.ledger, settings: host.settings, all: true }, q.today);
  all.new = Math.min(all.new, newLeft);
  all.review = Math.min(all.review, reviewsLeft);
  all.dueReviews = q.dueReviews;
  return { all, decks: rows };
}
