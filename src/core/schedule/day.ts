/**
 * Study days. A study day starts at `startHour` local time (Anki: 04:00), so a review at
 * 01:00 belongs to the previous day. Days are numbered as calendar dates (days since
 * 1970-01-01) of the local date the study day started on. Computed from local date parts,
 * never by adding 24 h, so a DST change (a 23 h or 25 h day) does not shift the boundary.
 */

/** The study day `at` belongs to. */
export function studyDay(at: Date | number, startHour: number): number {
  const d = new Date(at);
  const dayNum = Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
  return d.getHours() < startHour ? dayNum - 1 : dayNum;
}

/** Every zone's UTC offset since 2000 is a whole number of quarter hours (+5:45, −3:30, +12:45). */
const QUARTER_HOUR = 900_000;

/**
 * studyDay(at, startHour) for many times in a row (a replay), remembering the day of the last
 * quarter hour of UTC time asked about. Offsets and DST changes at whole local hours or half
 * hours fall on quarter-hour boundaries, so a study day almost never changes inside one; a
 * quarter hour whose first and last millisecond differ (a change at an odd minute, such as
 * Newfoundland's 00:01 until 2011) is computed per call. Why: studyDay builds a Date and reads
 * four local fields, ≈ 0.2 µs, for each of a rebuild's answers. Only for one synchronous pass:
 * a zone set while it is in use (process.env.TZ) is not seen.
 */
export function studyDays(startHour: number): (at: number) => number {
  let bucket = Number.NaN;
  let day = 0;
  return (at) => {
    const b = Math.floor(at / QUARTER_HOUR);
    if (b === bucket) return day;
    const first = studyDay(b * QUARTER_HOUR, startHour);
    if (studyDay(b * QUARTER_HOUR + QUARTER_HOUR - 1, startHour) !== first) return studyDay(at, startHour);
    bucket = b;
    day = first;
    return day;
  };
}

/** The instant study day `day` starts (local `startHour` on that date). */
export function dayStart(day: number, startHour: number): Date {
  const utc = new Date(day * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), startHour);
}

/** YYYY-MM-DD of a study day. */
export function dayKey(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The day number of a YYYY-MM-DD date, or undefined when it is not a real date. */
export function parseDayKey(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / 86_400_000;
  return dayKey(day) === text ? day : undefined;
}

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
