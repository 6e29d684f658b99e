import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { chunksByKeys, splitKeys } from '../../src/ui/keyBacklog.js';

test('a chunk of keys, one key each', () => {
  expect(splitKeys('j\r')).toEqual(['j', '\r']);
  expect(splitKeys('/레이어')).toEqual(['/', '레', '이', '어']);
  expect(splitKeys(' 3 3')).toEqual([' ', '3', ' ', '3']);
  // Arrows, function keys and Alt+key stay whole; Enter typed before stdin went raw (NL) is Enter.
  expect(splitKeys('\x1b[B\x1b[6~\x1bOA\x1bxq\n', true)).toEqual(['\x1b[B', '\x1b[6~', '\x1bOA', '\x1bx', 'q', '\r']);
  // In raw mode NL is Ctrl+J, not Enter.
  expect(splitKeys('q\n')).toEqual(['q', '\n']);
  expect(splitKeys('\x1b')).toEqual(['\x1b']);
  expect(splitKeys('')).toEqual([]);
});

function drain(stdin: NodeJS.ReadStream): unknown[] {
  const out: unknown[] = [];
  for (let k = stdin.read(); k !== null; k = stdin.read()) out.push(k);
  return out;
}

test('every chunk read comes out key by key (keys typed faster than the app reads); a long paste stays whole', () => {
  const stdin = new PassThrough({ encoding: 'utf8' }) as unknown as NodeJS.ReadStream;
  chunksByKeys(stdin);
  expect(stdin.read()).toBeNull();
  stdin.write('j\n');
  expect(drain(stdin)).toEqual(['j', '\r']);
  stdin.write(' 3 3\n');
  expect(drain(stdin)).toEqual([' ', '3', ' ', '3', '\n']);
  const paste = '도커'.repeat(200);
  stdin.write(paste);
  expect(drain(stdin)).toEqual([paste]);
});
