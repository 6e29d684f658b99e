import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { amgi } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';
import { askYesNo, lineRanges } from '../../src/cli/commands/import.js';
import { hashedDeckId } from '../../src/core/import/ids.js';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

const run = (...args: string[]) => amgi(args, { AMGI_HOME: home });
const deckFile = (id: string) => join(home, 'decks', `${id}.json`);
const readDeck = (id: string) => JSON.parse(readFileSync(deckFile(id), 'utf8'));
const nothingWritten = () => expect(existsSync(join(home, 'decks')) ? readdirSync(join(home, 'decks')) : []).toEqual([]);

describe('amgi import (Markdown)', () => {
  test('without a terminal and without --yes: preview, exit 1, nothing written', () => {
    const r = run('import', `${FIX}obsidian.md`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('6 cards: 3 basic, 2 reversible, 1 cloze');
    expect(r.stdout).toContain('[basic] 컨테이너 런타임  →  컨테이너를 생성하고 실행하는 소프트웨어');
    expect(r.stdout).toContain('line 33: "::" needs text on both sides');
    expect(r.stderr).toContain('pass --yes');
    nothingWritten();
  });

  test('--yes writes a normal deck that amgi validate accepts and amgi decks lists', () => {
    const r = run('import', `${FIX}obsidian.md`, '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote 6 cards to ${deckFile('obsidian')}`);
    const deck = readDeck('obsidian');
    expect(deck).toMatchObject({ id: 'obsidian', title: 'Docker flashcards', language: 'ko' });
    // Portable: the published schema, never this install's path (walkthrough F25).
    expect(deck.$schema).toBe('https://unpkg.com/amgi/decks/schema.json');
    expect(run('validate', deckFile('obsidian'))).toMatchObject({ code: 0 });
    expect(run('decks').stdout).toMatch(/obsidian\s+Docker flashcards\s+6 cards\s+user/);
  });

  test('a Korean file name gives a romanised deck id; a deck imported under the old hashed id keeps it', () => {
    const src = join(home, '도커 볼륨.md');
    writeFileSync(src, 'a::1\nb::2\n');
    const r = run('import', src, '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(readDeck('dokeo-bollyum').cards).toHaveLength(2);
    // Imported before romanisation: the same file updates that deck (its card ids, its progress).
    const legacy = join(home, '볼륨.md');
    writeFileSync(legacy, 'a::1\n');
    const old = hashedDeckId('볼륨');
    expect(run('import', legacy, '--deck', old, '--yes').code).toBe(0);
    writeFileSync(legacy, 'a::1\nc::3\n');
    expect(run('import', legacy, '--yes').stdout).toContain('1 added, 0 changed, 0 removed, 1 unchanged');
    expect(readDeck(old).cards).toHaveLength(2);
    expect(existsSync(deckFile('bollyum'))).toBe(false);
  });

  test('a reworded question keeps its old id (and progress) when its answer matches a removed card', () => {
    const src = join(home, 'net.md');
    writeFileSync(src, '호스트 네트워크란?::컨테이너가 호스트의 네트워크를 그대로 쓴다\nb::2\n');
    expect(run('import', src, '--yes').code).toBe(0);
    const ids = readDeck('net').cards.map((c: { id: string }) => c.id);
    writeFileSync(src, 'host 네트워크란?::컨테이너가 호스트의 네트워크를 그대로 쓴다\nb::2\n');
    // Without a terminal: shown in the preview, nothing written.
    const preview = run('import', src);
    expect(preview.code).toBe(1);
    expect(preview.stdout).toContain('looks renamed: 호스트 네트워크란? → host 네트워크란?');
    const r = run('import', src, '--yes');
    expect(r.stdout).toContain('progress kept for 1 reworded card');
    const after = readDeck('net').cards;
    expect(after.map((c: { id: string }) => c.id)).toEqual(ids);
    expect(after[0].front).toBe('host 네트워크란?');
    // The next import of the same file asks nothing again: the old id is simply kept.
    const again = run('import', src, '--yes');
    expect(again.stdout).toContain('0 added, 0 changed, 0 removed, 2 unchanged');
    expect(again.stdout).not.toContain('looks renamed');
    expect(readDeck('net').cards.map((c: { id: string }) => c.id)).toEqual(ids);
  });

  test('re-importing an edited file keeps unchanged ids and reports added, changed, removed', () => {
    const src = join(home, 'notes.md');
    writeFileSync(src, 'a::1\nb::2\nc::3\n');
    expect(run('import', src, '--deck', 'my-notes', '--yes').code).toBe(0);
    const before = readDeck('my-notes').cards;
    writeFileSync(src, 'A::1\nb::two\nd::4\n');
    const r = run('import', src, '--deck', 'my-notes', '--yes');
    expect(r.stdout).toContain('Compared with the installed deck: 1 added, 2 changed, 1 removed, 0 unchanged');
    expect(r.stdout).toMatch(/\+ d\n/);
    expect(r.stdout).toMatch(/- c\n/);
    const after = readDeck('my-notes').cards;
    expect(after.slice(0, 2).map((c: { id: string }) => c.id)).toEqual(before.slice(0, 2).map((c: { id: string }) => c.id));
  });

  test('the five seed notes import through the CLI', () => {
    for (const name of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      const r = run('import', SEEDS + name, '--yes');
      expect(r.code, r.stderr).toBe(0);
      const n = Number(/wrote (\d+) cards/.exec(r.stdout)?.[1]);
      expect(n).toBeGreaterThan(0);
    }
    expect(run('validate', join(home, 'decks')).stdout).toContain('all decks valid');
  });
});

describe('a deck file that already has the id (F13)', () => {
  const handmade = {
    id: 'notes',
    title: 'My handmade deck',
    description: 'written by hand, with notes and aliases',
    language: 'ko',
    cards: [{ id: 'h1', type: 'basic', front: '손으로 쓴 질문', back: '답', aliases: ['대답'], note: '내 메모' }],
  };
  const backups = () => readdirSync(join(home, 'decks')).filter((f) => f.includes('.before-import-'));

  test('a hand-written deck in another file is kept as a backup, and a line says where', () => {
    mkdirSync(join(home, 'decks'));
    const file = join(home, 'decks', 'my-handmade.json');
    const original = `${JSON.stringify(handmade, null, 2)}\n`;
    writeFileSync(file, original);
    const src = join(home, 'notes.md');
    writeFileSync(src, 'q::a\n');
    const r = run('import', src, '--yes');
    expect(r.code, r.stderr).toBe(0);
    const [backup] = backups();
    expect(backup).toMatch(/^my-handmade\.json\.before-import-\d{8}T\d{6}Z$/);
    expect(r.stderr.trim()).toBe(`amgi: ${file} holds a deck with this id, which the import replaces; the file is kept as ${join(home, 'decks', backup!)}`);
    expect(readFileSync(join(home, 'decks', backup!), 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(file, 'utf8')).cards).toHaveLength(1);
    // The backup is not a deck: the deck list has the import only.
    expect(run('validate').stdout).toContain('all decks valid');
  });

  test('re-importing over its own <id>.json is the update the preview showed: no backup piles up', () => {
    const src = join(home, 'notes.md');
    writeFileSync(src, 'q::a\n');
    expect(run('import', src, '--yes').code).toBe(0);
    writeFileSync(src, 'q::a\nq2::b\n');
    const again = run('import', src, '--yes');
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('1 added');
    expect(backups()).toEqual([]);
  });
});

describe('amgi import (Anki)', () => {
  test('detected from the header; HTML becomes text; tags kept', () => {
    const r = run('import', `${FIX}anki-basic.txt`, '--deck', 'anki', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Anki import');
    const cards = readDeck('anki').cards;
    expect(cards[0]).toMatchObject({ type: 'basic', front: '컨테이너란?', back: '호스트 커널을 공유하는 격리된 프로세스', tags: ['docker', 'basics'] });
  });

  test('--format anki on a file without header', () => {
    const src = join(home, 'plain.txt');
    writeFileSync(src, 'q1\ta1\nq2\ta2\n');
    expect(run('import', src, '--format', 'anki', '--yes').code).toBe(0);
    expect(readDeck('plain').cards.map((c: { back: string }) => c.back)).toEqual(['a1', 'a2']);
  });
});

describe('bad input: a clear error, exit 1, nothing written', () => {
  test.each([
    ['empty.md', Buffer.alloc(0), 'empty.md: file is empty'],
    ['binary.md', Buffer.from('# x\n\u0000\u0001'), 'binary.md:2:1: binary file'],
    ['latin1.md', Buffer.from([0x61, 0x3a, 0x3a, 0x0a, 0x62, 0xe9, 0x0a]), 'latin1.md:2:2: invalid UTF-8'],
    ['prose.md', Buffer.from('# Notes\n\nJust a sentence.\n'), 'no cards found in this Markdown file'],
    ['ragged.txt', readFileSync(`${FIX}anki-ragged.txt`), 'ragged.txt:4:1: line 4 has 2 column(s) but line 3 has 3'],
  ])('%s', (name, bytes, message) => {
    const src = join(home, name);
    writeFileSync(src, bytes);
    const r = run('import', src, '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    nothingWritten();
  });

  test('a file over 50 MB is refused before it is read', () => {
    const src = join(home, 'huge.md');
    writeFileSync(src, '');
    truncateSync(src, 51 * 1024 * 1024); // sparse: costs no disk
    const r = run('import', src, '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('file is 51.0 MB; imports are limited to 50 MB');
    nothingWritten();
  });

  test('usage errors exit 2', () => {
    expect(run('import').code).toBe(2);
    expect(run('import', `${FIX}obsidian.md`, '--deck', 'Bad Id!').code).toBe(2);
    expect(run('import', `${FIX}obsidian.md`, '--format', 'docx').code).toBe(2);
    expect(run('import', `${FIX}missing.md`).stderr).toContain('missing.md: cannot read: no such file');
    mkdirSync(join(home, 'dir.md'));
    expect(run('import', join(home, 'dir.md')).code).toBe(1);
  });
});

describe('helpers', () => {
  test('askYesNo takes y / yes / 예 and refuses anything else', async () => {
    const ask = async (answer: string) => {
      const input = new PassThrough();
      const output = new PassThrough();
      const p = askYesNo('Write? [y/N] ', input, output);
      input.end(`${answer}\n`);
      return p;
    };
    expect(await ask('y')).toBe(true);
    expect(await ask('YES')).toBe(true);
    expect(await ask('예')).toBe(true);
    expect(await ask('')).toBe(false);
    expect(await ask('n')).toBe(false);
    // A [Y/n] question ("keep progress?"): Enter is yes, n is still no.
    const askY = async (answer: string) => {
      const input = new PassThrough();
      const p = askYesNo('Keep? [Y/n] ', input, new PassThrough(), true);
      input.end(`${answer}\n`);
      return p;
    };
    expect(await askY('')).toBe(true);
    expect(await askY('n')).toBe(false);
  });

  test('lineRanges compresses runs', () => {
    expect(lineRanges([1, 2, 3, 5, 7, 8], 10)).toBe('1–3, 5, 7–8');
    expect(lineRanges([1, 3, 5, 7], 2)).toBe('1, 3, …');
  });
});

describe('amgi import: the wrong kind of file for the flag', () => {
  test('a progress export without --progress: one line naming the command, exit 2, both languages', () => {
    const prog = join(home, 'prog.json');
    writeFileSync(prog, `{"amgi":"progress","version":1,"entries":0}\n${'{"id":"x"}\n'.repeat(8)}`);
    const r = run('import', prog);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`amgi: ${prog} is a progress export, not notes: run \`amgi import --progress ${prog}\``]);
    const ko = run('import', prog, '--lang', 'ko');
    expect(ko.code).toBe(2);
    expect(ko.stderr).toContain(`\`amgi import --progress ${prog}\`로 가져오세요`);
    nothingWritten();
  });

  test('notes or an Anki text export with --progress: run it without --progress, exit 2', () => {
    for (const name of ['notes.md', 'cards.tsv']) {
      const f = join(home, name);
      writeFileSync(f, 'a::1\n');
      const r = run('import', '--progress', f);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`amgi: ${f} is notes, not a progress export: run \`amgi import ${f}\` (without --progress)`);
      expect(run('import', '--progress', f, '--lang', 'ko').stderr).toContain('--progress 없이');
    }
  });
});
