/** The card browser's store side: rows, a card's history, unbury, a forget undone by id. */
process.env.TZ = 'Asia/Seoul';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { filterCards, sortCards } from '../../src/core/schedule/browse.js';
import { clock, DAY, deck, MIN, open } from './fixtures.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

describe('browse rows and history', () => {
  test('the rows are kept while nothing they come from changes: an answer, a flag, another window or the next minute makes new ones', () => {
    const decks = [deck('a', 4)];
    const c = clock('2026-03-01T10:00:00');
    const p = open(home, decks, c.now);
    const first = p.cardInfos();
    expect(p.cardInfos()).toBe(first);
    p.setFlag('a-0001', 'suspend');
    const afterFlag = p.cardInfos();
    expect(afterFlag).not.toBe(first);
    expect(afterFlag.find((r) => r.key === 'a-0001')!.suspended).toBe(true);
    // Another window answers: this one's rows change once it has read the log.
    const other = open(home, decks, c.now);
    const s = other.startReview();
    s.answer(3, 1000);
    other.close();
    p.refresh();
    const afterOther = p.cardInfos();
    expect(afterOther).not.toBe(afterFlag);
    expect(afterOther.filter((r) => r.kind !== 'new').length).toBe(1);
    // Recall and "due today" depend on the time: a minute later they are computed again.
    c.advance(MIN);
    expect(p.cardInfos()).not.toBe(afterOther);
    // A subset is never served from the whole list's rows.
    expect(p.cardInfos([])).toEqual([]);
    p.close();
  });

  test('rows say state, due and flags; filters and sorts pick them out', () => {
    const decks = [deck('a', 6, { tags: (i) => (i % 2 ? ['odd'] : []) })];
    const c = clock('2026-03-01T10:00:00');
    const p = open(home, decks, c.now);
    const s = p.startCram({ keys: ['a-0000', 'a-0001', 'a-0002'], reschedule: true });
    s.answer(4, 1000);
    s.answer(1, 1000);
    s.answer(3, 1000);
    p.setFlag('a-0003', 'suspend');
    p.setFlag('a-0004', 'bury');
    const rows = p.cardInfos();
    const by = new Map(rows.map((r) => [r.key, r]));
    expect(by.get('a-0000')!.kind).toBe('review');
    expect(by.get('a-0000')!.interval).toBeGreaterThan(0);
    expect(by.get('a-0001')!.kind).toBe('learning');
    expect(by.get('a-0001')!.dueToday).toBe(true);
    expect(by.get('a-0005')!.kind).toBe('new');
    expect(by.get('a-0005')!.due).toBeUndefined();
    expect(filterCards(rows, { filter: 'suspended' }).map((r) => r.key)).toEqual(['a-0003']);
    expect(filterCards(rows, { filter: 'buried' }).map((r) => r.key)).toEqual(['a-0004']);
    expect(filterCards(rows, { filter: 'learning' }).map((r) => r.key).sort()).toEqual(['a-0001', 'a-0002']);
    expect(filterCards(rows, { tag: 'odd' }).map((r) => r.key)).toEqual(['a-0001', 'a-0003', 'a-0005']);
    // Due: soonest first, never-studied last in deck order.
    expect(sortCards(rows, 'due').map((r) => r.key).slice(-3)).toEqual(['a-0003', 'a-0004', 'a-0005']);
    expect(sortCards(rows, 'due')[0]!.key).toBe('a-0001');
    expect(sortCards(rows, 'lapses')[0]!.key).toBe('a-0000');
    // A day later the Easy card is the strongest: weakest-first puts it after the others studied.
    c.advance(DAY);
    const later = sortCards(p.cardInfos(), 'retrievability').map((r) => r.key);
    expect(later.indexOf('a-0000')).toBeGreaterThan(later.indexOf('a-0001'));
    p.close();
  });

  test('history lists the answers still in effect, oldest first; an undone one is gone; it survives a reopen without index.bin', () => {
    const decks = [deck('a', 3)];
    const c = clock('2026-03-01T10:00:00');
    const p = open(home, decks, c.now);
    const s = p.startCram({ keys: ['a-0000'], reschedule: true });
    s.answer(3, 1000);
    c.advance(10 * MIN);
    const s2 = p.startCram({ keys: ['a-0000'], reschedule: true });
    s2.answer(1, 2000);
    c.advance(MIN);
    const s3 = p.startCram({ keys: ['a-0000'], reschedule: false, kind: 'quiz' });
    s3.answer(2, 500);
    expect(s3.undo()).toEqual({ key: 'a-0000', what: 'answer' });
    const h = p.history('a-0000');
    expect(h.map((e) => (e.op === 'answer' ? [e.grade, e.kind] : e.op))).toEqual([[3, 'cram'], [1, 'cram']]);
    expect(p.history('a-0001')).toEqual([]);
    p.close();
    rmSync(join(home, 'index.bin'), { force: true });
    const q = open(home, decks, c.now);
    expect(q.history('a-0000')).toHaveLength(2);
    q.close();
  });

  test('unbury brings a buried card back today; it is durable across a reopen and a rebuild', () => {
    const decks = [deck('a', 2)];
    const c = clock('2026-03-01T10:00:00');
    const p = open(home, decks, c.now);
    p.setFlag('a-0000', 'bury');
    expect(p.counts().new).toBe(1);
    // A minute later: two flags at one instant would fold in the order of their random ids.
    c.advance(MIN);
    p.setFlag('a-0000', 'unbury');
    expect(p.counts().new).toBe(2);
    expect(p.history('a-0000').map((e) => e.op)).toEqual(['bury', 'unbury']);
    p.close();
    expect(open(home, decks, c.now).state('a-0000')?.bury).toBeUndefined();
    rmSync(join(home, 'state.bin'));
    expect(open(home, decks, c.now).state('a-0000')?.bury).toBeUndefined();
  });

  test('a forget undone by its entry id restores the schedule exactly', () => {
    const decks = [deck('a', 2)];
    const c = clock('2026-03-01T10:00:00');
    const p = open(home, decks, c.now);
    p.startCram({ keys: ['a-0000'], reschedule: true }).answer(4, 1000);
    const before = { ...p.state('a-0000')! };
    c.advance(MIN);
    const id = p.setFlag('a-0000', 'forget');
    expect(p.cardInfos().find((r) => r.key === 'a-0000')!.kind).toBe('new');
    p.undoEntry(id, 'a-0000');
    expect({ ...p.state('a-0000')! }).toEqual(before);
    p.close();
  });
});
