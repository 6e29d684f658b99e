/**
 * Study sessions over the store: a review session (today's queue) and a cram session (any
 * selection, weakest first, interview plans). The queue logic is pure (core/schedule); this
 * file adds durability: every answer is in the log, fsync'd, before the next card is picked.
 */
import type { StudyItem } from '../core/deck/items.js';
import { selectCram } from '../core/schedule/cram.js';
import { newItemState } from '../core/schedule/ledger.js';
import { planDue } from '../core/schedule/interviewPlan.js';
import { isHidden, kindOf, type ReviewQueue } from '../core/schedule/queue.js';
import { previews } from '../core/schedule/previews.js';
import type { AnswerEntry, Grade, Previews, QueueEntry } from '../core/schedule/types.js';
import { UsageError } from '../core/errors.js';
import type { AnswerResult, CramOptions, Outlook, SessionHost, SessionSummary, StudySession, Undone } from './types.js';
import { dayStart } from '../core/schedule/day.js';
import { makeBalancer, type Balancer } from './balance.js';

/** What a session needs from its queue. */
interface Picker {
  next(now: number): QueueEntry | undefined;
  /** The card was answered; `again` when the grade was Again. */
  answered(key: string, again: boolean, planN: number): void;
  /** Show this card next (undo). */
  pushFront(key: string): void;
  /** Cards to come after `current` (its key: not counted even if it is still in a list). */
  remaining(now: number, current?: string): { learning: number; review: number; new: number };
  nextDue(): number | undefined;
  /** Review sessions: what comes later today and tomorrow (the end screen). */
  outlook?(now: number): Outlook;
}

interface Done {
  /** Log entry ids, for undo (a bury writes one for the card and one for its sibling). */
  ids: string[];
  key: string;
  what: Undone['what'];
  grade?: Grade;
  ms: number;
}

interface AnswerMode {
  kind: AnswerEntry['kind'];
  reschedule: boolean;
  plan?: string;
}

class Session implements StudySession {
  private cur: QueueEntry | undefined;
  /** The current card's newest entry time when it was drawn: another window's answer changes it. */
  private curLa: number | undefined;
  private readonly done: Done[] = [];
  private ended = false;

  constructor(
    private readonly store: SessionHost,
    private readonly picker: Picker,
    private readonly mode: AnswerMode,
    readonly plan?: { perDay: number; daysLeft: number },
    /** Review sessions: picks each review's day among the quieter ones (load balancing). */
    private readonly balancer?: Balancer,
  ) {}

  current(): QueueEntry | undefined {
    if (!this.cur && !this.ended) {
      this.cur = this.picker.next(this.store.now());
      if (!this.cur) this.ended = true;
      else this.curLa = this.store.state(this.cur.item.key)?.la;
    }
    return this.cur;
  }

  previews(): Previews | undefined {
    const c = this.current();
    if (!c) return undefined;
    const s = this.store.state(c.item.key) ?? newItemState(c.item.deckId);
    const sched = this.mode.plan ? this.store.ctx.planScheduler : this.store.ctx.scheduler;
    return previews(sched, s, this.store.now());
  }

  answer(grade: Grade, ms: number): AnswerResult {
    const c = this.current();
    if (!c) throw new Error('no card to answer');
    // Another window may have answered this card since it was drawn: never grade it twice.
    this.store.refresh();
    if (this.store.state(c.item.key)?.la !== this.curLa) {
      this.cur = undefined;
      return { leech: false, otherWindow: true };
    }
    const base = this.store.entryBase();
    const due = this.balancer?.due(c.item.key, grade, Date.parse(base.at));
    const e: AnswerEntry = {
      ...base,
      op: 'answer',
      key: c.item.key,
      deck: c.item.deckId,
      grade,
      ms: Math.max(0, Math.min(Math.round(ms), 3_600_000)),
      kind: this.mode.kind,
      reschedule: this.mode.reschedule,
      ...(this.mode.plan ? { plan: this.mode.plan } : {}),
      ...(due ? { due } : {}),
    };
    const leeches = this.store.record([e]);
    this.done.push({ ids: [e.id], key: e.key, what: 'answer', grade, ms: e.ms });
    const st = this.store.state(e.key);
    this.picker.answered(e.key, grade === 1, st?.plan === this.mode.plan ? (st?.planN ?? 0) : 0);
    this.cur = undefined;
    return { leech: leeches.has(e.id) };
  }

  canUndo(): boolean {
    return this.done.length > 0;
  }

  /** Undo this session's newest answer or flag (never another session's, deck's or mode's). */
  undo(): Undone | undefined {
    const last = this.done.pop();
    if (!last) return undefined;
    // Newest first: a bury's sibling entry was written after the card's own.
    for (const id of [...last.ids].reverse()) this.store.undoEntry(id, id === last.ids[0] ? last.key : this.siblingOf(last.key));
    this.ended = false;
    if (this.cur) this.picker.pushFront(this.cur.item.key);
    this.picker.pushFront(last.key);
    this.cur = undefined;
    return { key: last.key, what: last.what };
  }

  private siblingOf(key: string): string {
    return this.store.item(key)?.sibling ?? key;
  }

  private flagCurrent(op: 'suspend' | 'bury'): void {
    const c = this.current();
    if (!c) return;
    const ids = [this.store.setFlag(c.item.key, op)];
    // A buried card's sibling goes too: the other direction would give the answer away today.
    if (op === 'bury' && c.item.sibling && this.store.item(c.item.sibling)) ids.push(this.store.setFlag(c.item.sibling, 'bury'));
    this.done.push({ ids, key: c.item.key, what: op, ms: 0 });
    this.cur = undefined;
  }

  suspend(): void {
    this.flagCurrent('suspend');
  }

  bury(): void {
    this.flagCurrent('bury');
  }

  remaining(): { learning: number; review: number; new: number } {
    return this.picker.remaining(this.store.now(), this.cur?.item.key);
  }

  summary(): SessionSummary {
    const answers = this.done.filter((d) => d.grade !== undefined);
    const ok = answers.filter((d) => d.grade !== 1).length;
    const next = this.picker.nextDue();
    return {
      answered: answers.length,
      ...(answers.length ? { accuracy: ok / answers.length } : {}),
      ms: answers.reduce((t, d) => t + d.ms, 0),
      streak: this.store.streak(),
      ...(next !== undefined ? { nextDue: new Date(next) } : {}),
      ...(this.picker.outlook ? { later: this.picker.outlook(this.store.now()) } : {}),
      missed: [...new Set(answers.filter((d) => d.grade === 1).map((d) => d.key))],
    };
  }
}

class ReviewPicker implements Picker {
  constructor(
    private readonly q: ReviewQueue,
    /** Tomorrow's queue over the same cards (built only for the end screen). */
    private readonly tomorrow: () => ReviewQueue,
  ) {}
  outlook(now: number): Outlook {
    const t = this.tomorrow();
    const r = t.remaining(t.now);
    const next = this.q.nextLearningDue();
    return { learningToday: this.q.learningLeft(now), ...(next !== undefined ? { nextLearning: new Date(next) } : {}), tomorrowNew: r.new, tomorrowDue: r.review };
  }
  next(now: number) {
    return this.q.next(now);
  }
  answered(key: string) {
    this.q.noteAnswered(key);
  }
  pushFront(key: string) {
    this.q.pushFront(key);
  }
  remaining(now: number, current?: string) {
    return this.q.remaining(now, current);
  }
  nextDue() {
    return this.q.nextDue();
  }
}

export function reviewSession(store: SessionHost, items: StudyItem[], all: boolean): StudySession {
  // `all`: the collection-wide limits apply too (issue 14); new cards in curriculum order.
  const q = store.queue(items, all);
  const tomorrow = () => store.queue(items, all, dayStart(q.today + 1, store.settings.dayStartHour).getTime());
  return new Session(store, new ReviewPicker(q, tomorrow), { kind: 'review', reschedule: true }, undefined, makeBalancer(store));
}

/** A cram queue: the selection in order; a card answered Again comes back at the end. */
class CramPicker implements Picker {
  private readonly queue: string[];
  private i = 0;
  private readonly byKey = new Map<string, StudyItem>();
  private readonly again = new Map<string, number>();

  constructor(
    private readonly store: SessionHost,
    items: StudyItem[],
    /** Interview plan in its last day or two: cards with fewer than two plan answers come back once. */
    private readonly secondPass: boolean,
  ) {
    this.queue = items.map((it) => it.key);
    for (const it of items) this.byKey.set(it.key, it);
  }

  next(): QueueEntry | undefined {
    const today = this.store.today();
    while (this.i < this.queue.length) {
      const key = this.queue[this.i++]!;
      const s = this.store.state(key);
      if (!isHidden(s, today)) return { item: this.byKey.get(key)!, kind: kindOf(s) };
    }
    return undefined;
  }

  answered(key: string, again: boolean, planN: number): void {
    if (again || (this.secondPass && planN < 2)) {
      this.queue.push(key);
      this.again.set(key, (this.again.get(key) ?? 0) + 1);
    }
  }

  pushFront(key: string): void {
    // Only cards of this selection come back (an undo never reaches outside the session anyway).
    if (!this.byKey.has(key)) return;
    // Drop a re-queued copy the undone answer had added, then show the card next.
    const n = this.again.get(key) ?? 0;
    if (n > 0) {
      const j = this.queue.lastIndexOf(key);
      if (j >= this.i) {
        this.queue.splice(j, 1);
        this.again.set(key, n - 1);
      }
    }
    this.queue.splice(this.i, 0, key);
  }

  remaining() {
    const out = { learning: 0, review: 0, new: 0 };
    for (let j = this.i; j < this.queue.length; j++) out[kindOf(this.store.state(this.queue[j]!))]++;
    return out;
  }

  nextDue() {
    return undefined;
  }
}

export function cramSession(store: SessionHost, opts: CramOptions): StudySession {
  let items = store.items(opts.deckId);
  const now = store.now();
  let plan: string | undefined;
  let secondPass = false;
  let planInfo: { perDay: number; daysLeft: number } | undefined;
  if (opts.until) {
    const tagged = opts.tag ? items.filter((it) => (it.card.tags ?? []).includes(opts.tag!)) : items;
    const r = planDue({ ledger: store.ledger, items: tagged, settings: store.settings, scheduler: store.ctx.planScheduler, now, until: opts.until });
    if (!r.ok) throw new UsageError(r.error);
    items = opts.limit ? r.due.slice(0, opts.limit) : r.due;
    plan = opts.until;
    secondPass = r.lastDays;
    planInfo = { perDay: r.perDay, daysLeft: r.daysLeft };
  } else {
    items = selectCram({ ledger: store.ledger, items, scheduler: store.ctx.scheduler, now, dayStartHour: store.settings.dayStartHour, tag: opts.tag, keys: opts.keys, weakest: opts.weakest, limit: opts.limit });
  }
  // Interview plans always schedule (at the raised retention: that is how they pull reviews
  // forward); plain cram leaves schedules alone unless asked.
  const reschedule = plan !== undefined || opts.reschedule === true;
  return new Session(store, new CramPicker(store, items, secondPass), { kind: opts.kind ?? 'cram', reschedule, ...(plan ? { plan } : {}) }, planInfo);
}
