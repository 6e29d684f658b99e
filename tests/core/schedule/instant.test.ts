import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseInstant } from '../../../src/core/schedule/instant.js';

/** Equal as numbers, NaN equal to NaN. */
const same = (text: string) => expect([text, parseInstant(text)]).toEqual([text, Date.parse(text)]);

describe('parseInstant is Date.parse', () => {
  test('on toISOString output from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-01T00:00:00.000Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }), (ms) => {
        const text = new Date(ms).toISOString();
        same(text);
        expect(parseInstant(text)).toBe(ms);
      }),
      { numRuns: 20_000 },
    );
  });

  test('on every day of 1999–2101 at a few times (month ends, leap days)', () => {
    const wrong: string[] = [];
    for (let d = Date.UTC(1999, 0, 1); d < Date.UTC(2102, 0, 1); d += 86_400_000) {
      for (const t of [0, 1, 59_999, 43_200_000, 86_399_999]) {
        const text = new Date(d + t).toISOString();
        if (parseInstant(text) !== d + t) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('on dates and times out of range, which Date.parse rolls over, accepts or refuses', () => {
    const edge = [
      '2025-02-29T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '2100-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
      '2025-02-30T00:00:00.000Z',
      '2025-04-31T12:00:00.000Z',
      '2025-01-32T00:00:00.000Z',
      '2025-01-00T00:00:00.000Z',
      '2025-00-01T00:00:00.000Z',
      '2025-13-01T00:00:00.000Z',
      '2025-01-01T24:00:00.000Z',
      '2025-01-01T24:00:00.001Z',
      '2025-01-01T23:60:00.000Z',
      '2025-01-01T23:59:60.000Z',
      '2025-01-01T00:00:00.000z',
      '2025-01-01t00:00:00.000Z',
      '2025-01-01 00:00:00.000Z',
      '2025-01-01T00:00:00.000+00:00',
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:00.5Z',
      '+002025-01-01T00:00:00.000Z',
      '-000001-01-01T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2025-1-01T00:00:00.000ZZ',
      '2025-01-01T00:00:00.00aZ',
      '２025-01-01T00:00:00.000Z',
      '',
      'garbage',
    ];
    for (const text of edge) same(text);
  });

  test('on random damage to a time (a character replaced, inserted or removed)', () => {
    const chars = '0123456789-:.TZtz+ /\u0660';
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.nat(23), fc.nat(chars.length - 1), fc.nat(2), (ms, at, c, how) => {
        const s = new Date(ms).toISOString();
        const ch = chars[c]!;
        same(how === 0 ? s.slice(0, at) + ch + s.slice(at + 1) : how === 1 ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at) + s.slice(at + 1));
      }),
      { numRuns: 20_000 },
    );
  });

  test('a time without a zone is local time: read again after TZ changes, it moves as Date.parse does', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Seoul';
      same('2026-03-01T10:00:00');
      process.env.TZ = 'America/New_York';
      same('2026-03-01T10:00:00');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  test('on runs of times that share their date, some damaged after it (the date part is remembered)', () => {
    const chars = '0123456789-:.TZ';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: Date.UTC(2024, 1, 27), max: Date.UTC(2024, 2, 2) }), fc.integer({ min: 10, max: 30 }), fc.nat(chars.length - 1), fc.boolean()), { maxLength: 40 }), (times) => {
        for (const [ms, at, c, damage] of times) {
          const s = new Date(ms).toISOString();
          same(damage ? s.slice(0, at) + chars[c] + s.slice(at + 1) : s);
        }
      }),
      { numRuns: 2_000 },
    );
    for (const t of ['2024-02-29T23:59:59.999Z', '2024-02-29T24:00:00.000Z', '2024-02-29T00:00:00.000Z', '2024-02-30T00:00:00.000Z', '2024-02-29T00:00:00.000Z']) same(t);
  });

  test('the remembered last text does not leak into the next one', () => {
    const a = '2026-03-01T10:00:00.000Z';
    const b = '2026-03-01T10:00:00.001Z';
    for (const t of [a, a, b, a, 'x', 'x', b]) same(t);
  });
});
