// The study-day boundary in a zone with DST; set before any Date is created.
process.env.TZ = 'America/New_York';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { dayKey, dayStart, parseDayKey, studyDay, weekdayOf } from '../../../src/core/schedule/day.js';

const local = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi);

describe('study day', () => {
  test('a review at 01:00 belongs to the previous day; 04:00 starts a new one', () => {
    const d = studyDay(local(2026, 3, 10, 12), 4);
    expect(dayKey(d)).toBe('2026-03-10');
    expect(studyDay(local(2026, 3, 11, 1), 4)).toBe(d);
    expect(studyDay(local(2026, 3, 11, 3, 59), 4)).toBe(d);
    expect(studyDay(local(2026, 3, 11, 4, 0), 4)).toBe(d + 1);
    expect(studyDay(local(2026, 3, 10, 3, 59), 4)).toBe(d - 1);
  });

  test('start hour 0 is midnight', () => {
    expect(dayKey(studyDay(local(2026, 3, 11, 0, 30), 0))).toBe('2026-03-11');
  });

  test('DST spring forward (2026-03-08, 23 h day): the boundary stays at 04:00 local', () => {
    const sat = studyDay(local(2026, 3, 7, 12), 4);
    // 2026-03-08 02:00 does not exist in New York; 03:30 is still Saturday's study day.
    expect(studyDay(local(2026, 3, 8, 3, 30), 4)).toBe(sat);
    expect(studyDay(local(2026, 3, 8, 4, 0), 4)).toBe(sat + 1);
    const start = dayStart(sat + 1, 4);
    expect(start.getHours()).toBe(4);
    expect(start.getDate()).toBe(8);
    // The study day is 23 hours long.
    expect(dayStart(sat + 1, 4).getTime() - dayStart(sat, 4).getTime()).toBe(23 * 3_600_000);
  });

  test('DST fall back (2026-11-01, 25 h day): 01:30 happens twice, both belong to Saturday', () => {
    const sat = studyDay(local(2026, 10, 31, 12), 4);
    const first130 = new Date('2026-11-01T05:30:00Z'); // 01:30 EDT
    const second130 = new Date('2026-11-01T06:30:00Z'); // 01:30 EST
    expect(first130.getHours()).toBe(1);
    expect(second130.getHours()).toBe(1);
    expect(studyDay(first130, 4)).toBe(sat);
    expect(studyDay(second130, 4)).toBe(sat);
    expect(studyDay(new Date('2026-11-01T09:00:00Z'), 4)).toBe(sat + 1); // 04:00 EST
    expect(dayStart(sat + 1, 4).getTime() - dayStart(sat, 4).getTime()).toBe(25 * 3_600_000);
  });

  test('property: dayStart(d) is in day d and one millisecond earlier is in d − 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 21_500 }), fc.integer({ min: 0, max: 12 }), (day, hour) => {
        const start = dayStart(day, hour).getTime();
        expect(studyDay(start, hour)).toBe(day);
        expect(studyDay(start - 1, hour)).toBe(day - 1);
      }),
    );
  });

  test('property: any instant falls in [dayStart(d), dayStart(d + 1))', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: 0, max: 12 }), (t, hour) => {
        const d = studyDay(t, hour);
        expect(dayStart(d, hour).getTime()).toBeLessThanOrEqual(t);
        expect(dayStart(d + 1, hour).getTime()).toBeGreaterThan(t);
      }),
    );
  });

  test('parseDayKey accepts real dates only', () => {
    expect(parseDayKey('2026-12-15')).toBe(Date.UTC(2026, 11, 15) / 86_400_000);
    expect(parseDayKey('2026-02-30')).toBeUndefined();
    expect(parseDayKey('2026-1-5')).toBeUndefined();
    expect(dayKey(parseDayKey('2024-02-29')!)).toBe('2024-02-29');
  });
});

test('weekdayOf agrees with the calendar, before 1970 too', () => {
  fc.assert(
    fc.property(fc.integer({ min: -40_000, max: 80_000 }), (day) => {
      expect(weekdayOf(day)).toBe(new Date(day * 86_400_000).getUTCDay());
    }),
  );
  expect(weekdayOf(parseDayKey('2026-11-23')!)).toBe(1); // a Monday
});
