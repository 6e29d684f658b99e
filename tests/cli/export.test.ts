import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
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

describe('where an export goes: a file, a folder, never a made-up folder', () => {
  const lines = (r: { stderr: string }) => r.stderr.trim().split('\n');

  test('several decks to --out NAME.json: refused in one line (exit 2), nothing written; the folder export is what import then explains', () => {
    // It made a folder called decks.json, which `amgi import decks.json` then could not read.
    for (const args of [['--format', 'json', '--out', join(home, 'decks.json')], ['--out', join(home, 'decks.JSON')]]) {
      const r = run(['export', ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(lines(r)).toEqual([`amgi: 11 decks are written one file each: --out ${args.at(-1)} names a file; give a folder with --out FOLDER (or one deck with --deck ID)`]);
      expect(existsSync(args.at(-1)!)).toBe(false);
    }
    const ko = run(['export', '--format', 'json', '--out', join(home, 'decks.json'), '--lang', 'ko']);
    expect(ko.code).toBe(2);
    expect(lines(ko)).toHaveLength(1);
    expect(ko.stderr).toContain('--out FOLDER');

    // One deck to a .json file is fine; so is a folder (even one whose name ends in .json, if it is there).
    expect(run(['export', '--deck', 'images', '--out', join(home, 'images.json')]).code).toBe(0);
    mkdirSync(join(home, 'old.json'));
    expect(run(['export', '--format', 'json', '--out', join(home, 'old.json')]).code).toBe(0);
    const dir = join(home, 'all');
    expect(run(['export', '--format', 'json', '--out', dir]).code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(11);

    // Export all → import all: import says what to do with deck files instead of "is a folder, not a file" (or one garbled card).
    const folder = run(['import', dir, '--yes']);
    expect(folder.code).toBe(2);
    expect(lines(folder)).toEqual([`amgi: ${dir} is a folder of amgi deck files; amgi import reads one notes file. To use the decks, copy them into ${join(home, 'decks')}`]);
    const file = run(['import', join(dir, 'images.json'), '--yes']);
    expect(file.code).toBe(2);
    expect(lines(file)).toEqual([`amgi: ${join(dir, 'images.json')} is an amgi deck file, not notes; to use it, copy it into ${join(home, 'decks')}`]);
    expect(existsSync(join(home, 'decks'))).toBe(false);
  });

  test.each([
    [['--deck', 'images'], 'x.json'],
    [['--format', 'anki'], 'x.txt'],
    [['--format', 'apkg'], 'x.apkg'],
    [['--format', 'json'], 'all'],
  ])('export %j to a missing folder: one line naming it, exit 1, no folder made', (flags, name) => {
    const out = join(home, 'no', 'such', name);
    const r = run(['export', ...flags, '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(lines(r)).toEqual([`amgi: --out ${out}: no folder ${join(home, 'no', 'such')} (amgi does not create it; make it first)`]);
    expect(existsSync(join(home, 'no'))).toBe(false);
  });

  test('export --progress to a missing folder: the same, naming --progress', () => {
    const out = join(home, 'no', 'p.jsonl');
    const r = run(['export', '--progress', out, '--lang', 'ko']);
    expect(r.code).toBe(1);
    expect(lines(r)).toEqual([`amgi: --progress ${out}: ${join(home, 'no')} 폴더가 없습니다 (amgi는 폴더를 만들지 않습니다. 먼저 만드세요)`]);
    expect(existsSync(join(home, 'no'))).toBe(false);
  });

  test('--help names the folder', () => {
    expect(run(['export', '--help']).stdout).toMatch(/--out FILE\|FOLDER +output file; a folder for several decks as JSON/);
    expect(run(['export', '--help', '--lang', 'ko']).stdout).toMatch(/--out FILE\|FOLDER +출력 파일\. JSON으로 덱 여러 개를 내보낼 때는 폴더/);
  });
});

describe('a bare `amgi export` points at --progress', () => {
  // A new user after their review progress saw only "say which format".
  test.each([
    ['en', 'To export your review progress (to merge on another machine): amgi export --progress FILE', 'amgi: say which format: --format anki, json or apkg (your review progress: --progress FILE)'],
    ['ko', '복습 진행 기록을 내보내려면 (다른 컴퓨터에서 합치기용): amgi export --progress FILE', 'amgi: 형식을 정하세요: --format anki, json 또는 apkg (복습 진행 기록은 --progress FILE)'],
  ])('%s: in the usage error (one line) and in --help', (lang, line, error) => {
    const bare = run(['export', '--lang', lang]);
    expect(bare.code).toBe(2);
    expect(bare.stderr.trimEnd().split('\n')).toEqual([error]);
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
    for (const h of [home, other.home]) mkdirSync(join(h, 'sync'));
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
