import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Card, Deck } from '../../src/core/deck/types.js';
import type { AnswerEntry } from '../../src/core/schedule/types.js';
import { statusReport as report, type StatusReport } from '../../src/store/statusReport.js';
import { appendEntries, logPath } from '../../src/store/log.js';
import { openProgress } from '../../src/store/progress.js';
import { settingsPath } from '../../src/store/settings.js';
import { readSealed, seal } from '../../src/store/sealed.js';
import { tmpHome } from '../helpers/tmpHome.js';

let t: ReturnType<typeof tmpHome>;
let decksDir: string;
const NOW = '2026-03-02T10:00:00Z';

function makeDeck(id: string, n: number, reversible = 0): Deck {
  const cards: Card[] = [];
  for (let i = 0; i < n; i++) {
    const cid = `${id}-${String(i).padStart(3, '0')}`;
    cards.push(i < reversible ? { id: cid, type: 'reversible', front: `앞 ${i}`, back: `뒤 ${i}` } : { id: cid, type: 'basic', front: `질문 ${i}`, back: `답 ${i}` });
  }
  return { id, title: `Deck ${id}`, description: 'test deck', language: 'ko', cards };
}

/** Date a file a minute back: inputs older than the racy window may be trusted on their stat. */
function age(file: string, ms = 60_000): void {
  const when = new Date(Date.now() - ms);
  utimesSync(file, when, when);
}

function writeDeck(name: string, deck: Deck, old = true): void {
  const file = join(decksDir, name);
  writeFileSync(file, JSON.stringify(deck));
  if (old) age(file);
}

function answer(key: string, deck: string, at: string, grade: 1 | 2 | 3 | 4 = 3): AnswerEntry {
  return { v: 1, id: `${at}-${key}-${grade}`, at, op: 'answer', key, deck, grade, ms: 1000, kind: 'review', reschedule: true };
}

const statusReport = (now = NOW) => report({ AMGI_HOME: t.home }, { decksDir, now: () => new Date(now) });

const cacheFiles = () => (existsSync(join(t.home, 'cache')) ? readdirSync(join(t.home, 'cache')).filter((f) => f.startsWith('status-')) : []);

/** Replace the stored answer (keeping its key): a run that prints it read the cache. */
function fakeCachedAnswer(): StatusReport {
  const file = join(t.home, 'cache', cacheFiles()[0]!);
  const entry = JSON.parse(readSealed(file)!.toString('utf8'));
  entry.value = { decks: [{ id: 'cached', due: 99, new: 99 }], due: 99, new: 99, streak: 42 };
  writeFileSync(file, seal(JSON.stringify(entry)));
  return entry.value;
}

beforeEach(() => {
  t = tmpHome();
  decksDir = join(t.home, 'src-decks');
  mkdirSync(decksDir);
  writeDeck('a.json', makeDeck('a', 6));
  appendEntries(t.home, [answer('a-000', 'a', '2026-03-01T01:00:00.000Z'), answer('a-001', 'a', '2026-03-01T01:01:00.000Z', 1)]);
  age(logPath(t.home));
});
afterEach(() => t.cleanup());

describe('status answer cache', () => {
  test('--json\'s per-deck-alone counts: counted only when asked, and a stored prompt answer without them is recounted', async () => {
    const prompt = (await statusReport()).report;
    expect(prompt.decks[0]!.newAvailable).toBeUndefined();
    expect(cacheFiles()).toHaveLength(1);
    const json = (await report({ AMGI_HOME: t.home }, { decksDir, now: () => new Date(NOW), alone: true })).report;
    expect(json.decks[0]).toMatchObject({ id: 'a', new: prompt.decks[0]!.new, newAvailable: prompt.decks[0]!.new, dueAvailable: prompt.decks[0]!.due });
    // Stored with them now: the prompt reads that answer too.
    const fake = fakeCachedAnswer();
    expect((await statusReport()).report).toEqual(fake);
  });

  test('a second run with nothing changed reads the stored answer', async () => {
    const first = await statusReport();
    expect(first.report.decks[0]!.id).toBe('a');
    expect(cacheFiles()).toHaveLength(1);
    const fake = fakeCachedAnswer();
    expect((await statusReport()).report).toEqual(fake);
    // Another study day is another key.
    expect((await statusReport('2026-03-03T10:00:00Z')).report.decks[0]!.id).toBe('a');
  });

  test('every input change is seen: the log, the settings, a deck edit, a new deck file', async () => {
    const fresh = async () => {
      fakeCachedAnswer();
      return (await statusReport()).report;
    };
    const base = (await statusReport()).report;
    // Another terminal answers a card: the log changes.
    appendEntries(t.home, [answer('a-002', 'a', '2026-03-02T09:00:00.000Z')]);
    age(logPath(t.home));
    let r = await fresh();
    expect(r.decks[0]!.id).toBe('a');
    expect(r.new).toBe(base.new - 1);
    // A settings change.
    const p = openProgress({ home: t.home, decks: [], now: () => new Date(NOW) });
    p.saveSettings({ newPerDay: 2 }); // one new card was already introduced today
    age(settingsPath(t.home));
    r = await fresh();
    expect(r.new).toBe(1);
    // A deck edit (more cards) and a new deck file.
    p.saveSettings({ newPerDay: 20 });
    age(settingsPath(t.home));
    await statusReport();
    writeDeck('a.json', makeDeck('a', 9));
    r = await fresh();
    expect(r.new).toBe(9 - 3);
    writeDeck('b.json', makeDeck('b', 2));
    r = await fresh();
    expect(r.decks.map((d) => d.id)).toEqual(['a', 'b']);
  });

  test('inputs modified within the racy window are never stored (the same-second edit problem)', async () => {
    writeDeck('a.json', makeDeck('a', 6), false);
    await statusReport();
    expect(cacheFiles()).toHaveLength(0);
    age(join(decksDir, 'a.json'));
    writeFileSync(settingsPath(t.home), JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, newPerDay: 3 }));
    expect((await statusReport()).report.new).toBe(3);
    expect(cacheFiles()).toHaveLength(0);
  });

  test('a log appended to just now does not stop the answer being stored (it only grows), and the next append is seen', async () => {
    appendEntries(t.home, [answer('a-002', 'a', '2026-03-01T02:00:00.000Z')]);
    const first = (await statusReport()).report;
    expect(cacheFiles()).toHaveLength(1);
    const fake = fakeCachedAnswer();
    expect((await statusReport()).report).toEqual(fake);
    // Another answer in the same instant: a longer log, another key.
    appendEntries(t.home, [answer('a-003', 'a', '2026-03-01T02:00:01.000Z')]);
    const after = (await statusReport()).report;
    expect(after).not.toEqual(fake);
    expect(after.new).toBe(first.new - 1);
  });

  test('a run with notices is not stored: the next run computes (and shows) its own', async () => {
    appendFileSync(logPath(t.home), 'not json\n');
    age(logPath(t.home));
    const first = await statusReport();
    expect(first.notices.join('\n')).toMatch(/unreadable line/);
    expect(cacheFiles()).toHaveLength(0);
    // The store reports a bad line once (the snapshot now starts after it): the same answer, then cached.
    const second = await statusReport();
    expect(second.report).toEqual(first.report);
    expect(cacheFiles()).toHaveLength(1);
  });

  test('an answer that depends on the time of day (review limit cutting a deck with reversible cards) is not stored', async () => {
    writeDeck('a.json', makeDeck('a', 6, 6));
    const keys = makeDeck('a', 6, 6).cards.map((c) => c.id);
    // After the setup's March answers (a-001 Again): replay folds each card in time order.
    appendEntries(t.home, keys.map((k, i) => answer(k, 'a', `2026-04-01T01:0${i}:00.000Z`, 4)));
    age(logPath(t.home));
    const p = openProgress({ home: t.home, decks: [], now: () => new Date(NOW) });
    p.saveSettings({ reviewsPerDay: 1 });
    age(settingsPath(t.home));
    const r = (await statusReport('2026-06-01T10:00:00Z')).report;
    expect(r.due, JSON.stringify(r)).toBe(1);
    expect(cacheFiles()).toHaveLength(0);
    // Without the limit cutting, the same data is stored.
    p.saveSettings({ reviewsPerDay: 200 });
    age(settingsPath(t.home));
    await statusReport('2026-06-01T10:00:00Z');
    expect(cacheFiles()).toHaveLength(1);
  });

  test('an answer changed on disk but still well-formed (F4) is not used: recomputed and rewritten', async () => {
    const first = (await statusReport()).report;
    const file = join(t.home, 'cache', cacheFiles()[0]!);
    const raw = readFileSync(file, 'latin1');
    expect(raw).toContain(`"new":${first.new}`);
    writeFileSync(file, raw.replace(`"new":${first.new}`, `"new":${(first.new + 1) % 10}`), 'latin1');
    expect((await statusReport()).report).toEqual(first);
    expect(JSON.parse(readSealed(file)!.toString('utf8')).value).toEqual(first);
  });

  test('a damaged cache file is ignored and rewritten', async () => {
    const first = (await statusReport()).report;
    const file = join(t.home, 'cache', cacheFiles()[0]!);
    for (const junk of ['', '{"key":', 'null', '[]']) {
      writeFileSync(file, junk);
      expect((await statusReport()).report).toEqual(first);
      expect(JSON.parse(readSealed(file)!.toString('utf8')).value).toEqual(first);
    }
  });
});
