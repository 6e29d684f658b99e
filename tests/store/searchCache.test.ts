import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DERIVED_VERSION, buildSearchIndex } from '../../src/core/search/index.js';
import { fileDerivedCache, loadAliases, loadSearchIndex, searchCacheDir } from '../../src/store/searchCache.js';
import { FIXTURE, loaded } from '../core/search/fixture.js';
import { tmpHome } from '../helpers/tmpHome.js';

let home: ReturnType<typeof tmpHome>;
beforeEach(() => {
  home = tmpHome();
});
afterEach(() => home.cleanup());

describe('fileDerivedCache', () => {
  test('writes one file per deck and content hash under $AMGI_HOME/cache and reads it back', () => {
    const env = { AMGI_HOME: home.home };
    const dir = searchCacheDir(env);
    expect(dir).toBe(join(home.home, 'cache'));
    buildSearchIndex([loaded(FIXTURE, 'abc123')], { cache: fileDerivedCache(dir) });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toContain('abc123');
    const again = fileDerivedCache(dir).get(FIXTURE.id, 'abc123');
    expect(again?.jamo.length).toBeGreaterThan(0);
    expect(again?.postings.length).toBeGreaterThan(0);
  });

  test('a corrupt or foreign file is a miss, not an error', () => {
    const dir = join(home.home, 'cache');
    const cache = fileDerivedCache(dir);
    buildSearchIndex([loaded(FIXTURE, 'h1')], { cache });
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), '{not json');
    expect(cache.get(FIXTURE.id, 'h1')).toBeUndefined();
    writeFileSync(join(dir, file!), JSON.stringify({ version: 1, words: 'x' }));
    expect(cache.get(FIXTURE.id, 'h1')).toBeUndefined();
    expect(buildSearchIndex([loaded(FIXTURE, 'h1')], { cache }).search('ㄹㅇㅇ')[0]!.card.id).toBe('layer');
  });

  test('an entry changed on disk but still well-formed (F4) is deleted, not used', () => {
    const dir = join(home.home, 'cache');
    const cache = fileDerivedCache(dir);
    buildSearchIndex([loaded(FIXTURE, 'h1')], { cache });
    const file = join(dir, readdirSync(dir)[0]!);
    const raw = readFileSync(file, 'latin1');
    const word = /"jamo":\[(?:"[^"]*",)*?"([a-z]{2,})"/.exec(raw)![1]!;
    writeFileSync(file, raw.replace(`"${word}"`, `"${word.slice(0, -1)}q"`), 'latin1');
    expect(cache.get(FIXTURE.id, 'h1')).toBeUndefined();
    expect(existsSync(file)).toBe(false);
  });

  test('an unwritable cache folder is ignored', () => {
    const blocker = join(home.home, 'file');
    writeFileSync(blocker, 'x');
    const cache = fileDerivedCache(join(blocker, 'cache'));
    expect(() => buildSearchIndex([loaded(FIXTURE)], { cache })).not.toThrow();
    expect(existsSync(join(blocker, 'cache'))).toBe(false);
  });

  test('keys cannot escape the folder', () => {
    const dir = join(home.home, 'cache');
    fileDerivedCache(dir).set('../..', '../../evil', { version: DERIVED_VERSION, fingerprint: '', jamo: [], cho: [], pairs: new Int32Array(0), postStart: Int32Array.of(0), postings: new Int32Array(0) });
    expect(readdirSync(dir).every((f) => f.startsWith('search-'))).toBe(true);
    expect(readdirSync(home.home).sort()).toEqual(['cache']);
  });

  test('a deck\'s new contents replace its old file; other decks\' files stay; other versions go', () => {
    const dir = join(home.home, 'cache');
    mkdirSync(dir, { recursive: true });
    const other = `search-v${DERIVED_VERSION}-${FIXTURE.id}-extra~zz.json`;
    const old = `search-v${DERIVED_VERSION - 1}-${FIXTURE.id}-0011.json`;
    for (const f of [other, old]) writeFileSync(join(dir, f), '{}');
    buildSearchIndex([loaded(FIXTURE, 'h1')], { cache: fileDerivedCache(dir) });
    const first = readdirSync(dir).filter((f) => f.includes('h1'));
    expect(first).toHaveLength(1);
    buildSearchIndex([loaded(FIXTURE, 'h2')], { cache: fileDerivedCache(dir) });
    expect(readdirSync(dir).sort()).toEqual([`search-v${DERIVED_VERSION}-${FIXTURE.id}~h2.json`, other].sort());
  });
});

describe('aliases', () => {
  test('the bundled file has the groups the issue names', () => {
    const { table, problems } = loadAliases({ AMGI_HOME: home.home });
    expect(problems).toEqual([]);
    const flat = table.map((g) => g.map((t) => t.toLowerCase()));
    for (const [a, b] of [['도커', 'docker'], ['컨테이너', 'container'], ['가상머신', 'vm'], ['도커파일', 'dockerfile'], ['쿠버네티스', 'kubernetes']]) {
      expect(flat.some((g) => g.includes(a!) && g.includes(b!)), `${a} ↔ ${b}`).toBe(true);
    }
    // Search-only terms join their group for search, not for the judge.
    const { judge } = loadAliases({ AMGI_HOME: home.home });
    expect(table.some((g) => g.includes('toomanyrequests') && g.includes('rate limit'))).toBe(true);
    expect(judge.some((g) => g.includes('toomanyrequests'))).toBe(false);
  });

  test("the user's file is merged in; a broken one is reported", () => {
    writeFileSync(join(home.home, 'aliases.json'), JSON.stringify({ groups: [['도커', '도카'], ['파드', 'pod']] }));
    const { table, problems } = loadAliases({ AMGI_HOME: home.home });
    expect(problems).toEqual([]);
    expect(table.find((g) => g.includes('도커'))).toEqual(expect.arrayContaining(['도커', 'Docker', '도카']));
    expect(table.some((g) => g.includes('pod'))).toBe(true);

    writeFileSync(join(home.home, 'aliases.json'), '{oops');
    const broken = loadAliases({ AMGI_HOME: home.home });
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toContain('aliases.json');
    expect(broken.table.length).toBeGreaterThan(10); // the bundled groups still apply
  });

  test('loadSearchIndex uses the user aliases and fills the cache', () => {
    mkdirSync(home.home, { recursive: true });
    writeFileSync(join(home.home, 'aliases.json'), JSON.stringify([['런타임', 'zqxwv']]));
    const { index } = loadSearchIndex([loaded(FIXTURE)], { AMGI_HOME: home.home });
    expect(index.search('zqxwv').map((h) => h.card.id)).toContain('runtime');
    expect(readdirSync(join(home.home, 'cache'))).toHaveLength(1);
  });
});
