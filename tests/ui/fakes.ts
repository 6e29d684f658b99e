/**
 * A small in-memory Progress for screen tests (the e2e tests use the real store). It keeps
 * the contract's shape: a queue, answers that move it, undo, suspend, bury, counts.
 */
import { deckItems, type StudyItem } from '../../src/core/deck/items.js';
import type { Card, LoadedDeck } from '../../src/core/deck/types.js';
import { DEFAULT_SETTINGS, type DeckCounts, type FlagEntry, type Grade, type ItemEntry, type Previews, type QueueEntry, type Settings } from '../../src/core/schedule/types.js';
import type { CardInfo } from '../../src/core/schedule/browse.js';
import type { CramOptions, PlanPreview, Progress, SessionSummary, StudySession, Streak } from '../../src/store/types.js';
import { answerText, frontText } from '../../src/core/deck/cards.js';
import { intervalLabel } from '../../src/core/schedule/fsrs.js';
import type { AppServices, SearchEngine, SearchHit } from '../../src/ui/context.js';

export interface FakeAnswer {
  key: string;
  grade: Grade;
  ms: number;
  kind: 'review' | 'cram';
}

/** The next intervals the fake scheduler promises: the buttons show 1m · 6m · 10m · 9d. */
const NEXT_MS: Record<Grade, number> = { 1: 60_000, 2: 6 * 60_000, 3: 10 * 60_000, 4: 9 * 86_400_000 };

export class FakeProgress implements Progress {
  settings: Settings = { ...DEFAULT_SETTINGS };
  notices: string[] = [];
  log: FakeAnswer[] = [];
  suspended = new Set<string>();
  buried = new Set<string>();
  seen = new Set<string>();
  closed = false;
  private readonly all: StudyItem[];

  constructor(decks: LoadedDeck[], private readonly now: () => Date = () => new Date('2025-03-01T09:00:00Z')) {
    this.all = decks.flatMap((d) => deckItems(d.deck));
  }

  saveSettings(patch: Partial<Settings>): void {
    this.settings = { ...this.settings, ...patch };
  }
  items(deckId?: string): StudyItem[] {
    return this.all.filter((i) => !deckId || i.deckId === deckId);
  }
  counts(deckId?: string): DeckCounts {
    const items = this.items(deckId).filter((i) => !this.suspended.has(i.key));
    return {
      new: items.filter((i) => !this.seen.has(i.key)).length,
      learning: 0,
      review: 0,
      suspended: this.items(deckId).length - items.length,
      doneToday: this.log.filter((a) => !deckId || this.all.find((i) => i.key === a.key)?.deckId === deckId).length,
    };
  }
  countsByDeck(): { all: DeckCounts; decks: Map<string, DeckCounts> } {
    return { all: this.counts(), decks: new Map([...new Set(this.all.map((i) => i.deckId))].map((id) => [id, this.counts(id)])) };
  }
  msPerAnswer(): number {
    return 10_000;
  }
  streak(): Streak {
    const n = this.log.length ? 1 : 0;
    return { current: n, longest: n };
  }
  startReview(opts: { deckId?: string } = {}): StudySession {
    const queue = this.items(opts.deckId).filter((i) => !this.seen.has(i.key) && !this.suspended.has(i.key) && !this.buried.has(i.key));
    return new FakeSession(this, queue, 'review');
  }
  startCram(opts: CramOptions = {}): StudySession {
    return new FakeSession(this, this.items(opts.deckId).filter((i) => !this.suspended.has(i.key)), 'cram');
  }
  close(): void {
    this.closed = true;
  }
  // Not used by the screens under test; the real store implements them.
  stats(): never {
    throw new Error('FakeProgress.stats is not faked');
  }
  state() {
    return undefined;
  }
  /** Flags written by setFlag, by entry id (undoEntry takes one back). */
  flags = new Map<string, { key: string; op: FlagEntry['op']; before: { susp: boolean; bury: boolean; seen: boolean } }>();
  setFlag(key: string, op: FlagEntry['op']): string {
    const id = `f${this.flags.size + 1}`;
    this.flags.set(id, { key, op, before: { susp: this.suspended.has(key), bury: this.buried.has(key), seen: this.seen.has(key) } });
    if (op === 'suspend') this.suspended.add(key);
    if (op === 'unsuspend') this.suspended.delete(key);
    if (op === 'bury') this.buried.add(key);
    if (op === 'unbury') this.buried.delete(key);
    if (op === 'forget') this.seen.delete(key);
    return id;
  }
  undoEntry(id: string): void {
    const f = this.flags.get(id);
    if (!f) return;
    this.flags.delete(id);
    for (const [set, had] of [[this.suspended, f.before.susp], [this.buried, f.before.bury], [this.seen, f.before.seen]] as const) {
      if (had) set.add(f.key);
      else set.delete(f.key);
    }
  }
  cardInfos(items: StudyItem[] = this.all): CardInfo[] {
    return items.map((it, order) => {
      const seen = this.seen.has(it.key);
      return {
        key: it.key, cardId: it.cardId, deckId: it.deckId, tags: it.card.tags ?? [], order,
        kind: seen ? 'learning' : 'new', due: seen ? this.now().getTime() : undefined,
        interval: 0, stability: seen ? 1 : 0, difficulty: seen ? 5 : 0, retrievability: seen ? 0.9 : 0,
        reps: this.log.filter((a) => a.key === it.key).length, lapses: 0,
        suspended: this.suspended.has(it.key), buried: this.buried.has(it.key), leech: false, dueToday: seen && !this.suspended.has(it.key),
      } satisfies CardInfo;
    });
  }
  history(key: string): ItemEntry[] {
    return this.log.filter((a) => a.key === key).map((a, i) => ({ v: 1, id: `a${i}`, at: this.now().toISOString(), op: 'answer', key, deck: this.all.find((it) => it.key === key)!.deckId, grade: a.grade, ms: a.ms, kind: a.kind, reschedule: a.kind === 'review' }));
  }
  planPreview(opts: { deckId?: string; tag?: string; until: string }): PlanPreview {
    const days = Math.round((Date.parse(opts.until) - Date.parse(this.now().toISOString().slice(0, 10))) / 86_400_000);
    if (days < 0) return { ok: false, error: `the interview date ${opts.until} has passed` };
    const n = this.items(opts.deckId).length;
    return { ok: true, perDay: Math.ceil((3 * n) / (days + 1)), daysLeft: days, today: n };
  }
  weakestKeys(items: StudyItem[]): string[] {
    return items.filter((it) => this.seen.has(it.key)).map((it) => it.key);
  }
  undoLast(): boolean {
    return this.log.pop() !== undefined;
  }
  refresh(): void {}
  time(): Date {
    return this.now();
  }
}

class FakeSession implements StudySession {
  private readonly done: { item: StudyItem; grade: Grade }[] = [];
  private readonly started: number;
  constructor(
    private readonly p: FakeProgress,
    private readonly queue: StudyItem[],
    private readonly kind: 'review' | 'cram',
  ) {
    this.started = p.time().getTime();
  }
  current(): QueueEntry | undefined {
    const item = this.queue[0];
    return item ? { item, kind: this.p.seen.has(item.key) ? 'learning' : 'new' } : undefined;
  }
  previews(): Previews | undefined {
    if (!this.queue.length) return undefined;
    const now = this.p.time().getTime();
    const one = (g: Grade) => ({ due: new Date(now + NEXT_MS[g]), label: intervalLabel(NEXT_MS[g]) });
    return { 1: one(1), 2: one(2), 3: one(3), 4: one(4) };
  }
  answer(grade: Grade, ms: number) {
    const item = this.queue.shift();
    if (!item) throw new Error('no card');
    this.p.log.push({ key: item.key, grade, ms, kind: this.kind });
    this.p.seen.add(item.key);
    this.done.push({ item, grade });
    // Again: the card comes back at the end of this session.
    if (grade === 1) this.queue.push(item);
    return { leech: false };
  }
  undo(): string | undefined {
    const last = this.done.pop();
    if (!last) return undefined;
    this.p.log.pop();
    this.p.seen.delete(last.item.key);
    if (last.grade === 1) this.queue.splice(this.queue.lastIndexOf(last.item), 1);
    this.queue.unshift(last.item);
    return last.item.key;
  }
  suspend(): void {
    const item = this.queue.shift();
    if (item) this.p.suspended.add(item.key);
  }
  bury(): void {
    const item = this.queue.shift();
    if (item) this.p.buried.add(item.key);
  }
  /** Like the store: the current card is not counted. */
  remaining() {
    const rest = this.queue.slice(1);
    const learning = rest.filter((i) => this.p.seen.has(i.key)).length;
    return { learning, review: 0, new: rest.length - learning };
  }
  summary(): SessionSummary {
    const answered = this.done.length;
    const right = this.done.filter((d) => d.grade > 1).length;
    return {
      answered,
      accuracy: answered ? right / answered : undefined,
      ms: this.p.time().getTime() - this.started,
      streak: this.p.streak(),
      nextDue: answered ? new Date(this.p.time().getTime() + 10 * 60_000) : undefined,
      missed: this.done.filter((d) => d.grade === 1).map((d) => d.item.key),
    };
  }
}

function ranges(text: string, q: string): [number, number][] {
  const out: [number, number][] = [];
  if (!q) return out;
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + q.length)) out.push([at, at + q.length]);
  return out;
}

/** Substring search with highlights: enough to drive the search screen. */
export function fakeSearch(decks: LoadedDeck[]): SearchEngine {
  const cards: { card: Card; deck: LoadedDeck }[] = decks.flatMap((d) => d.deck.cards.map((card) => ({ card, deck: d })));
  const engine: SearchEngine = {
    size: cards.length,
    search: (query, opts) => engine.find(query, opts).hits,
    find(query, opts = {}) {
      const q = query.trim();
      const hits: SearchHit[] = [];
      for (const { card, deck } of cards) {
        const front = ranges(frontText(card), q);
        const back = ranges(answerText(card), q);
        if (front.length || back.length) {
          hits.push({ card, deckId: deck.deck.id, deckTitle: deck.deck.title, score: front.length ? 0 : 0.5, matchKind: 'exact', highlights: { front, back } });
        }
      }
      return { hits: hits.slice(0, opts.limit ?? 20), total: hits.length, atLeast: false };
    },
  };
  return engine;
}

export function fakeServices(decks: LoadedDeck[], progress = new FakeProgress(decks), problems: string[] = []): AppServices & { progress: FakeProgress } {
  return { progress, decks, problems, now: () => progress.time(), loadSearch: async () => fakeSearch(decks) };
}
