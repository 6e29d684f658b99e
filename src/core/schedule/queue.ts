/**
 * Today's review queue: learning cards due first; reviews due (lowest retrievability first,
 * so after missed days the most at-risk come first) interleaved evenly with new cards in
 * curriculum order (order.ts); per-deck daily limits, and collection-wide ones when reviewing
 * all decks; two cards of one topic (or one option set) never in a row when another card can
 * go between; siblings never on the same study day; suspended and buried cards left out (a new
 * one hidden during the session makes room for the next: settle()). When nothing else is left,
 * learning cards due within 20 minutes are shown early.
 */
import type { StudyItem } from '../deck/items.js';
import { dayStart, studyDay } from './day.js';
import { State, type Scheduler } from './fsrs.js';
import { FIELD, ItemTable, itemRow, peekItem, ROW_WIDTH } from './itemTable.js';
import type { ItemState, Ledger } from './ledger.js';
import { clashes, deckRanksOfItems, spacingOf, TYPE_RANKS, typeRank, type Spacing } from './order.js';
import type { QueueEntry, QueueKind, Settings } from './types.js';

const LEARN_AHEAD_MS = 20 * 60_000;

/** Hidden today: suspended, or buried through today or later. */
export function isHidden(s: ItemState | undefined, today: number): boolean {
  return s !== undefined && (s.susp === true || (s.bury !== undefined && s.bury >= today));
}

/** The queue kind a state belongs to. */
export function kindOf(s: ItemState | undefined): QueueKind {
  if (!s || s.st === State.New) return 'new';
  return s.st === State.Review ? 'review' : 'learning';
}

/** Cards left in a queue, by kind. */
export interface Remaining {
  learning: number;
  review: number;
  new: number;
}

export interface QueueInput {
  ledger: Ledger;
  /** Items in scope, in deck order. */
  items: StudyItem[];
  settings: Pick<Settings, 'dayStartHour' | 'newPerDay' | 'reviewsPerDay' | 'newPerDayAll' | 'reviewsPerDayAll'>;
  scheduler: Scheduler;
  now: number;
  /** Reviewing all decks: the collection-wide limits apply as well as each deck's. */
  all?: boolean;
  /** Curriculum rank per deck id (order.ts deckRanks); default: the fixed curriculum. */
  deckRank?: ReadonlyMap<string, number>;
  /**
   * Key → item for every item in scope, when the caller has one (saves a 100k-entry map). A
   * function: the queue needs it only once a session starts, never for counts (`amgi status`).
   */
  keyMap?: () => ReadonlyMap<string, StudyItem>;
}

/** Daily limits left per deck: [new, reviews]. */
function limitsLeft(input: QueueInput, today: number): Map<string, [number, number]> {
  const stat = input.ledger.days.get(today);
  const left = new Map<string, [number, number]>();
  let last: string | undefined;
  for (const it of input.items) {
    // Items come deck by deck: a map lookup only where the deck changes.
    if (it.deckId === last || left.has(it.deckId)) continue;
    last = it.deckId;
    const done = stat?.dk[it.deckId] ?? [0, 0];
    left.set(it.deckId, [Math.max(0, input.settings.newPerDay - done[0]), Math.max(0, input.settings.reviewsPerDay - done[1])]);
  }
  return left;
}

/** Collection-wide limits left today: [new, reviews] (Infinity when reviewing one deck). */
export function totalLeft(input: Pick<QueueInput, 'ledger' | 'settings' | 'all'>, today: number): [number, number] {
  if (!input.all) return [Infinity, Infinity];
  const stat = input.ledger.days.get(today);
  return [Math.max(0, input.settings.newPerDayAll - (stat?.nw ?? 0)), Math.max(0, input.settings.reviewsPerDayAll - (stat?.rv ?? 0))];
}

/** How far next() looks ahead for a card of another topic (a bound on the work per card). */
const SPACING_LOOKAHEAD = 40;

/** Blocked by its sibling: the other direction was answered (or is already queued) today. */
function siblingBlocked(item: StudyItem, ledger: Ledger, today: number, queued: Set<string>): boolean {
  const sib = item.sibling;
  return sib !== undefined && (queued.has(sib) || peekItem(ledger.items, sib)?.ld === today);
}

/** A learning card in scope: its item, and its row hint (see peekItem). */
interface Learning {
  item: StudyItem;
  row: number;
}

/**
 * A review session's queue. Built once; `next` re-checks each candidate against the current
 * ledger, so answers from another terminal (applied to the same ledger) are respected.
 */
export class ReviewQueue {
  readonly today: number;
  private readonly dayEnd: number;
  /** Learning cards in scope by key, in the order found: each next card reads them all. */
  private readonly learning = new Map<string, Learning>();
  private readonly reviews: StudyItem[] = [];
  private readonly news: StudyItem[] = [];
  private ri = 0;
  private ni = 0;
  /** The last card next() gave: the next one should not share its topic or options. */
  private last?: Spacing;
  private keys?: ReadonlyMap<string, StudyItem>;

  /** Daily limits left per deck and in all ([new, reviews]), after the cards taken into the lists. */
  private readonly left: Map<string, [number, number]>;
  private readonly total: [number, number];
  /** Keys in the lists (a sibling of one is not taken). */
  private readonly queued = new Set<string>();
  /** Every new card in scope, in curriculum order (indices into items): where refills come from. */
  private readonly newOrder: number[];
  /** New cards of `news` hidden (suspended, buried) before they were answered: their places went to others. */
  private readonly released = new Set<string>();

  constructor(private readonly input: QueueInput) {
    const { settings } = input;
    this.today = studyDay(input.now, settings.dayStartHour);
    this.dayEnd = dayStart(this.today + 1, settings.dayStartHour).getTime();
    this.left = limitsLeft(input, this.today);
    this.total = totalLeft(input, this.today);
    const { dueIdx, newIdx, r } = this.scan();
    this.dueReviews = dueIdx.length;
    // Lowest recall probability first.
    dueIdx.sort((a, b) => r[a]! - r[b]! || a - b);
    for (const i of dueIdx) {
      if (this.total[1] <= 0) break;
      this.admit(i, 1, this.reviews);
    }
    this.newOrder = this.curriculumOrder(newIdx);
    for (const i of this.newOrder) {
      if (this.total[0] <= 0) break;
      this.admit(i, 0, this.news);
    }
  }

  /** Admit a card into the day's lists if its deck's limit and the total allow it and no sibling is queued or seen today. */
  private admit(i: number, slot: 0 | 1, into: StudyItem[]): void {
    const item = this.input.items[i]!;
    const l = this.left.get(item.deckId)!;
    if (l[slot] <= 0 || siblingBlocked(item, this.input.ledger, this.today, this.queued)) return;
    l[slot]--;
    this.total[slot]--;
    this.queued.add(item.key);
    into.push(item);
  }

  /**
   * The daily new limit counts cards introduced, not cards skipped (Anki): a new card suspended
   * or buried before its answer gives its place to the next new card, and takes it back if it
   * comes back (undo), so the session counts what a queue built now would (Home, `amgi status`).
   * Reads only the new list (at most the day's limit); the refill reads every new card, rarely.
   */
  private settle(): void {
    let freed = false;
    for (const it of this.news) {
      const s = this.state(it.key);
      // Released while new and hidden; back in (undo, another window) when shown or answered.
      const hidden = kindOf(s) === 'new' && isHidden(s, this.today);
      if (hidden === this.released.has(it.key)) continue;
      const l = this.left.get(it.deckId)!;
      const d = hidden ? 1 : -1;
      l[0] += d;
      this.total[0] += d;
      if (hidden) {
        this.released.add(it.key);
        this.queued.delete(it.key);
        freed = true;
      } else {
        this.released.delete(it.key);
        this.queued.add(it.key);
        if (l[0] < 0 || this.total[0] < 0) this.dropLastNew(it.key, it.deckId, l[0] < 0);
      }
    }
    if (!freed) return;
    const inNews = new Set(this.news.map((it) => it.key));
    for (const i of this.newOrder) {
      if (this.total[0] <= 0) break;
      const it = this.input.items[i]!;
      if (!inNews.has(it.key) && this.newOk(it)) this.admit(i, 0, this.news);
    }
  }

  /**
   * A card came back over the limit: the last new card not yet answered (of its deck when that
   * limit is over) waits for another day, whether still to come or put back by an undo.
   */
  private dropLastNew(back: string, deckId: string, sameDeck: boolean): void {
    for (let j = this.news.length - 1; j >= 0; j--) {
      const it = this.news[j]!;
      if (it.key === back || (sameDeck && it.deckId !== deckId) || !this.newOk(it) || this.released.has(it.key)) continue;
      const putBack = this.front.includes(it.key);
      if (j < this.ni && !putBack) continue;
      // Every copy: an undo can put the card on screen back beside the undone one.
      if (putBack) this.front = this.front.filter((k) => k !== it.key);
      this.news.splice(j, 1);
      if (j < this.ni) this.ni--;
      this.queued.delete(it.key);
      this.left.get(it.deckId)![0]++;
      this.total[0]++;
      return;
    }
  }

  /**
   * One pass over the items, reading states without building them (start-up at 100k cards):
   * learning cards into `learning`, due reviews as indices + recall probabilities, new cards as indices.
   */
  private scan(): { dueIdx: number[]; newIdx: number[]; r: Float64Array } {
    const { ledger, items, scheduler, now } = this.input;
    const dueIdx: number[] = [];
    const newIdx: number[] = [];
    const r = new Float64Array(items.length);
    // States still in the snapshot's rows are read as numbers, without a call per item (cold
    // code: 7 ms → 2 ms at 10k items); the rest (objects, a plain Map) through peekItem.
    const table = ledger.items instanceof ItemTable ? ledger.items : undefined;
    const rowOf = table?.rowsOf(items);
    const nums = table?.numbers;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const key = item.key;
      const row = rowOf ? rowOf[i]! : -2;
      if (row >= 0) {
        // A row is never hidden: suspended and buried states are objects.
        const o = row * ROW_WIDTH;
        const st = nums![o + FIELD.st]!;
        if (st === State.New) newIdx.push(i);
        else if (st !== State.Review) this.learning.set(key, { item, row });
        else if (nums![o + FIELD.due]! < this.dayEnd) {
          r[i] = scheduler.retrievability(table!.peekRow(row), now);
          dueIdx.push(i);
        }
        continue;
      }
      const s = row === -1 ? undefined : peekItem(ledger.items, key);
      if (!s) newIdx.push(i);
      else this.scanState(i, s, dueIdx, newIdx, r);
    }
    return { dueIdx, newIdx, r };
  }

  /** scan() for a state outside the snapshot's rows (an object: it may be hidden). */
  private scanState(i: number, s: ItemState, dueIdx: number[], newIdx: number[], r: Float64Array): void {
    if (isHidden(s, this.today)) return;
    const kind = kindOf(s);
    const item = this.input.items[i]!;
    if (kind === 'learning') this.learning.set(item.key, { item, row: itemRow(this.input.ledger.items, item.key) });
    else if (kind === 'new') newIdx.push(i);
    else if (s.due < this.dayEnd) {
      r[i] = this.input.scheduler.retrievability(s, this.input.now);
      dueIdx.push(i);
    }
  }

  /**
   * New cards in curriculum order: by deck rank, then card type (definitions first), then file
   * order. Buckets, not a sort: the scan stays linear at 100k new cards (`amgi status`).
   */
  private curriculumOrder(newIdx: number[]): number[] {
    const { items } = this.input;
    const ranks = this.input.deckRank ?? deckRanksOfItems(items);
    const buckets = new Map<number, number[]>();
    for (const i of newIdx) {
      const it = items[i]!;
      const key = (ranks.get(it.deckId) ?? Number.MAX_SAFE_INTEGER / TYPE_RANKS) * TYPE_RANKS + typeRank(it.card);
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = []));
      b.push(i);
    }
    return [...buckets.keys()].sort((a, b) => a - b).flatMap((key) => buckets.get(key)!);
  }

  /** Reviews due today in scope before any limit (after missed days, more than a day's limit). */
  readonly dueReviews: number;

  /** Key → item of every item in scope, built on first use. */
  private get byKey(): ReadonlyMap<string, StudyItem> {
    return (this.keys ??= this.input.keyMap?.() ?? new Map(this.input.items.map((it) => [it.key, it])));
  }

  /** Note a card answered in this session (it may have entered learning). */
  noteAnswered(key: string): void {
    if (this.learning.has(key) || kindOf(this.state(key)) !== 'learning') return;
    const item = this.byKey.get(key);
    if (item) this.learning.set(key, { item, row: itemRow(this.input.ledger.items, key) });
  }

  /** Put a card back (undo): it is shown next. */
  private front: string[] = [];
  pushFront(key: string): void {
    if (this.byKey.has(key)) this.front.push(key);
  }

  /** A state to read at once (peekItem: possibly a scratch object, valid until the next read). */
  private state(key: string, row = -1): ItemState | undefined {
    return peekItem(this.input.ledger.items, key, row);
  }

  private learningDue(limit: number): StudyItem | undefined {
    let best: { item: StudyItem; due: number } | undefined;
    for (const [key, l] of this.learning) {
      const s = this.state(key, l.row);
      if (kindOf(s) !== 'learning' || isHidden(s, this.today)) {
        this.learning.delete(key);
        continue;
      }
      if (s!.due <= limit && (!best || s!.due < best.due)) best = { item: l.item, due: s!.due };
    }
    return best?.item;
  }

  /** Its sibling was answered today (by any terminal: read from the ledger now). */
  private siblingToday(it: StudyItem): boolean {
    return it.sibling !== undefined && this.state(it.sibling)?.ld === this.today;
  }

  private reviewOk(it: StudyItem): boolean {
    const s = this.state(it.key);
    return kindOf(s) === 'review' && s!.due < this.dayEnd && !isHidden(s, this.today) && !this.siblingToday(it);
  }

  private newOk(it: StudyItem): boolean {
    const s = this.state(it.key);
    return kindOf(s) === 'new' && !isHidden(s, this.today) && !this.siblingToday(it);
  }

  /** The next card at `now`, or undefined when the session is over. */
  next(now: number): QueueEntry | undefined {
    this.settle();
    while (this.front.length) {
      const key = this.front.pop()!;
      const s = this.state(key);
      if (!isHidden(s, this.today)) return { item: this.byKey.get(key)!, kind: kindOf(s) };
    }
    const l = this.learningDue(now);
    if (l) return this.give({ item: l, kind: 'learning' });
    // New cards spread evenly among the reviews (Anki's "mix with reviews"): a new card
    // whenever fewer of the new list than of the review list has been used.
    const newTurn = this.ni * this.reviews.length < this.ri * this.news.length;
    const first = newTurn ? this.takeNew() : this.takeReview();
    const entry = first ?? (newTurn ? this.takeReview() : this.takeNew());
    if (entry) return this.give(entry);
    const ahead = this.learningDue(now + LEARN_AHEAD_MS);
    return ahead && this.give({ item: ahead, kind: 'learning' });
  }

  private give(e: QueueEntry): QueueEntry {
    this.last = spacingOf(e.item.card);
    return e;
  }

  private takeReview(): QueueEntry | undefined {
    const it = this.take(this.reviews, this.ri, (x) => this.reviewOk(x), (i) => (this.ri = i));
    return it && { item: it, kind: 'review' };
  }

  private takeNew(): QueueEntry | undefined {
    const it = this.take(this.news, this.ni, (x) => this.newOk(x), (i) => (this.ni = i));
    return it && { item: it, kind: 'new' };
  }

  /**
   * The first usable card of `list` from `from`, preferring one that does not repeat the last
   * card's topic or option set: such a card, a little further on, is swapped forward (the one
   * passed over comes next time). `move` sets the list's cursor past the card taken.
   */
  private take(list: StudyItem[], from: number, ok: (it: StudyItem) => boolean, move: (i: number) => void): StudyItem | undefined {
    let i = from;
    while (i < list.length && !ok(list[i]!)) i++;
    if (i >= list.length) {
      move(i);
      return undefined;
    }
    if (clashes(list[i]!.card, this.last)) {
      const end = Math.min(list.length, i + SPACING_LOOKAHEAD);
      for (let j = i + 1; j < end; j++) {
        const c = list[j]!;
        if (!clashes(c.card, this.last) && ok(c)) {
          list[j] = list[i]!;
          list[i] = c;
          break;
        }
      }
    }
    move(i + 1);
    return list[i];
  }

  /** Cards left by kind; `skip`: the card on screen (a learning card stays in its list while shown). */
  remaining(now: number, skip?: string): Remaining {
    const total: Remaining = { learning: 0, review: 0, new: 0 };
    this.tally(now + LEARN_AHEAD_MS, () => total, skip);
    return total;
  }

  /**
   * remaining(), per deck of the items in scope (limits and siblings are per deck); learning
   * cards due by `learnBy` (default: what remaining() counts).
   */
  remainingByDeck(now: number, learnBy = now + LEARN_AHEAD_MS): Map<string, Remaining> {
    const byDeck = new Map<string, Remaining>();
    this.tally(learnBy, (deckId) => {
      let r = byDeck.get(deckId);
      if (!r) byDeck.set(deckId, (r = { learning: 0, review: 0, new: 0 }));
      return r;
    });
    return byDeck;
  }

  private tally(learnBy: number, bucket: (deckId: string) => Remaining, skip?: string): void {
    this.settle();
    // Cards put back by undo are shown first and counted once, whatever list they came from.
    const counted = this.front.length || skip !== undefined ? new Set<string>(skip === undefined ? [] : [skip]) : undefined;
    const count = (item: StudyItem, kind: QueueKind) => {
      if (counted?.has(item.key)) return;
      counted?.add(item.key);
      bucket(item.deckId)[kind]++;
    };
    for (const [key, l] of this.learning) {
      const s = this.state(key, l.row);
      if (kindOf(s) === 'learning' && !isHidden(s, this.today) && s!.due <= learnBy) count(l.item, 'learning');
    }
    for (let i = this.ri; i < this.reviews.length; i++) if (this.reviewOk(this.reviews[i]!)) count(this.reviews[i]!, 'review');
    for (let i = this.ni; i < this.news.length; i++) if (this.newOk(this.news[i]!)) count(this.news[i]!, 'new');
    for (const key of this.front) {
      const s = this.state(key);
      if (!isHidden(s, this.today)) count(this.byKey.get(key)!, kindOf(s));
    }
  }

  /**
   * When the next card of this selection becomes due (the session summary's "next card at …"):
   * the earliest due time of any studied, unsuspended card in scope. Learning cards may be due
   * later today; reviews on a later day. One pass, only at the end of a session.
   */
  nextDue(): number | undefined {
    let min = this.nextLearningDue();
    for (const it of this.input.items) {
      const s = peekItem(this.input.ledger.items, it.key);
      if (!s || s.susp || kindOf(s) === 'new' || kindOf(s) === 'learning') continue;
      // Already due but left out today (daily limit, bury, sibling): it comes with the next study day.
      const due = Math.max(s.due, this.dayEnd);
      if (min === undefined || due < min) min = due;
    }
    return min;
  }

  /** The instant the queue was built for. */
  get now(): number {
    return this.input.now;
  }

  /** Learning cards in scope still to come today (from `now` on: the end screen's "later today"). */
  learningLeft(now: number): number {
    let n = 0;
    for (const [key, l] of this.learning) {
      const s = this.state(key, l.row);
      if (kindOf(s) === 'learning' && !isHidden(s, this.today) && s!.due >= now && s!.due < this.dayEnd) n++;
    }
    return n;
  }

  /** The earliest due time of a learning card in scope (for "next card at …"). */
  nextLearningDue(): number | undefined {
    let min: number | undefined;
    for (const [key, l] of this.learning) {
      const s = this.state(key, l.row);
      if (kindOf(s) === 'learning' && !isHidden(s, this.today)) min = min === undefined ? s!.due : Math.min(min, s!.due);
    }
    return min;
  }
}
