/**
 * Today's review queue: learning cards due, then reviews due (lowest retrievability first),
 * then new cards in deck order; per-deck daily limits; siblings never on the same study day;
 * suspended and buried cards left out. When nothing else is left, learning cards due within
 * 20 minutes are shown early.
 */
import type { StudyItem } from '../deck/items.js';
import { dayStart, studyDay } from './day.js';
import { State, type Scheduler } from './fsrs.js';
import { FIELD, ItemTable, itemRow, peekItem, ROW_WIDTH } from './itemTable.js';
import type { ItemState, Ledger } from './ledger.js';
import type { QueueEntry, QueueKind, Settings } from './types.js';

export const LEARN_AHEAD_MS = 20 * 60_000;

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
  settings: Pick<Settings, 'dayStartHour' | 'newPerDay' | 'reviewsPerDay'>;
  scheduler: Scheduler;
  now: number;
  /**
   * Key → item for every item in scope, when the caller has one (saves a 100k-entry map). A
   * function: the queue needs it only once a session starts, never for counts (`amgi status`).
   */
  keyMap?: () => ReadonlyMap<string, StudyItem>;
}

/** Daily limits left per deck: [new, reviews]. */
export function limitsLeft(input: QueueInput, today: number): Map<string, [number, number]> {
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
  private keys?: ReadonlyMap<string, StudyItem>;

  constructor(private readonly input: QueueInput) {
    const { ledger, items, settings, scheduler, now } = input;
    this.today = studyDay(now, settings.dayStartHour);
    this.dayEnd = dayStart(this.today + 1, settings.dayStartHour).getTime();
    const left = limitsLeft(input, this.today);
    const queued = new Set<string>();
    // One pass over the items, reading states without building them (start-up at 100k cards):
    // due reviews as indices + recall probabilities, new cards as indices.
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
      if (!s) {
        newIdx.push(i);
        continue;
      }
      if (isHidden(s, this.today)) continue;
      const kind = kindOf(s);
      if (kind === 'learning') this.learning.set(key, { item, row: itemRow(ledger.items, key) });
      else if (kind === 'new') newIdx.push(i);
      else if (s.due < this.dayEnd) {
        r[i] = scheduler.retrievability(s, now);
        dueIdx.push(i);
      }
    }
    dueIdx.sort((a, b) => r[a]! - r[b]! || a - b);
    for (const i of dueIdx) {
      const item = items[i]!;
      const l = left.get(item.deckId)!;
      if (l[1] <= 0 || siblingBlocked(item, ledger, this.today, queued)) continue;
      l[1]--;
      queued.add(item.key);
      this.reviews.push(item);
    }
    for (const i of newIdx) {
      const it = items[i]!;
      const l = left.get(it.deckId)!;
      if (l[0] <= 0 || siblingBlocked(it, ledger, this.today, queued)) continue;
      l[0]--;
      queued.add(it.key);
      this.news.push(it);
    }
  }

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
    while (this.front.length) {
      const key = this.front.pop()!;
      const s = this.state(key);
      if (!isHidden(s, this.today)) return { item: this.byKey.get(key)!, kind: kindOf(s) };
    }
    const l = this.learningDue(now);
    if (l) return { item: l, kind: 'learning' };
    while (this.ri < this.reviews.length) {
      const it = this.reviews[this.ri++]!;
      if (this.reviewOk(it)) return { item: it, kind: 'review' };
    }
    while (this.ni < this.news.length) {
      const it = this.news[this.ni++]!;
      if (this.newOk(it)) return { item: it, kind: 'new' };
    }
    const ahead = this.learningDue(now + LEARN_AHEAD_MS);
    return ahead && { item: ahead, kind: 'learning' };
  }

  remaining(now: number): Remaining {
    const total: Remaining = { learning: 0, review: 0, new: 0 };
    this.tally(now + LEARN_AHEAD_MS, () => total);
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

  private tally(learnBy: number, bucket: (deckId: string) => Remaining): void {
    // Cards put back by undo are shown first and counted once, whatever list they came from.
    const counted = this.front.length ? new Set<string>() : undefined;
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
      const due = s.due < this.dayEnd ? this.dayEnd : s.due;
      if (min === undefined || due < min) min = due;
    }
    return min;
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
