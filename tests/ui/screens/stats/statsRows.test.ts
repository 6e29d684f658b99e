import { describe, expect, it } from 'vitest';
import type { StatsReport } from '../../../../src/core/stats/index.js';
import { parseDayKey, weekdayOf } from '../../../../src/core/schedule/day.js';
import { displayWidth } from '../../../../src/core/text/width.js';
import { messagesFor } from '../../../../src/ui/i18n/index.js';
import { rowWidth, type Row } from '../../../../src/ui/textLayout.js';
import { heatmapRows } from '../../../../src/ui/screens/stats/statsRows.js';
import { makeTheme } from '../../../../src/ui/theme.js';

const text = (row: Row) => row.map((s) => s.text).join('');
const DAY_MS = 86_400_000;

/** The walkthrough's case (E22): a year of history, today the first of December 2026. */
function report(today: string): StatsReport {
  const end = parseDayKey(today)!;
  const heatmap = Array.from({ length: 365 }, (_, i) => ({ date: new Date((end - 364 + i) * DAY_MS).toISOString().slice(0, 10), answers: i % 3 }));
  return { today, heatmap } as unknown as StatsReport;
}

/**
 * Reads the month row back: each label's month and column, checked against the calendar. Every
 * label is a whole name with a blank column on each side, over the week (Sunday first) in which
 * its month begins.
 */
function monthsShown(lang: 'en' | 'ko', today: string, width: number): number[] {
  const t = messagesFor(lang);
  const rows = heatmapRows(report(today), width, { t, theme: makeTheme(false) });
  const labelWidth = 1 + Math.max(...[1, 3, 5].map((i) => displayWidth(t.statsScreen.weekdays[i]!)));
  for (const r of rows) expect(rowWidth(r)).toBeLessThanOrEqual(width);
  const weeks = rowWidth(rows[2]!) - labelWidth;
  const line = text(rows[1]!).slice(labelWidth);
  const firstDay = parseDayKey(today)! - weekdayOf(parseDayKey(today)!) - (weeks - 1) * 7;
  const shown: number[] = [];
  // Split on blanks only: "10월11월" (two names touching) or a bare "11" is no month name.
  for (const m of line.matchAll(/\S+/g)) {
    const token = m[0];
    const month = t.statsScreen.months.indexOf(token);
    expect(month, `label "${token}" in "${line}"`).toBeGreaterThanOrEqual(0);
    // Korean labels are two columns a letter: the string offset is not the column.
    const w = displayWidth(line.slice(0, m.index));
    const saturday = new Date((firstDay + w * 7 + 6) * DAY_MS);
    expect([saturday.getUTCMonth(), saturday.getUTCDate() <= 7]).toEqual([month, true]);
    shown.push(month);
  }
  return shown;
}

/** Next label one month on (English: always), or two where a Korean name left one out; never two left out. */
function expectNoneSkippedTwice(shown: number[], what: string): void {
  shown.slice(1).forEach((m, i) => {
    const step = (m - shown[i]! + 12) % 12;
    expect(what === 'en' || what.startsWith('en ') ? [1] : [1, 2], `${what}: ${shown.join(',')}`).toContain(step);
  });
}

/** The month whose first week (Saturday among days 1–7) is the latest to have begun by `today`: the rightmost label. */
function latestMonth(today: string): number {
  const day = parseDayKey(today)!;
  let saturday = day - weekdayOf(day) + 6;
  while (new Date(saturday * DAY_MS).getUTCDate() > 7) saturday -= 7;
  return new Date(saturday * DAY_MS).getUTCMonth();
}

describe('heatmap month labels (walkthrough E22)', () => {
  for (const lang of ['ko', 'en'] as const) {
    for (const width of [80, 40]) {
      it(`${lang} at ${width} columns: whole names that never touch, this month named, at most one left out in a row`, () => {
        const shown = monthsShown(lang, '2026-12-01', width);
        expect(shown.at(-1)).toBe(11);
        expectNoneSkippedTwice(shown, lang);
        // 53 weeks at 80 columns cover a year, 40 columns about eight months; Korean names are wider.
        expect(shown.length).toBeGreaterThanOrEqual(lang === 'en' ? (width === 80 ? 12 : 8) : width === 80 ? 7 : 5);
      });
    }
  }

  it('holds for every day of a year at both widths, in both languages', () => {
    const start = parseDayKey('2026-01-01')!;
    for (let d = 0; d < 365; d++) {
      const today = new Date((start + d) * DAY_MS).toISOString().slice(0, 10);
      for (const width of [80, 40]) {
        for (const lang of ['ko', 'en'] as const) {
          const shown = monthsShown(lang, today, width);
          // The current month (once its first week has begun) is always named.
          expect(shown.at(-1), `${lang} ${today} at ${width}`).toBe(latestMonth(today));
          expectNoneSkippedTwice(shown, `${lang} ${today} at ${width}`);
        }
      }
    }
  });
});
