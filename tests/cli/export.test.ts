import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { amgi } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';
import { appendEntries, readLog } from '../../src/store/log.js';
import { decodeSnapshot } from '../../src/store/snapshot.js';
import type { LogEntry } from '../../src/core/schedule/types.js';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());
const run = (args: string[], h = home) => amgi(args, { AMGI_HOME: h });
const essence = (cards: { type: string; front: string; back?: string; tags?: string[] }[]) => cards.map((c) => [c.type, c.front, c.back ?? '', c.tags ?? []]);

describe('amgi export (decks)', () => {
  beforeEach(() => {
    expect(run(['import', `${FIX}obsidian.md`, '--yes']).code).toBe(0);
    expect(run(['import', `${FIX}anki-notetypes.txt`, '--deck', 'nt', '--yes']).code).toBe(0);
  });

  test('Anki round trip: export → import gives the same cards', () => {
    const out = join(home, 'out.txt');
    const r = run(['export', '--deck', 'obsidian', '--format', 'anki', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('wrote 6 notes from 1 deck to');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('#separator:tab\n#html:false\n#tags column:3\n')).toBe(true);
    expect(run(['import', out, '--deck', 'again', '--yes']).code).toBe(0);
    const original = JSON.parse(readFileSync(join(home, 'decks', 'obsidian.json'), 'utf8')).cards;
    const again = JSON.parse(readFileSync(join(home, 'decks', 'again.json'), 'utf8')).cards;
    expect(essence(again)).toEqual(essence(original));
  });

  test('JSON: one deck to a file, several to a folder; both validate', () => {
    const one = join(home, 'one.json');
    expect(run(['export', '--deck', 'nt', '--format', 'json', '--out', one]).code).toBe(0);
    expect(run(['validate', one]).code).toBe(0);
    const dir = join(home, 'all');
    const r = run(['export', '--format', 'json', '--out', dir, '--decks', join(home, 'decks')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['nt.json', 'obsidian.json']);
    expect(run(['validate', dir]).stdout).toContain('all decks valid');
  });

  test('to stdout without --out; errors for unknown decks and missing format', () => {
    const r = run(['export', '--deck', 'nt', '--format', 'anki']);
    expect(r.stdout.split('\n')[5]).toBe('Dockerfile\t이미지 빌드 명령 파일\tdocker\tBasic (and reversed card)\tanki-notetypes');
    expect(run(['export', '--deck', 'nope', '--format', 'anki']).stderr).toContain('no deck "nope"');
    expect(run(['export', '--deck', 'nt']).code).toBe(2);
    expect(run(['export', '--format', 'json', '--decks', join(home, 'decks')]).code).toBe(2);
  });
});

describe('a bare `amgi export` points at --progress', () => {
  // A new user after their review progress saw only "say which format".
  test.each([
    ['en', 'To export your review progress (to merge on another machine): amgi export --progress FILE'],
    ['ko', '복습 진행 기록을 내보내려면 (다른 컴퓨터에서 합치기용): amgi export --progress FILE'],
  ])('%s: in the usage error and in --help', (lang, line) => {
    const bare = run(['export', '--lang', lang]);
    expect(bare.code).toBe(2);
    expect(bare.stderr.split('\n')).toContain(line);
    const help = run(['export', '--help', '--lang', lang]);
    expect(help.code).toBe(0);
    expect(help.stdout.split('\n')).toContain(line);
  });
});

const entry = (id: string, at: string, key: string, grade: 1 | 2 | 3 | 4 = 3): LogEntry => ({ v: 1, id, at, op: 'answer', key, deck: 'obsidian', grade, ms: 1000, kind: 'review', reschedule: true });

describe('the store\'s own files are never an export target (F13)', () => {
  test.each(['reviews.jsonl', 'state.bin', 'settings.json'])('export --progress $AMGI_HOME/%s is refused in one line; the file is unchanged', (name) => {
    appendEntries(home, [entry('a1', '2025-01-01T09:00:00.000Z', 'x')]);
    expect(run(['status']).code).toBe(0); // writes state.bin
    writeFileSync(join(home, 'settings.json'), '{"newPerDay":30,"__internal__":{"migrations":{"version":"1.0.0"}}}');
    const file = join(home, name);
    const before = readFileSync(file);
    const r = run(['export', '--progress', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`amgi: ${file} is amgi's own data file; choose another path for the export`);
    expect(readFileSync(file)).toEqual(before);
  });

  test('also through another spelling, a symbolic link, or before the log exists', () => {
    const link = join(home, 'sync-link.jsonl');
    appendEntries(home, [entry('a1', '2025-01-01T09:00:00.000Z', 'x')]);
    symlinkSync(join(home, 'reviews.jsonl'), link);
    for (const target of [join(home, 'sync', '..', 'reviews.jsonl'), link]) {
      const r = run(['export', '--progress', target]);
      expect(r.code, target).toBe(1);
    }
    expect(readLog(home).entries.map((e) => e.id)).toEqual(['a1']);
    const empty = tmpHome();
    try {
      expect(run(['export', '--progress', join(empty.home, 'reviews.jsonl')], empty.home).code).toBe(1);
      expect(existsSync(join(empty.home, 'reviews.jsonl'))).toBe(false);
    } finally {
      empty.cleanup();
    }
  });
});

describe('progress between machines', () => {
  let other: ReturnType<typeof tmpHome>;
  beforeEach(() => {
    other = tmpHome();
  });
  afterEach(() => other.cleanup());

  test('export → import merges; merging again changes nothing; either order gives the same history', () => {
    appendEntries(home, [entry('a1', '2025-01-01T09:00:00.000Z', 'x'), entry('a2', '2025-01-03T09:00:00.000Z', 'y')]);
    appendEntries(other.home, [entry('b1', '2025-01-02T09:00:00.000Z', 'x', 1), entry('a1', '2025-01-01T09:00:00.000Z', 'x')]);
    const fileA = join(home, 'sync', 'a.jsonl');
    const fileB = join(other.home, 'sync', 'b.jsonl');
    expect(run(['export', '--progress', fileA]).stderr).toContain('wrote 2 review log entries');
    expect(readFileSync(fileA, 'utf8').split('\n')[0]).toBe('{"amgi":"progress","version":1,"entries":2}');
    expect(run(['export', '--progress', fileB], other.home).code).toBe(0);

    const r = run(['import', '--progress', fileB]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('merged 1 new entry');
    expect(existsSync(join(home, 'state.bin'))).toBe(true);
    expect(run(['import', '--progress', fileB]).stdout).toContain('nothing new');
    const rb = run(['import', '--progress', fileA], other.home);
    expect(rb.stdout, rb.stderr).toContain('merged 1 new entry');

    // Both machines end with the same entries (each log only appended to, never rewritten) and the same card states.
    expect(readLog(home).entries.map((e) => e.id)).toEqual(['a1', 'a2', 'b1']);
    expect(readLog(other.home).entries.map((e) => e.id).sort()).toEqual(['a1', 'a2', 'b1']);
    // Compare the card states the rebuilt snapshots decode to.
    const items = (h: string) => Object.fromEntries(decodeSnapshot(readFileSync(join(h, 'state.bin'))).items);
    expect(Object.keys(items(home)).sort()).toEqual(['x', 'y']);
    expect(items(other.home)).toEqual(items(home));
    expect(readdirSync(home).filter((f) => f.startsWith('reviews.jsonl.'))).toHaveLength(0);
  });

  test('newer entries are appended; the log is not rewritten', () => {
    appendEntries(home, [entry('a1', '2025-01-01T09:00:00.000Z', 'x')]);
    appendEntries(other.home, [entry('b1', '2025-01-05T09:00:00.000Z', 'x')]);
    const fileB = join(other.home, 'b.jsonl');
    run(['export', '--progress', fileB], other.home);
    const r = run(['import', '--progress', fileB]);
    expect(r.stdout).toContain('merged 1 new entry');
    expect(r.stderr).toBe('');
    expect(readLog(home).entries.map((e) => e.id)).toEqual(['a1', 'b1']);
    expect(readdirSync(home).some((f) => f.includes('before-merge'))).toBe(false);
  });

  test('bad progress files: line named, exit 1, log untouched', () => {
    for (const [name, message] of [
      ['progress-future.jsonl', 'progress-future.jsonl:1:1: progress file version 2 is newer'],
      ['progress-broken.jsonl', 'progress-broken.jsonl:3:1: broken line'],
    ]) {
      const r = run(['import', '--progress', `${FIX}${name}`]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
    }
    writeFileSync(join(home, 'empty.jsonl'), '');
    expect(run(['import', '--progress', join(home, 'empty.jsonl')]).stderr).toContain('file is empty');
    expect(existsSync(join(home, 'reviews.jsonl'))).toBe(false);
  });
});
