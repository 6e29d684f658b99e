import { afterEach, describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeCacheKey, codeCachePath, compileCached, STALE_CODE_CACHE_MS } from '../../src/cli/codeCache.js';
import { amgi } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function home(): string {
  const h = tmpHome('amgi-codecache-');
  cleanups.push(h.cleanup);
  return h.home;
}

// A script whose functions compile lazily, as the CLI bundle's do.
const SOURCE = '(function () { return function twice(x) { return [x, x].join(" "); }; })';
const run = (s: ReturnType<typeof compileCached>) => (s.script.runInThisContext() as () => (x: string) => string)()('ok');

describe('V8 code cache of the CLI bundle', () => {
  test('a miss, then a hit from the file the first run saved; the same command writes nothing again', () => {
    const h = home();
    const first = compileCached(SOURCE, 'bundle.js', { build: 'b1', home: h, command: 'status' });
    expect(first.cache).toBe('miss');
    expect(run(first)).toBe('ok ok');
    first.save();
    const file = codeCachePath(h, codeCacheKey('b1'));
    const written = statSync(file);
    const second = compileCached(SOURCE, 'bundle.js', { build: 'b1', home: h, command: 'status' });
    expect(second.cache).toBe('hit');
    expect(run(second)).toBe('ok ok');
    second.save();
    expect(statSync(file).ino).toBe(written.ino);
    // Another command compiles other functions: the file is rewritten, naming both.
    compileCached(SOURCE, 'bundle.js', { build: 'b1', home: h, command: 'decks' }).save();
    expect(statSync(file).ino).not.toBe(written.ino);
    expect(readFileSync(file, 'latin1')).toContain('"commands":["status","decks"]');
    expect(readdirSync(join(h, 'cache'))).toEqual([file.split('/').pop()]);
  });

  test('another build, or another source under the same build name, is never served the old code', () => {
    const h = home();
    compileCached(SOURCE, 'bundle.js', { build: 'b1', home: h, command: 'status' }).save();
    expect(compileCached(SOURCE, 'bundle.js', { build: 'b2', home: h, command: 'status' }).cache).toBe('miss');
    // V8 refuses data made for a source of another length.
    const other = compileCached(`${SOURCE};0`, 'bundle.js', { build: 'b1', home: h, command: 'status' });
    expect(other.cache).toBe('miss');
    other.save();
    expect(compileCached(`${SOURCE};0`, 'bundle.js', { build: 'b1', home: h, command: 'status' }).cache).toBe('hit');
  });

  test('writing a file deletes the files of other keys untouched for a week, not recent ones', () => {
    const h = home();
    compileCached(SOURCE, 'bundle.js', { build: 'old', home: h, command: 'status' }).save();
    compileCached(SOURCE, 'bundle.js', { build: 'recent', home: h, command: 'status' }).save();
    const old = codeCachePath(h, codeCacheKey('old'));
    const long = new Date(Date.now() - STALE_CODE_CACHE_MS - 60_000);
    utimesSync(old, long, long);
    compileCached(SOURCE, 'bundle.js', { build: 'new', home: h, command: 'status' }).save();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(codeCachePath(h, codeCacheKey('recent')))).toBe(true);
    expect(existsSync(codeCachePath(h, codeCacheKey('new')))).toBe(true);
  });

  test.each([
    ['garbled header', (b: Buffer) => Buffer.concat([Buffer.from('x'), b.subarray(1)])],
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 10)],
    ['zero-filled', (b: Buffer) => Buffer.alloc(b.length)],
  ])('a damaged file (%s) is deleted, compiled from source and written again', (_, damage) => {
    const h = home();
    compileCached(SOURCE, 'bundle.js', { build: 'b1', home: h, command: 'status' }).save();
    const file = codeCachePath(h, codeCacheKey('b1'));
    writeFileSync(file, damage(readFileSync(file)));
    const s = compileCached(SOURCE, 'bundle.js', { build: 'b1', home: h, command: 'status' });
    expect(s.cache).toBe('miss');
    expect(existsSync(file)).toBe(false);
    expect(run(s)).toBe('ok ok');
    s.save();
    expect(compileCached(SOURCE, 'bundle.js', { build: 'b1', home: h, command: 'status' }).cache).toBe('hit');
  });

  test('the built CLI with bytes flipped inside the stored V8 data: the same output from source, and the file written again (V8 aborted the process on it)', () => {
    const h = home();
    const env = { AMGI_HOME: h, AMGI_NOW: '2026-03-02T10:00:00+09:00', TZ: 'Asia/Seoul' };
    const cold = amgi(['status'], env);
    const [name] = readdirSync(join(h, 'cache')).filter((f) => f.startsWith('code-'));
    const file = join(h, 'cache', name!);
    const bytes = readFileSync(file);
    // Past the header, spread over the data: what a bad sector or a stray write does.
    for (let i = 0; i < 16; i++) bytes[Math.floor(bytes.length / 3 + (i * bytes.length) / 48)]! ^= 0xff;
    writeFileSync(file, bytes);
    const damaged = amgi(['status'], env);
    expect(damaged).toEqual(cold);
    expect(readFileSync(file).equals(bytes)).toBe(false);
    expect(amgi(['status'], env)).toEqual(cold);
  });

  test('a home that does not exist is not created; no home at all: no file', () => {
    const missing = join(home(), 'nope');
    const s = compileCached(SOURCE, 'bundle.js', { build: 'b1', home: missing, command: 'status' });
    s.save();
    expect(existsSync(missing)).toBe(false);
    const none = compileCached(SOURCE, 'bundle.js', { build: 'b1', home: undefined, command: 'status' });
    expect(none.cache).toBe('miss');
    expect(run(none)).toBe('ok ok');
    none.save();
  });

  test('the built CLI: the same output and exit codes with and without the cache, kept in $AMGI_HOME/cache', () => {
    const h = home();
    const env = { AMGI_HOME: h, AMGI_NOW: '2026-03-02T10:00:00+09:00', TZ: 'Asia/Seoul' };
    const runs = (args: string[]) => [amgi(args, env), amgi(args, env)];
    for (const args of [['--version'], ['status'], ['decks'], ['nope'], ['status', 'extra']]) {
      const [cold, warm] = runs(args);
      expect(warm, args.join(' ')).toEqual(cold);
    }
    expect(readdirSync(join(h, 'cache')).filter((f) => f.startsWith('code-'))).toHaveLength(1);
    const missing = join(h, 'nope');
    expect(amgi(['--version'], { AMGI_HOME: missing }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(existsSync(missing)).toBe(false);
  });
});
