import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatProgress, parseProgress } from '../../../src/core/sync/progressFile.js';
import { InputError } from '../../../src/core/import/errors.js';
import type { LogEntry } from '../../../src/core/schedule/types.js';
import { parseEntry } from '../../../src/store/log.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
const parse = (text: string) => parseProgress(text, 'p.jsonl', parseEntry);
const e1: LogEntry = { v: 1, id: 'b', at: '2025-01-02T00:00:00.000Z', op: 'answer', key: 'k', deck: 'd', grade: 3, ms: 900, kind: 'review', reschedule: true };
const e2: LogEntry = { v: 1, id: 'a', at: '2025-01-01T00:00:00.000Z', op: 'suspend', key: 'k', deck: 'd' };

describe('progress file', () => {
  test('a header line, then the entries in time order', () => {
    const text = formatProgress([e1, e2]);
    expect(text.split('\n')[0]).toBe('{"amgi":"progress","version":1,"entries":2}');
    expect(parse(text)).toEqual([e2, e1]);
    expect(parse(formatProgress([]))).toEqual([]);
  });

  test.each([
    ['', 'p.jsonl:1:1: the progress file is empty'],
    ['{"amgi":"deck"}\n', 'p.jsonl:1:1: not an amgi progress file'],
    ['[1,2]\n', 'p.jsonl:1:1: not an amgi progress file'],
    [fixture('progress-future.jsonl'), 'p.jsonl:1:1: progress file version 2 is newer than this amgi understands (1)'],
    [fixture('progress-broken.jsonl'), 'p.jsonl:3:1: broken line: not valid JSON'],
    ['{"amgi":"progress","version":1}\n{"v":1,"id":"x"}\n', 'p.jsonl:2:1: broken line: not a review log entry'],
    ['{"amgi":"progress","version":1}\n{"v":2,"id":"x"}\n', 'p.jsonl:2:1: entry format 2 is newer'],
    ['{"amgi":"progress","version":1,"entries":3}\n', 'announces 3 entries but the file has 0'],
    ['{"amgi":"progress","version":0.5}\n', 'unknown progress file version 0.5'],
  ])('refuses bad input with its line: %j', (text, message) => {
    expect(() => parse(text)).toThrow(InputError);
    expect(() => parse(text)).toThrow(message);
  });
});
