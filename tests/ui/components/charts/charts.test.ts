import { describe, expect, it } from 'vitest';
import { barChart } from '../../../../src/ui/components/charts/bars.js';
import { heatLevels, heatmap, HEAT_SHADES } from '../../../../src/ui/components/charts/heatmap.js';
import { meterRow } from '../../../../src/ui/components/charts/meter.js';
import { displayWidth } from '../../../../src/core/text/width.js';
import type { Row } from '../../../../src/ui/textLayout.js';

const text = (row: Row) => row.map((s) => s.text).join('');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('barChart', () => {
  it('draws one column per value, tallest at the top, with the max and 0 on the axis', () => {
    const rows = barChart([0, 1, 2, 4], { height: 2, startLabel: 'a', endLabel: 'b' }).map(text);
    expect(rows).toEqual(['4    █', '0  ▄██', '  a  b']);
  });

  it('shows a sliver for a small value next to a big one', () => {
    const rows = barChart([1, 100], { height: 3 }).map(text);
    expect(rows[2]).toBe('0   ▁█');
  });

  it('draws an empty chart when nothing is due', () => {
    const rows = barChart(new Array(30).fill(0), { height: 2 }).map(text);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => displayWidth(r) === 32)).toBe(true);
  });
});

describe('heatmap', () => {
  const days = [
    { date: '2025-01-06', count: 1 },
    { date: '2025-01-07', count: 10 },
    { date: '2025-01-08', count: 40 },
    { date: '2025-01-09', count: 3 },
  ];

  it('places today in the last column and leaves the future blank', () => {
    // 2025-01-09 is a Thursday.
    const rows = heatmap(days, { today: '2025-01-09', width: 14, weekdays: WEEKDAYS, months: MONTHS }).map(text);
    expect(rows).toHaveLength(8);
    // 4 columns of labels ("Mon "), 10 weeks less the one given up so that "Jan" fits.
    expect(rows.slice(1).every((r) => displayWidth(r) === 13)).toBe(true);
    expect(rows[0]!.trimEnd().endsWith('Jan')).toBe(true);
    const lastColumn = rows.slice(1).map((r) => r.at(-1));
    expect(lastColumn).toEqual(['·', HEAT_SHADES[1], HEAT_SHADES[3], HEAT_SHADES[4], HEAT_SHADES[2], ' ', ' ']);
  });

  it('shrinks to the weeks that fit and labels months where they start', () => {
    const rows = heatmap(days, { today: '2025-01-09', width: 40, weekdays: WEEKDAYS, months: MONTHS });
    // January began in the second-to-last week: one week fewer (35) so its name fits.
    expect(rows.slice(1).every((r) => displayWidth(text(r)) === 39)).toBe(true);
    const months = text(rows[0]!);
    // 35 weeks back from 9 January 2025 start in May 2024; June is the first month that begins.
    expect(months.trim().split(/\s+/)).toEqual(['Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan']);
    expect(displayWidth(months)).toBeLessThanOrEqual(40);
    // Mid-month, all 36 weeks fit.
    const later = heatmap(days, { today: '2025-01-20', width: 40, weekdays: WEEKDAYS, months: MONTHS });
    expect(text(later[1]!)).toHaveLength(40);
    expect(text(later[0]!).trimEnd().endsWith('Jan')).toBe(true);
    const full = heatmap(days, { today: '2025-01-09', width: 80, weekdays: WEEKDAYS, months: MONTHS });
    expect(displayWidth(text(full[1]!))).toBe(4 + 53);
  });

  it('ranks levels by quartile of the non-zero days', () => {
    const level = heatLevels([1, 2, 3, 4, 100]);
    expect([0, 1, 2, 3, 4, 100].map(level)).toEqual([0, 1, 1, 2, 3, 4]);
    expect(heatLevels([])(5)).toBe(0);
  });
});

describe('meterRow', () => {
  it('fills the width exactly and prints the percentage', () => {
    const row = meterRow('도커 기초', 0.5, { width: 30, labelWidth: 10 });
    expect(displayWidth(text(row))).toBe(30);
    expect(text(row)).toMatch(/^도커 기초 {2}█+░+ {2}50%$/);
    expect(text(meterRow('x', 1.4, { width: 20, labelWidth: 3 }))).toMatch(/100%$/);
  });
});
