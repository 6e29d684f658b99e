/**
 * parseEntry's fast path for answer lines (a regular expression instead of JSON.parse) gives
 * what JSON.parse gives: the same entry, keys in the same order, and the same refusals. The
 * reference is the same line with a leading space, which the fast path never takes.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseEntry } from '../../src/store/log.js';

const slow = (line: string) => parseEntry(` ${line}`);
const same = (line: string) => {
  const got = parseEntry(line);
  const want = slow(line);
  expect(got).toEqual(want);
  expect(got === undefined ? undefined : JSON.stringify(got)).toBe(want === undefined ? undefined : JSON.stringify(want));
};

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('b-000001', '카드-1', 'a"b', 'a\\b', 'tab\there', '', 'x\u0001'));
const answer = fc.record(
  {
    v: fc.constantFrom(1, 2, '1'),
    id: text,
    at: fc.oneof(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(10050, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString()), text),
    op: fc.constantFrom('answer', 'answer', 'suspend'),
    key: text,
    deck: text,
    grade: fc.constantFrom(1, 2, 3, 4, 0, 5, 2.5, '3'),
    ms: fc.oneof(fc.nat({ max: 4_000_000 }), fc.double({ min: -1, max: 5000, noNaN: true }), fc.constantFrom(0, -0, 1e21)),
    kind: fc.constantFrom('review', 'cram', 'quiz', 'other'),
    reschedule: fc.constantFrom(true, false, 'true'),
    plan: text,
    due: fc.oneof(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(9999, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString()), text),
  },
  { requiredKeys: ['v', 'id', 'at', 'op', 'key', 'deck', 'grade', 'ms', 'kind', 'reschedule'] },
);

describe('the answer-line decoder', () => {
  test('an answer as amgi writes it takes the fast path and equals JSON.parse, plan and due included', () => {
    const line = JSON.stringify({ v: 1, id: 'x1', at: '2026-03-01T10:00:00.000Z', op: 'answer', key: 'k', deck: 'd', grade: 3, ms: 4000, kind: 'review', reschedule: true, plan: '2026-04-01', due: '2026-03-09T10:00:00.000Z' });
    same(line);
    expect(Object.keys(parseEntry(line)!)).toEqual(['v', 'id', 'at', 'op', 'key', 'deck', 'grade', 'ms', 'kind', 'reschedule', 'plan', 'due']);
  });

  test('random entries, valid and not, in amgi’s key order or shuffled: the same result as JSON.parse', () => {
    fc.assert(
      fc.property(answer, fc.boolean(), fc.nat(), (e, shuffle, seed) => {
        let entry: Record<string, unknown> = e;
        if (shuffle) {
          const keys = Object.keys(e).sort((a, b) => ((a.charCodeAt(0) * seed) % 7) - ((b.charCodeAt(0) * seed) % 7));
          entry = Object.fromEntries(keys.map((k) => [k, (e as Record<string, unknown>)[k]]));
        }
        same(JSON.stringify(entry));
      }),
      { numRuns: 3000 },
    );
  });

  test('damaged lines are refused by both paths', () => {
    const line = JSON.stringify({ v: 1, id: 'x1', at: '2026-03-01T10:00:00.000Z', op: 'answer', key: 'k', deck: 'd', grade: 3, ms: 4000, kind: 'review', reschedule: true });
    for (let cut = 0; cut < line.length; cut++) same(line.slice(0, cut));
    same(line.replace('"ms":4000', '"ms":04000'));
    same(line.replace('"grade":3', '"grade":3,"grade":5'));
    same(line.replace('"id":"x1"', '"id":"x\\u0031"'));
    expect(parseEntry(line.replace('4000', '4000000'))).toBeUndefined();
  });
});

describe('readEntriesAt', () => {
  test('the entries at any set of offsets, in the order asked, as readEntryAt reads each: near and far lines, long ones across a window', async () => {
    const { mkdtempSync, writeFileSync, openSync, closeSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { readEntriesAt, readEntryAt } = await import('../../src/store/log.js');
    const dir = mkdtempSync(join(tmpdir(), 'amgi-read-'));
    try {
      const lines: string[] = [];
      const offsets: number[] = [];
      let at = 0;
      for (let i = 0; i < 12_000; i++) {
        // Every 97th line is long (a plan name of 3 KB), some far apart (a 40 KB one every 1,000).
        const plan = i % 1000 === 999 ? 'p'.repeat(40_000) : i % 97 === 0 ? 'p'.repeat(3000) : undefined;
        const line = JSON.stringify({ v: 1, id: `e${i}`, at: '2026-03-01T10:00:00.000Z', op: 'answer', key: `k${i % 50}`, deck: 'd', grade: 3, ms: i, kind: 'review', reschedule: true, ...(plan ? { plan } : {}) });
        offsets.push(at);
        lines.push(line);
        at += Buffer.byteLength(line) + 1;
      }
      const file = join(dir, 'reviews.jsonl');
      writeFileSync(file, `${lines.join('\n')}\n`);
      const fd = openSync(file, 'r');
      try {
        let seed = 3;
        const pick = () => (seed = (seed * 16807) % 2147483647) % offsets.length;
        const asked = [...offsets.slice(0, 3000), ...Array.from({ length: 2000 }, () => offsets[pick()]!), offsets.at(-1)!, offsets[0]!];
        const got = readEntriesAt(fd, asked);
        expect(got.map((e) => e.id)).toEqual(asked.map((o) => readEntryAt(fd, o).id));
        expect(got).toEqual(asked.map((o) => readEntryAt(fd, o)));
      } finally {
        closeSync(fd);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** ~3.5 MB of lines: the first megabyte plain ASCII, then now and then a line that is not; a torn last line. */
function mixedLog(): Buffer {
  let seed = 9;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const parts: Buffer[] = [];
  for (let i = 0, size = 0; size < 3_500_000; i++) {
    const r = rand();
    const odd = size > 1_100_000 && r < 0.002;
    const long = r > 0.9995 ? 'y'.repeat(100_000) : '';
    const text = odd ? (r < 0.001 ? `{"key":"카드-${i}"}` : `bad \u00e9 ${i}`) : r < 0.01 ? '' : r < 0.02 ? `cr ${i}\r` : `{"v":1,"id":"g${i}","pad":"${'x'.repeat(Math.floor(rand() * 300))}${long}"}`;
    const line = odd && r < 0.0005 ? Buffer.concat([Buffer.from(`raw ${i} `), Buffer.from([0xff, 0xc3]), Buffer.from('\n')]) : Buffer.from(`${text}\n`, 'utf8');
    parts.push(line);
    size += line.length;
  }
  parts.push(Buffer.from('{"torn":'));
  return Buffer.concat(parts);
}

describe('scanLines', () => {
  test('every line and its byte offset, as a UTF-8 split of the file gives them: ASCII chunks (one string per window of lines, lines longer than a window) and chunks with Korean, bad UTF-8, CR and empty lines, lines across chunk ends, a torn last line', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { scanLines } = await import('../../src/store/log.js');
    const dir = mkdtempSync(join(tmpdir(), 'amgi-scan-'));
    try {
      const bytes = mixedLog();
      const file = join(dir, 'log.jsonl');
      writeFileSync(file, bytes);
      const want: [string, number][] = [];
      for (let start = 0, nl = bytes.indexOf(10); nl >= 0; start = nl + 1, nl = bytes.indexOf(10, start)) if (nl > start) want.push([bytes.toString('utf8', start, nl), start]);
      // From the start, from a line near it, and from a line just past the first chunk.
      for (const from of [0, want[5]![1], want.find(([, o]) => o > 1_048_576)![1]]) {
        const got: [string, number][] = [];
        const r = scanLines(file, from, (text, offset) => got.push([text, offset]));
        expect(got).toEqual(want.filter(([, o]) => o >= from));
        expect(r.end).toBe(bytes.length - '{"torn":'.length);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
