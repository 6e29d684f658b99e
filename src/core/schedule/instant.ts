/**
 * `Date.parse` for log times. Every time amgi writes is `toISOString()`'s
 * `YYYY-MM-DDTHH:MM:SS.sssZ`; that form is read here with integer arithmetic, anything else
 * (another form, a field out of range) by Date.parse itself, so the result is always Date.parse's.
 * Why: a 1M-entry rebuild parsed each entry's time twice (validation, then the fold), ≈ 0.2 µs
 * each in Date.parse. The last such text read is remembered: the fold asks again for the time
 * the validation just read.
 */

let lastText = '';
let lastMs = Number.NaN;

/** Days in each month of a common year (February's 29th is checked against the year). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `i`, or −1 when it is not one. */
function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The number of `n` digits at `i`, or −1 when one is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = digit(s, i + k);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), year ≥ 0. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date part (YYYY-MM-DD) parseIso read last, and its first millisecond: a log's times share a date by the thousand. */
let lastDate = '';
let lastDateMs = 0;

/** The epoch ms of a valid YYYY-MM-DD at the start of `s`, or NaN. */
function dateMs(s: string): number {
  if (lastDate !== '' && s.startsWith(lastDate)) return lastDateMs;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  // Date.parse rolls some out-of-range days over (Feb 30 → Mar 2): left to it.
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return Number.NaN;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > MONTH_DAYS[mo - 1]! + (leap ? 1 : 0)) return Number.NaN;
  lastDate = s.slice(0, 10);
  lastDateMs = daysFromCivil(y, mo, d) * 86_400_000;
  return lastDateMs;
}

/** `toISOString()`'s form with every field in range, as epoch ms; NaN otherwise (Date.parse decides). */
function parseIso(s: string): number {
  if (s.length !== 24 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90) return Number.NaN;
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  const ms = digits(s, 20, 3);
  // Date.parse accepts 24:00: left to it.
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0) return Number.NaN;
  return dateMs(s) + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms;
}

/** Date.parse(text), the same number (or NaN) for every input. */
export function parseInstant(text: string): number {
  // The last millisecond digit first: two different times rarely share it, and comparing whole
  // strings sliced from a line costs as much as parsing one.
  if (text.length === lastText.length && text.charCodeAt(text.length - 2) === lastText.charCodeAt(lastText.length - 2) && text === lastText) return lastMs;
  const ms = parseIso(text);
  // Not remembered: another form may be local time (no zone), which a change of TZ moves.
  if (Number.isNaN(ms)) return Date.parse(text);
  lastText = text;
  lastMs = ms;
  return ms;
}
