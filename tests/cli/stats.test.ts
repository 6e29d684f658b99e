import { describe, expect, test } from 'vitest';
import { amgi } from '../helpers/cli.js';
import { mini, useMiniDeckHome } from '../helpers/miniDeck.js';
import { appendEntries } from '../../src/store/log.js';

/** A fresh AMGI_HOME per test; its decks folder holds only the mini fixture deck. */
const fixture = useMiniDeckHome();

describe('amgi stats', () => {
  test('the heatmap is seven weekday rows, a column per week, today in the last column; nothing wider than 80', () => {
    const key = mini.cards[0]!.id;
    // Answers on Monday 2026-02-23 (3) and on Wednesday 2026-03-04, "today" (1).
    const at = (iso: string, id: string) => ({ v: 1 as const, id, at: iso, op: 'answer' as const, key, deck: mini.id, grade: 3 as const, ms: 1000, kind: 'review' as const, reschedule: true });
    appendEntries(fixture.home, [at('2026-02-23T10:00:00.000Z', 'a'), at('2026-02-23T10:01:00.000Z', 'b'), at('2026-02-23T10:02:00.000Z', 'c'), at('2026-03-04T10:00:00.000Z', 'd')]);
    const r = amgi(['stats', '--decks', fixture.decks], { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-04T12:00:00Z', TZ: 'UTC' });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    const rows = lines.filter((l) => /^ {2}(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /.test(l));
    expect(rows.map((l) => l.slice(2, 5))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const cells = rows.map((l) => l.slice(6));
    // Week columns: the last is this week (Mon 03-02 … today Wed 03-04), the one before holds 02-23.
    expect(cells[0]).toHaveLength(12);
    expect(cells[0]![10]).toBe('█');
    expect(cells[2]).toHaveLength(12);
    expect(cells[2]![11]).not.toBe('·');
    expect(cells[3]).toHaveLength(11); // Thursday of this week has not come yet
    expect(r.stdout).toMatch(/Streak: 1 day \(/);
    expect(r.stdout).toMatch(/Today 2026-03-04: 1 answer,/);
  });


  test('the text heatmap names each month over the week it begins, this month included (walkthrough E22)', () => {
    // 2026-12-01 is a Tuesday; the 12 Monday-first weeks start on 2026-09-14. October begins
    // in column 2, November (Sunday the 1st) in column 6, December in column 11, this week.
    const env = { AMGI_HOME: fixture.home, AMGI_NOW: '2026-12-01T12:00:00Z', TZ: 'UTC' };
    const monthRow = (lang: string, weekdays: RegExp) => {
      const lines = amgi(['stats', '--decks', fixture.decks, '--lang', lang], env).stdout.split('\n');
      return lines[lines.findIndex((l) => weekdays.test(l)) - 1]!;
    };
    // Row prefix: two spaces, the weekday name and a space.
    expect(monthRow('en', /^ {2}Mon /)).toBe(`${' '.repeat(6)}  Oct Nov  Dec`);
    // "10월" would touch "11월" four weeks later: it is left out (the earlier one; this month stays named), never cut to "10".
    expect(monthRow('ko', /^ {2}월 /)).toBe(`${' '.repeat(5)}      11월 12월`);
  });

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

  test("today's line counts answers, as Home and the Stats screen say: one card answered twice is two answers", () => {
    const key = mini.cards[0]!.id;
    appendEntries(fixture.home, [
      { v: 1, id: 'a', at: '2026-03-02T01:00:00.000Z', op: 'answer', key, deck: mini.id, grade: 1, ms: 10_000, kind: 'review', reschedule: true },
      { v: 1, id: 'b', at: '2026-03-02T01:10:00.000Z', op: 'answer', key, deck: mini.id, grade: 3, ms: 10_000, kind: 'review', reschedule: true },
    ]);
    const env = { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-02T12:00:00+09:00', TZ: 'Asia/Seoul' };
    expect(amgi(['stats', '--decks', fixture.decks, '--lang', 'en'], env).stdout).toContain('Today 2026-03-02: 2 answers');
    expect(amgi(['stats', '--decks', fixture.decks, '--lang', 'ko'], env).stdout).toContain('2026-03-02: 오늘 2번 답함');
  });

  test('text output names the sections and each deck', () => {
    const r = amgi(['stats', '--decks', fixture.decks], { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-02T12:00:00+09:00' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Streak: 0 days/);
    expect(r.stdout).toContain('Counts are study items');
    expect(r.stdout).toContain("True retention, last 30 days (review cards only): — (no review cards answered yet)");
    expect(r.stdout).toContain(mini.id);
  });
});
