import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { firstChunkByKeys, splitKeys } from '../../src/ui/keyBacklog.js';

test('a chunk of keys typed while the app loaded, one key each', () => {
  expect(splitKeys('j\r')).toEqual(['j', '\r']);
  expect(splitKeys('/레이어')).toEqual(['/', '레', '이', '어']);
  // Arrows, function keys and Alt+key stay whole; Enter typed before stdin went raw (NL) is Enter.
  expect(splitKeys('\x1b[B\x1b[6~\x1bOA\x1bxq\n')).toEqual(['\x1b[B', '\x1b[6~', '\x1bOA', '\x1bx', 'q', '\r']);
  expect(splitKeys('\x1b')).toEqual(['\x1b']);
  expect(splitKeys('')).toEqual([]);
});

test('only the first chunk read is split; later reads are the stream own', () => {
  const stdin = new PassThrough({ encoding: 'utf8' }) as unknown as NodeJS.ReadStream;
  firstChunkByKeys(stdin);
  expect(stdin.read()).toBeNull();
  stdin.write('j\r');
  const first: unknown[] = [];
  for (let k = stdin.read(); k !== null; k = stdin.read()) first.push(k);
  expect(first).toEqual(['j', '\r']);
  stdin.write('ab');
  expect(stdin.read()).toBe('ab');
});
