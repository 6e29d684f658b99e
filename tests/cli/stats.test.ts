import { describe, expect, test } from 'vitest';
import { amgi } from '../helpers/cli.js';
import { mini, useMiniDeckHome } from '../helpers/miniDeck.js';
import { appendEntries } from '../../src/store/log.js';

/** A fresh AMGI_HOME per test; its decks folder holds only the mini fixture deck. */
const fixture = useMiniDeckHome();

describe('amgi stats', () => {
  test('--json: forecast, heatmap, retention, streak, decks, time', () => {
    const key = mini.cards[0]!.id;
    appendEntries(fixture.home, [
      { v: 1, id: 'a', at: '2026-03-01T01:00:00.000Z', op: 'answer', key, deck: mini.id, grade: 4, ms: 60_000, kind: 'review', reschedule: true },
      { v: 1, id: 'b', at: '2026-03-02T01:00:00.000Z', op: 'answer', key, deck: mini.id, grade: 3, ms: 30_000, kind: 'review', reschedule: true },
    ]);
    const r = amgi(['stats', '--decks', fixture.decks, '--json'], { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-02T12:00:00+09:00', TZ: 'Asia/Seoul' });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.today).toBe('2026-03-02');
    expect(j.forecast).toHaveLength(30);
    expect(j.heatmap).toHaveLength(365);
    expect(j.heatmap.slice(-2).map((h: { answers: number }) => h.answers)).toEqual([1, 1]);
    expect(j.retention).toEqual({ answers: 1, passed: 1, rate: 1 });
    expect(j.streak).toEqual({ current: 2, longest: 2 });
    expect(j.time).toEqual({ todayMs: 30_000, totalMs: 90_000 });
    // A reversible card is two study items.
    expect(j.decks[0]).toMatchObject({ id: mini.id, review: 1, total: mini.cards.length + mini.cards.filter((c) => c.type === 'reversible').length });
  });

  test('text output names the sections and each deck', () => {
    const r = amgi(['stats', '--decks', fixture.decks], { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-02T12:00:00+09:00' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Streak: 0 days/);
    expect(r.stdout).toMatch(/True retention, last 30 days: —/);
    expect(r.stdout).toContain(mini.id);
  });
});
