/** Home's today summary with an interview plan under way, as text (homeView is pure). */
import { describe, expect, test } from 'vitest';
import { homeView, type HomeData } from '../../../../src/ui/screens/home/homeView.js';
import { initialHome } from '../../../../src/ui/screens/home/homeModel.js';
import { messagesFor } from '../../../../src/ui/i18n/index.js';
import { makeTheme } from '../../../../src/ui/theme.js';
import { displayWidth } from '../../../../src/core/text/width.js';
import type { DeckCounts } from '../../../../src/core/schedule/types.js';

const counts = (c: Partial<DeckCounts>): DeckCounts => ({ new: 0, learning: 0, review: 0, suspended: 0, doneToday: 3, ...c });

function intro(lang: 'ko' | 'en', columns: number, total: DeckCounts, plan?: HomeData['plan']): string[] {
  const data: HomeData = { table: [{ title: 'All', counts: total }], total, streak: { current: 1, longest: 1 }, msPerAnswer: 10_000, reviewLimit: 200, problems: [], notices: [], ...(plan ? { plan } : {}) };
  const v = homeView(data, initialHome, { messages: messagesFor(lang), theme: makeTheme(false), columns, rows: 24 });
  const lines = v.top.map((r) => r.map((s) => s.text).join(''));
  for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(columns);
  return lines.slice(0, lines.findIndex((l) => /^ {2}(Deck|덱)/.test(l)));
}

describe('Home: today\'s load with a plan under way is one summary', () => {
  const busy = counts({ review: 40 });
  test('the review and the plan under one "Today:", each named by where it is done', () => {
    expect(intro('en', 80, busy, { daysLeft: 3, today: 332 })).toEqual(['Today: Review ≈ 44 answers · 7 min', '       Cram ≈ 332 answers · interview D-3']);
    expect(intro('ko', 80, busy, { daysLeft: 3, today: 332 })).toEqual(['오늘: 복습 약 44번 · 7분', '      벼락치기 약 332번 · 면접 D-3']);
  });

  test('at 40 columns no line wraps: English drops "answers" from the plan\'s row, not the day', () => {
    expect(intro('en', 40, busy, { daysLeft: 12, today: 1332 })).toEqual(['Today: Review ≈ 44 answers · 7 min', '       Cram ≈ 1332 · interview D-12']);
    expect(intro('ko', 40, busy, { daysLeft: 12, today: 1332 })).toEqual(['오늘: 복습 약 44번 · 7분', '      벼락치기 약 1332번 · 면접 D-12']);
  });

  test('nothing left to review: the plan alone under "Today:"; its day done, it says so', () => {
    expect(intro('en', 80, counts({}), { daysLeft: 0, today: 20 })).toEqual(['Today: Cram ≈ 20 answers · interview D-day']);
    expect(intro('en', 40, busy, { daysLeft: 2, today: 0 })).toEqual(['Today: Review ≈ 44 answers · 7 min', '       Cram done · interview D-2']);
    expect(intro('en', 80, busy, { daysLeft: 2, today: 0 })).toEqual(['Today: Review ≈ 44 answers · 7 min', '       Cram done for today · interview D-2']);
    expect(intro('ko', 40, counts({}), { daysLeft: 2, today: 0 })).toEqual(['오늘: 벼락치기 분량 끝 · 면접 D-2']);
  });

  test('a backlog wraps under the label, the plan\'s row after it', () => {
    const lines = intro('en', 40, counts({ review: 200, dueReviews: 680 }), { daysLeft: 3, today: 332 });
    expect(lines).toEqual(['Today: Review ≈ 220 answers · 37 min ·', '       680 overdue, spread over 4 days', '       Cram ≈ 332 · interview D-3']);
  });

  test('without a plan the line is as before', () => {
    expect(intro('en', 80, busy)).toEqual(['today ≈ 44 answers · 7 min']);
    expect(intro('ko', 80, busy)).toEqual(['오늘 약 44번 · 7분']);
  });
});
