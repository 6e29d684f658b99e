import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AnswerEntry, Grade } from '../../src/core/schedule/types.js';
import { clock, DAY, deck, MIN, open } from './fixtures.js';
import { tmpHome } from '../helpers/tmpHome.js';

let t: ReturnType<typeof tmpHome>;
beforeEach(() => (t = tmpHome()));
afterEach(() => t.cleanup());

test('dueByDeck(false) equals counts(id) of each deck, dueByDeck() adds up to counts(): through learning, reviews, limits and siblings', () => {
  const c = clock('2026-03-01T01:00:00Z');
  const decks = [deck('a', 40, { reversible: 12 }), deck('b', 30), deck('empty', 0)];
  const p = open(t.home, decks, c.now);
  // Collection-wide limits below the sum of the decks' (issue 14): All decks is not the sum of its rows.
  p.saveSettings({ newPerDay: 7, reviewsPerDay: 9, newPerDayAll: 10, reviewsPerDayAll: 12 });
  let n = 0;
  const answer = (key: string, deckId: string, grade: Grade): AnswerEntry => ({ ...p.entryBase(), id: `e${n++}`, op: 'answer', key, deck: deckId, grade, ms: 1000, kind: 'review', reschedule: true });
  const grades: Grade[] = [1, 3, 4, 2, 3];
  const seen = { learning: 0, review: 0, new: 0 };
  const check = () => {
    const due = p.dueByDeck(false);
    for (const r of due.values()) for (const k of ['learning', 'review', 'new'] as const) seen[k] += r[k];
    expect([...due.keys()]).toEqual(['a', 'b']);
    const byDeck = p.countsByDeck();
    for (const id of ['a', 'b']) {
      const { learning, review, new: fresh } = p.counts(id);
      expect(due.get(id), `${id} at ${c.now().toISOString()}`).toEqual({ learning, review, new: fresh });
      // Home's counts: one queue over every deck gives each deck's counts(id)…
      expect(byDeck.decks.get(id)).toEqual(p.counts(id));
    }
    // All decks: counts() of all of them, the shares of today's all-decks session (amgi status) added up.
    expect(byDeck.all).toEqual(p.counts());
    const share = { learning: 0, review: 0, new: 0 };
    for (const r of p.dueByDeck().values()) for (const k of ['learning', 'review', 'new'] as const) share[k] += r[k];
    const all = p.counts();
    expect(share).toEqual({ learning: all.learning, review: all.review, new: all.new });
    expect(all.new).toBeLessThanOrEqual(10);
    expect(all.review).toBeLessThanOrEqual(12);
  };
  check();
  // Answers on the first days only (a varying slice of each deck, reverse siblings included),
  // then days without answers, so learning cards, due reviews and new cards all show up.
  for (let day = 0; day < 14; day++) {
    const entries: AnswerEntry[] = [];
    for (const d of decks.slice(0, 2)) {
      for (const [i, it] of d.deck.cards.entries()) {
        if (day > 4 || (i + day) % 3 !== 0) continue;
        entries.push(answer(it.id, d.deck.id, grades[(i + day) % grades.length]!));
        if (it.type === 'reversible' && day % 2) entries.push(answer(`${it.id}~rev`, d.deck.id, grades[(i + 2 * day) % grades.length]!));
      }
    }
    p.record(entries);
    check();
    c.advance(15 * MIN);
    check();
    c.advance(DAY - 15 * MIN);
    check();
  }
  // A learning card due later today but more than 20 minutes ahead (an answer stamped by a
  // terminal whose clock is an hour ahead): counted by counts(), so by dueByDeck too.
  c.set('2026-03-20T01:00:00Z');
  const before = p.counts('b').learning;
  const inReview = decks[1]!.deck.cards.find((card) => p.state(card.id)?.st === 2)!;
  p.record([{ ...answer(inReview.id, 'b', 1), at: '2026-03-20T02:00:00.000Z' }]);
  expect(p.counts('b').learning).toBe(before + 1);
  check();
  // The run went through every kind of card.
  expect(seen.learning).toBeGreaterThan(0);
  expect(seen.review).toBeGreaterThan(0);
  expect(seen.new).toBeGreaterThan(0);
});
