/**
 * Sync through a folder: two and three machines, each with its own copy of the sync folder,
 * a sync tool imitated between them (late, half files, out of order, conflict copies, older
 * versions), clocks that disagree. Every machine ends with the same history and the same stats.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { amgi } from '../helpers/cli.js';
import { deck } from './fixtures.js';
import { carry, logIds, machines, rng, settle, study, type Delivery, type Machine } from './syncHarness.js';
import { openProgress } from '../../src/store/progress.js';
import { deckToJson } from '../../src/core/export/json.js';
import { syncStep } from '../../src/store/syncFolder.js';

const decks = [deck('sync', 40, { reversible: 8 })];
const T0 = Date.UTC(2026, 2, 1, 9);
const HOUR = 3_600_000;
let root: string;
let cleanup: () => void;

beforeEach(() => {
  ({ home: root, cleanup } = tmpHome('amgi-sync-'));
});
afterEach(() => cleanup());

/** What each machine's store says: the states of every card and the stats. */
function view(m: Machine, t: number) {
  const p = openProgress({ home: m.home, decks, now: () => new Date(t), fuzz: false });
  const items = Object.fromEntries([...p.ledger.items].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, s]) => [k, { ...s }]));
  const stats = JSON.stringify(p.stats());
  p.close();
  return { items, stats };
}

function statsJson(m: Machine, decksDir: string, t: number): string {
  const r = amgi(['stats', '--json', '--decks', decksDir], { AMGI_HOME: m.home, AMGI_NOW: new Date(t).toISOString(), AMGI_SYNC_DIR: undefined });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

function randomRounds(ms: Machine[], seed: number, rounds: number, modes: Delivery[]): { written: string[]; t: number } {
  const rand = rng(seed);
  const written: string[] = [];
  let t = T0;
  for (let r = 0; r < rounds; r++) {
    for (const m of ms) if (rand() < 0.8) written.push(...study(m, decks, t, 1 + Math.floor(rand() * 6), rand));
    for (const a of ms) for (const b of ms) if (a !== b) carry(a, b, modes[Math.floor(rand() * modes.length)]!, rand);
    t += (1 + Math.floor(rand() * 20)) * HOUR;
  }
  return { written, t };
}

describe('sync through a folder', () => {
  test('two machines, a sync tool that is late, partial, out of order and makes conflict copies: the same history and stats on both', () => {
    const ms = machines(root, 2);
    const { written, t } = randomRounds(ms, 7, 14, ['full', 'partial', 'skip', 'conflict', 'older', 'full']);
    settle(ms, decks, t);
    for (const m of ms) {
      const ids = logIds(m.home);
      for (const id of written) expect(ids.has(id), `${id} on ${m.device}`).toBe(true);
    }
    expect(view(ms[0]!, t + HOUR)).toEqual(view(ms[1]!, t + HOUR));
    // The command-line view too: `stats --json` byte for byte.
    const dir = join(root, 'decks');
    mkdirSync(dir);
    writeFileSync(join(dir, 'sync.json'), deckToJson(decks[0]!.deck));
    expect(statsJson(ms[0]!, dir, t + HOUR)).toBe(statsJson(ms[1]!, dir, t + HOUR));
  });

  test('three machines with clocks hours apart: every answer everywhere, the same states and stats', () => {
    const ms = machines(root, 3, [0, 3 * HOUR, -2 * HOUR - 17_000]);
    const { written, t } = randomRounds(ms, 11, 12, ['full', 'partial', 'skip', 'conflict', 'full']);
    settle(ms, decks, t);
    const [a, b, c] = ms.map((m) => view(m, t + HOUR));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    for (const m of ms) expect(logIds(m.home).size).toBe(logIds(ms[0]!.home).size);
    for (const id of written) expect(logIds(ms[2]!.home).has(id)).toBe(true);
    // Each machine wrote only its own file in its copy of the folder.
    for (const m of ms) {
      const own = readFileSync(join(m.folder, `${m.device}.jsonl`), 'utf8').split('\n').filter(Boolean).slice(1);
      const mine = new Set(own.map((l) => JSON.parse(l).id as string));
      for (const o of ms) if (o !== m) for (const id of mine) expect(logIds(o.home).has(id)).toBe(true);
    }
  });

  test('a torn last line is left until it is complete; a newer amgi\'s file is skipped and said; the answers are never duplicated', () => {
    const [a, b] = machines(root, 2);
    study(a!, decks, T0, 5, rng(3));
    const name = `${a!.device}.jsonl`;
    const full = readFileSync(join(a!.folder, name));
    // Half of the last line arrives.
    writeFileSync(join(b!.folder, name), full.subarray(0, full.length - 20));
    syncStep(b!.home, { env: {} });
    expect(logIds(b!.home).size).toBe(4);
    const shown = amgi(['sync'], { AMGI_HOME: b!.home, AMGI_SYNC_DIR: undefined });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/last line is still arriving/);
    expect(shown.stdout).toMatch(/4 entries/);
    // The rest arrives.
    appendFileSync(join(b!.folder, name), full.subarray(full.length - 20));
    syncStep(b!.home, { env: {} });
    expect(logIds(b!.home).size).toBe(5);
    expect(readFileSync(join(b!.home, 'reviews.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
    // A device file from a future amgi.
    writeFileSync(join(b!.folder, 'phone-000000.jsonl'), `${JSON.stringify({ amgi: 'device', version: 9, device: 'phone-000000' })}\n{"v":2,"id":"x"}\n`);
    const r = syncStep(b!.home, { env: {} });
    expect(r?.problems.join('\n')).toMatch(/phone-000000.jsonl: written by a newer amgi; skipped/);
    const again = amgi(['sync'], { AMGI_HOME: b!.home, AMGI_SYNC_DIR: undefined });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/newer amgi/);
    expect(logIds(b!.home).size).toBe(5);
  });

  test('a conflict copy is merged as a union and reported', () => {
    const [a, b] = machines(root, 2);
    study(a!, decks, T0, 3, rng(5));
    carry(a!, b!, 'full', rng(1));
    study(a!, decks, T0 + HOUR, 3, rng(6));
    carry(a!, b!, 'conflict', rng(2));
    const r = amgi(['sync'], { AMGI_HOME: b!.home, AMGI_SYNC_DIR: undefined });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/conflict copy/);
    expect(logIds(b!.home)).toEqual(logIds(a!.home));
    expect(readdirSync(b!.folder).some((n) => /conflict/.test(n))).toBe(true);
  });

  test('conflict copies of a deck and of the settings: the original is read, the copy is never loaded as a second deck, and amgi sync names both (in Korean too)', () => {
    const [m] = machines(root, 1);
    const dir = join(m!.folder, 'decks');
    mkdirSync(dir, { recursive: true });
    const mine = deck('mine', 3);
    mine.deck.description = '충돌 사본 시험용 덱';
    writeFileSync(join(dir, 'mine.json'), deckToJson(mine.deck));
    writeFileSync(join(dir, 'mine (conflicted copy 2026-12-01).json'), deckToJson({ ...mine.deck, title: 'older' }));
    writeFileSync(join(m!.folder, 'settings.json'), '{}');
    writeFileSync(join(m!.folder, 'settings.sync-conflict-20261201-101010-ABCDEFG.json'), '{}');
    const env = { AMGI_HOME: m!.home, AMGI_SYNC_DIR: undefined };
    const list = amgi(['decks', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    // Without the rule the copy is a "duplicate deck id" error and one of the two is dropped at random.
    expect(list.stderr).not.toMatch(/duplicate deck id/);
    expect((JSON.parse(list.stdout) as { id: string; title: string }[]).filter((d) => d.id === 'mine').map((d) => d.title)).toEqual([mine.deck.title]);
    const r = amgi(['sync'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('decks/mine (conflicted copy 2026-12-01).json: a conflict copy of decks/mine.json');
    expect(r.stdout).toContain('settings.sync-conflict-20261201-101010-ABCDEFG.json: a conflict copy of settings.json');
    const ko = amgi(['sync', '--lang', 'ko'], env);
    expect(ko.code).toBe(0);
    expect(ko.stdout).toContain('settings.json의 충돌 사본입니다');
    // Korean output: no English words left once paths, ids and command names are taken out.
    const words = ko.stdout.replaceAll('mine (conflicted copy 2026-12-01).json', '').replace(/\S*[/.]\S*|\b[a-z0-9-]*-[0-9a-f]{6}\b|amgi|sync|--dir|PATH|UTC|iCloud Drive|OneDrive|git/g, '').match(/[A-Za-z]{3,}/g);
    expect(words).toBeNull();
  });

  test('turning sync off keeps the whole history; on again, nothing is written twice', () => {
    const [a, b] = machines(root, 2);
    study(a!, decks, T0, 4, rng(8));
    study(b!, decks, T0, 4, rng(9));
    settle([a!, b!], decks, T0 + HOUR);
    const before = logIds(a!.home);
    expect(before.size).toBe(8);
    const off = amgi(['sync', '--off'], { AMGI_HOME: a!.home, AMGI_SYNC_DIR: undefined });
    expect(off.code).toBe(0);
    expect(logIds(a!.home)).toEqual(before);
    const on = amgi(['sync', '--dir', a!.folder], { AMGI_HOME: a!.home, AMGI_SYNC_DIR: undefined });
    expect(on.code).toBe(0);
    const own = readFileSync(join(a!.folder, `${a!.device}.jsonl`), 'utf8').trim().split('\n');
    expect(own).toHaveLength(1 + 4);
    expect(readFileSync(join(a!.home, 'reviews.jsonl'), 'utf8').trim().split('\n')).toHaveLength(8);
  });

  test('bad input: one clear line, exit 1 or 2, no stack trace', () => {
    const home = join(root, 'h');
    const file = join(root, 'f');
    writeFileSync(file, 'x');
    const r1 = amgi(['sync', '--dir', file], { AMGI_HOME: home });
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/is a file, not a folder/);
    const r2 = amgi(['sync', '--dir', join(root, 'no', 'such')], { AMGI_HOME: home });
    expect(r2.code).toBe(1);
    const r3 = amgi(['sync', '--off', '--git'], { AMGI_HOME: home });
    expect(r3.code).toBe(2);
    const r4 = amgi(['sync', '--git'], { AMGI_HOME: home });
    expect(r4.code).toBe(1);
    expect(r4.stderr).toMatch(/sync is off/);
    for (const r of [r1, r2, r4]) expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
