import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Card, Deck } from '../../src/core/deck/types.js';
import { deckItems } from '../../src/core/deck/items.js';
import { deckCacheDir, lookupDeck, RACY_MS } from '../../src/store/deckCache.js';
import { loadAllDecks, loadDeckFiles, seedTitles } from '../../src/store/deckFiles.js';
import { seal, segmentAt } from '../../src/store/sealed.js';
import { openProgressFromEnv } from '../../src/store/open.js';
import { amgi, ROOT } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';

let t: ReturnType<typeof tmpHome>;
let decksDir: string;
const env = () => ({ AMGI_HOME: t.home });

function makeDeck(id: string, n: number, word = '질문', reversible = 0): Deck {
  const cards: Card[] = [];
  for (let i = 0; i < n; i++) {
    const cid = `${id}-${String(i).padStart(3, '0')}`;
    cards.push(i < reversible ? { id: cid, type: 'reversible', front: `앞 ${i}`, back: `뒤 ${i}` } : { id: cid, type: 'basic', front: `${word} ${i}`, back: `답 ${i}` });
  }
  return { id, title: `Deck ${id}`, description: 'test deck', language: 'ko', cards };
}

/** Write a deck file and date it `agoMs` in the past (old files are trusted on stat alone). */
function writeDeck(name: string, deck: unknown, agoMs = 60_000): string {
  const file = join(decksDir, name);
  writeFileSync(file, typeof deck === 'string' ? deck : JSON.stringify(deck, null, 2));
  const when = new Date(Date.now() - agoMs);
  utimesSync(file, when, when);
  return file;
}

const cacheFiles = () => (existsSync(deckCacheDir(t.home)) ? readdirSync(deckCacheDir(t.home)).filter((f) => f.endsWith('.json')) : []);
const cachePath = () => join(deckCacheDir(t.home), cacheFiles()[0]!);
const load = (outline = false) => loadAllDecks({ decksDir, env: env(), outline });

/** The (only) cache entry's two sealed segments: header and deck. */
function cacheSegments() {
  const raw = readFileSync(cachePath());
  const head = segmentAt(raw)!;
  return { raw, head, body: segmentAt(raw, head.end)! };
}
const cachedHeader = () => JSON.parse(cacheSegments().head.payload.toString('utf8'));

/** Replace the deck of the (only) cache entry, keeping its header and a valid checksum: shows whether the cache is read. */
function tamperCachedDeck(mutate: (d: Deck) => void): void {
  const { raw, head, body } = cacheSegments();
  const d = JSON.parse(body.payload.toString('utf8')) as Deck;
  mutate(d);
  writeFileSync(cachePath(), Buffer.concat([raw.subarray(0, head.end), seal(JSON.stringify(d))]));
}

beforeEach(() => {
  t = tmpHome();
  decksDir = join(t.home, 'src-decks');
  mkdirSync(decksDir);
});
afterEach(() => t.cleanup());

describe('validated-deck cache', () => {
  test('entries named by an earlier build (SHA-1 of the path) are removed when an entry is written', () => {
    mkdirSync(deckCacheDir(t.home), { recursive: true });
    const legacy = join(deckCacheDir(t.home), `${'ab12'.repeat(10)}.json`);
    writeFileSync(legacy, '{}\n{}');
    writeDeck('a.json', makeDeck('a', 3));
    expect(load().decks.map((d) => d.deck.id)).toEqual(['a']);
    expect(existsSync(legacy)).toBe(false);
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).toMatch(/^[0-9a-f]{16}\.json$/);
  });

  test('a valid deck is cached; the cached deck, problems and content hash equal an uncached load', () => {
    writeDeck('a.json', makeDeck('a', 5, '  질문\u0007', 2));
    const fresh = loadDeckFiles([{ file: join(decksDir, 'a.json'), origin: 'dir' }]);
    const first = load();
    expect(cacheFiles()).toHaveLength(1);
    const second = load();
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(second.decks[0]!.deck.cards[0]!.front).toBe(fresh.decks[0]!.deck.cards[0]!.front);
  });

  test('an unchanged old file is served from the cache without validating', () => {
    writeDeck('a.json', makeDeck('a', 3));
    load();
    tamperCachedDeck((d) => (d.title = 'from the cache'));
    expect(load().decks[0]!.deck.title).toBe('from the cache');
  });

  test('an edit is seen on the next run, also one that keeps the size and the mtime', () => {
    const file = writeDeck('a.json', makeDeck('a', 3, '질문'));
    load();
    const before = statSync(file);
    writeFileSync(file, JSON.stringify(makeDeck('a', 3, '문제'), null, 2)); // same byte length
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(load().decks[0]!.deck.cards[0]!.front).toBe('문제 0');
  });

  test('a recently modified file is checked by content even when its whole stat matches (same-tick edit)', () => {
    const file = writeDeck('a.json', makeDeck('a', 3, '질문'), 0);
    const checkedAt = Date.now();
    load();
    // The stat the entry recorded, while the file now holds other bytes of the same size.
    const st = statSync(file);
    writeFileSync(file, JSON.stringify(makeDeck('a', 3, '문제'), null, 2));
    const read = () => readFileSync(file);
    expect(lookupDeck(t.home, file, st, checkedAt, read).hit).toBeUndefined();
    // The same situation with a file last modified long before it was read: the stat is trusted.
    const old = writeDeck('b.json', makeDeck('b', 3, '질문'), 10 * RACY_MS);
    load();
    const oldSt = statSync(old);
    let reads = 0;
    expect(lookupDeck(t.home, old, oldSt, Date.now(), () => {
      reads++;
      return readFileSync(old);
    }).hit).toBeDefined();
    expect(reads).toBe(0);
  });

  test('same content with a new stat (touch, checkout) is a hit and the entry records the new stat', () => {
    const file = writeDeck('a.json', makeDeck('a', 3), 120_000);
    load();
    tamperCachedDeck((d) => (d.title = 'cached'));
    const when = new Date(Date.now() - 60_000);
    utimesSync(file, when, when);
    expect(load().decks[0]!.deck.title).toBe('cached');
    const header = cachedHeader();
    expect(header.mtimeMs).toBe(statSync(file).mtimeMs);
  });

  test('a corrupt cache file is ignored and rewritten', () => {
    writeDeck('a.json', makeDeck('a', 3));
    load();
    writeFileSync(cachePath(), '{"format":1,"pa');
    expect(load().decks[0]!.deck.cards).toHaveLength(3);
    expect(cachedHeader().outline.id).toBe('a');
    writeFileSync(cachePath(), '');
    expect(load().decks[0]!.deck.cards).toHaveLength(3);
  });

  test('an invalid deck is never cached: its problems are reported on every run', () => {
    writeDeck('a.json', makeDeck('a', 3));
    load();
    expect(cacheFiles()).toHaveLength(1);
    writeDeck('a.json', '{"id": "a", "title": ');
    for (let i = 0; i < 2; i++) {
      const r = load();
      expect(r.decks).toHaveLength(0);
      expect(r.problems.some((p) => p.severity === 'error' && /invalid JSON/.test(p.message))).toBe(true);
    }
    expect(cacheFiles()).toHaveLength(0);
    const bad = makeDeck('b', 3) as unknown as { cards: Record<string, unknown>[] };
    bad.cards[1]!.type = 'nonsense';
    writeDeck('b.json', bad);
    const errors = () => load().problems.filter((p) => p.severity === 'error');
    const once = errors();
    expect(once.length).toBeGreaterThan(0);
    expect(errors()).toEqual(once);
    expect(cacheFiles()).toHaveLength(0);
  });

  test('warnings are cached and reported with the file name of this run', () => {
    writeDeck('a.json', makeDeck('a', 2, '질문\u001b[31m'));
    const first = load();
    expect(first.problems.length).toBeGreaterThan(0);
    expect(first.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(cacheFiles()).toHaveLength(1);
    tamperCachedDeck(() => {});
    expect(load().problems).toEqual(first.problems);
  });

  test('duplicate ids across decks are still reported for cached decks', () => {
    writeDeck('a.json', makeDeck('a', 2));
    writeDeck('b.json', { ...makeDeck('b', 2), cards: makeDeck('a', 2).cards });
    const first = load();
    const second = load();
    expect(second.problems).toEqual(first.problems);
    expect(second.problems.filter((p) => /duplicate card id/.test(p.message))).toHaveLength(2);
  });

  test('outlines give the same study items (keys, decks) as full decks, without card text', () => {
    writeDeck('a.json', makeDeck('a', 6, '질문', 3));
    for (const run of ['miss', 'hit']) {
      const full = load(false).decks;
      const outline = load(true).decks;
      const keys = (ds: typeof full) => ds.flatMap((d) => deckItems(d.deck)).map((it) => [it.deckId, it.key]);
      expect(keys(outline), run).toEqual(keys(full));
      expect(outline[0]!.deck.title).toBe(full[0]!.deck.title);
      expect(outline[0]!.contentHash).toBe(full[0]!.contentHash);
      expect(JSON.stringify(outline)).not.toContain('질문');
    }
  });

  test('status counts from outlines equal the counts of the full decks', () => {
    writeDeck('a.json', makeDeck('a', 8, '질문', 4));
    writeDeck('b.json', makeDeck('b', 5));
    const now = () => new Date('2026-03-02T10:00:00Z');
    const full = openProgressFromEnv({ env: env(), now, decksDir, fuzz: false }).progress;
    const outline = openProgressFromEnv({ env: env(), now, decksDir, fuzz: false, outline: true }).progress;
    expect([...outline.dueByDeck()]).toEqual([...full.dueByDeck()]);
    expect(full.dueByDeck().get('b')).toEqual({ learning: 0, review: 0, new: 5 });
  });

  test('a home that cannot be written still loads decks', () => {
    writeDeck('a.json', makeDeck('a', 2));
    writeFileSync(join(t.home, 'cache'), 'a file where the cache folder should be');
    expect(load().decks[0]!.deck.cards).toHaveLength(2);
    expect(load().decks[0]!.deck.cards).toHaveLength(2);
  });
});

describe('damaged cache entries (F4): deleted and rebuilt, never blamed on the deck file', () => {
  // Entries are written without fsync: a power cut can cut one short, zero-fill it or leave
  // other bytes in it. The same damage must give the same decks as an undamaged cache.
  const damages: [string, (raw: Buffer) => Buffer][] = [
    ['cut short (the deck part)', (raw) => raw.subarray(0, raw.length - 40)],
    ['cut right after the header', (raw) => raw.subarray(0, raw.indexOf(10) + 100)],
    ['zero-filled tail', (raw) => Buffer.concat([raw.subarray(0, raw.length - 30), Buffer.alloc(30)])],
    ['garbled text of the same length', (raw) => Buffer.from(raw.toString('latin1').replace(/"질문 1"|"\\uc9c8\\ubb38 1"/, '"XXXXX"').replace('a-001', 'a-00x'), 'latin1')],
    ['empty', () => Buffer.alloc(0)],
  ];
  for (const [what, damage] of damages) {
    test(`an entry ${what}`, () => {
      writeDeck('a.json', makeDeck('a', 3));
      const clean = load();
      for (const outline of [false, true]) {
        writeFileSync(cachePath(), damage(readFileSync(cachePath())));
        const r = load(outline);
        expect(r.problems).toEqual([]);
        expect(r.decks.map((d) => d.deck.cards.map((c) => c.id))).toEqual(clean.decks.map((d) => d.deck.cards.map((c) => c.id)));
        // A full load checks the deck segment too (status reads only the header) and rebuilds the entry.
        expect(load().decks[0]!.deck).toEqual(clean.decks[0]!.deck);
        expect(cacheSegments().body.intact()).toBe(true);
      }
    });
  }

  test('a deck segment replaced by null (header intact) is deleted and rebuilt', () => {
    writeDeck('a.json', makeDeck('a', 3));
    const clean = load();
    const { raw, head } = cacheSegments();
    writeFileSync(cachePath(), Buffer.concat([raw.subarray(0, head.end), Buffer.from('null')]));
    expect(load()).toEqual(clean);
    writeFileSync(cachePath(), Buffer.concat([raw.subarray(0, head.end), seal('null')]));
    expect(load()).toEqual(clean);
  });

  test('the CLI repro: every entry cut after its header line; decks, validate and status are unaffected', () => {
    const home = { AMGI_HOME: t.home };
    expect(amgi(['status'], home).code).toBe(0);
    const entries = readdirSync(deckCacheDir(t.home)).map((f) => join(deckCacheDir(t.home), f));
    const bundled = readdirSync(join(ROOT, 'decks')).filter((f) => f.endsWith('.json') && !['schema.json', 'aliases.json', 'sources.json'].includes(f)).length;
    expect(entries.length).toBe(bundled);
    for (const f of entries) {
      const raw = readFileSync(f);
      writeFileSync(f, raw.subarray(0, raw.indexOf(10) + 100));
    }
    const decks = amgi(['decks'], home);
    expect(decks.stderr).toBe('');
    expect(decks.stdout.trim().split('\n')).toHaveLength(bundled);
    const validate = amgi(['validate'], home);
    expect(validate.stdout).toContain('all decks valid');
    expect(validate.code).toBe(0);
  });
});

describe('amgi status through the deck cache (built bin)', () => {
  test('each run sees the deck as it is now: edits right after a run, and a deck broken then fixed', () => {
    const run = () => amgi(['status', '--decks', decksDir, '--json'], { AMGI_HOME: t.home, AMGI_NOW: '2026-03-02T10:00:00Z' });
    const newCount = () => JSON.parse(run().stdout).new as number;
    writeDeck('a.json', makeDeck('a', 3), 0);
    expect(newCount()).toBe(3);
    expect(newCount()).toBe(3);
    writeDeck('a.json', makeDeck('a', 5), 0);
    expect(newCount()).toBe(5);
    const deckId = () => JSON.parse(run().stdout).decks[0].id as string;
    expect(deckId()).toBe('a');
    writeDeck('a.json', makeDeck('b', 5), 0); // the same size, within the same second
    expect(deckId()).toBe('b');
    writeDeck('a.json', '{"id": "a"', 0);
    expect(run().code).toBe(0);
    expect(JSON.parse(run().stdout).decks).toEqual([]);
    writeDeck('a.json', makeDeck('a', 4), 0);
    expect(newCount()).toBe(4);
  });
});

describe('seed titles', () => {
  test('every seed the bundled decks cite has its note title from decks/sources.json', () => {
    const titles = seedTitles();
    const manifest = JSON.parse(readFileSync(join(ROOT, 'decks', 'sources.json'), 'utf8')) as { seeds: { file: string; title: string }[] };
    expect(titles.size).toBe(manifest.seeds.length);
    for (const s of manifest.seeds) expect(titles.get(s.file)).toBe(s.title);
    const cited = new Set(loadAllDecks({ env: env() }).decks.flatMap((d) => d.deck.cards.map((c) => (c.source && 'seed' in c.source ? c.source.seed : undefined)).filter((x): x is string => !!x)));
    for (const seed of cited) expect(titles.has(seed), seed).toBe(true);
  });
});
