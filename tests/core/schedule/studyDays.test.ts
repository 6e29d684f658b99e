// studyDays (the rebuild's remembered study day) against studyDay, in zones whose offsets and
// DST changes are not on whole hours. Each zone is set before its Dates are made.
import { describe, expect, test } from 'vitest';
import { studyDay, studyDays } from '../../../src/core/schedule/day.js';

const HOUR = 3_600_000;
const MIN = 60_000;

/** UTC hours from 2000 to 2030 at which the zone's offset changes. */
function transitions(): number[] {
  const out: number[] = [];
  let prev = new Date(Date.UTC(2000, 0, 1)).getTimezoneOffset();
  for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2030, 0, 1); t += HOUR) {
    const off = new Date(t).getTimezoneOffset();
    if (off !== prev) out.push(t);
    prev = off;
  }
  return out;
}

describe.each(['America/New_York', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Seoul'])('studyDays in %s', (zone) => {
  test('equals studyDay minute by minute around every offset change since 2000, and at random times', () => {
    const tz = process.env.TZ;
    process.env.TZ = zone;
    try {
      const changes = transitions();
      for (const hour of [0, 1, 2, 3, 4, 5, 23]) {
        const dayOf = studyDays(hour);
        let wrong = 0;
        for (const c of changes) for (let t = c - 3 * HOUR; t < c + 3 * HOUR; t += MIN) if (dayOf(t) !== studyDay(t, hour)) wrong++;
        // Whole days around the start hour, and seconds apart (the remembered quarter hour reused).
        let seed = 11;
        const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
        for (let t = Date.UTC(2000, 0, 1), i = 0; i < 20_000; i++, t += Math.floor(rand() * 40 * MIN)) if (dayOf(t) !== studyDay(t, hour)) wrong++;
        expect({ zone, hour, wrong }).toEqual({ zone, hour, wrong: 0 });
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

test('the transitions helper sees the zones change (so the walk above covers them)', () => {
  const tz = process.env.TZ;
  process.env.TZ = 'America/St_Johns';
  try {
    // Newfoundland changed at 00:01 local until 2011: 03:31 UTC in spring, an odd minute.
    expect(transitions().length).toBeGreaterThan(50);
    expect(new Date(Date.UTC(2008, 2, 9, 3, 30)).getHours()).toBe(0);
    expect(new Date(Date.UTC(2008, 2, 9, 3, 31)).getHours()).toBe(1);
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});
