/**
 * A simulated year of daily reviews, with and without load balancing (issue 14's measure: the
 * bench prints it, a test holds it). Pure and seeded: the same options give the same result.
 * Not used by the app.
 *
 * Each day: new cards are introduced (Good, then Good after the 10-minute step); every review
 * due is answered, recalled with the card's retrievability (Good) or forgotten (Again, then
 * Good after the relearning step). Without balancing the scheduler fuzzes intervals at random
 * (the app today); with it, loadBalance picks the day within the same fuzz range.
 */
import { makeScheduler, newMemory, State, type MemoryState } from './fsrs.js';
import { balancedDue, DueCounts, seededRandom } from './loadBalance.js';
import { DEFAULT_SETTINGS } from './types.js';

const DAY = 86_400_000;
const MIN = 60_000;

export interface SimOptions {
  cards: number;
  newPerDay: number;
  days: number;
  balance: boolean;
  seed?: number;
}

export interface SimResult {
  /** Review answers (cards in the review state) per day. */
  daily: number[];
  /** Share of reviews recalled. */
  retention: number;
  /** max / mean of `daily` from `from` on (once every card has been introduced, by default). */
  maxOverMean: number;
  mean: number;
  max: number;
}

export function simulate(o: SimOptions): SimResult {
  const settings = DEFAULT_SETTINGS;
  const fuzzed = makeScheduler({ settings, fuzz: true });
  const plain = makeScheduler({ settings, fuzz: false });
  const cards: MemoryState[] = [];
  const counts = new DueCounts();
  const dayOf = (t: number) => Math.floor(t / DAY);
  let seed = o.seed ?? 1;
  const rand = () => seededRandom(`${seed++}`);
  const daily: number[] = [];
  let recalled = 0;
  let reviews = 0;
  // Answers a card; with balancing the due is the balanced one, as replay would set it.
  const answer = (i: number, at: number, grade: 1 | 3) => {
    const before = cards[i]!;
    const due = o.balance ? balancedDue({ plain, before, at, grade, counts, dayOf, maximumInterval: settings.maximumInterval, key: `c${i}` }) : undefined;
    const next = (o.balance ? plain : fuzzed).next(before, at, grade);
    if (due !== undefined) next.due = due;
    cards[i] = next;
  };
  for (let day = 0; day < o.days; day++) {
    const t0 = day * DAY + 10 * 3_600_000;
    let t = t0;
    let n = 0;
    for (let i = 0; i < cards.length; i++) {
      const c = cards[i]!;
      if (c.st !== State.Review || dayOf(c.due) > day) continue;
      n++;
      reviews++;
      const ok = rand() < plain.retrievability(c, t);
      if (ok) recalled++;
      answer(i, t, ok ? 3 : 1);
      // A lapse: relearning step, then Good.
      if (!ok) answer(i, t + 10 * MIN, 3);
      t += 10_000;
    }
    for (let k = 0; k < o.newPerDay && cards.length < o.cards; k++) {
      const i = cards.push(newMemory()) - 1;
      answer(i, t, 3);
      answer(i, t + 10 * MIN, 3);
      t += 10_000;
    }
    daily.push(n);
  }
  const from = Math.ceil(o.cards / Math.max(1, o.newPerDay));
  const steady = daily.slice(from);
  const mean = steady.reduce((a, b) => a + b, 0) / Math.max(1, steady.length);
  const max = Math.max(0, ...steady);
  return { daily, retention: reviews ? recalled / reviews : 0, maxOverMean: mean ? max / mean : 0, mean, max };
}
