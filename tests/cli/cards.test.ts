/** `amgi cards`, `suspend`, `unsuspend`, `forget`: a temporary AMGI_HOME with the mini deck. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { amgi, ROOT } from '../helpers/cli.js';
import { displayWidth } from '../../src/core/text/width.js';
import { mini, useMiniDeckHome } from '../helpers/miniDeck.js';
import { appendEntries } from '../../src/store/log.js';
import type { AnswerEntry } from '../../src/core/schedule/types.js';

const fixture = useMiniDeckHome();
/**
 * Each run a minute after the one before: AMGI_NOW fixes the clock of every process at the same
 * instant, and two flags on one card at one instant would have no order but their random ids.
 */
let minute = 0;
const run = (args: string[]) => amgi([...args, '--decks', fixture.decks], { AMGI_HOME: fixture.home, AMGI_NOW: new Date(Date.parse('2026-03-10T10:00:00+09:00') + ++minute * 60_000).toISOString(), TZ: 'Asia/Seoul' });

function answer(key: string, at: string, grade: 1 | 2 | 3 | 4): AnswerEntry {
  return { v: 1, id: `${at}-${key}`, at, op: 'answer', key, deck: mini.id, grade, ms: 1000, kind: 'review', reschedule: true };
}

describe('amgi cards', () => {
  test('one line per study item: id, deck, state, due, interval, recall, lapses; --due and --json', () => {
    // Answered Good a week ago: a review card due by now.
    appendEntries(fixture.home, [answer('mini-layer', '2026-03-01T01:00:00.000Z', 3), answer('mini-layer', '2026-03-01T01:10:00.000Z', 3)]);
    const r = run(['cards']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    // The reversible card is two items.
    expect(lines).toHaveLength(mini.cards.length + 2);
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['id', 'deck', 'state', 'due', 'interval', 'recall', 'lapses']);
    const layer = lines.find((l) => l.startsWith('mini-layer '))!.split(/\s{2,}/);
    expect(layer[1]).toBe('mini');
    expect(layer[2]).toBe('review');
    expect(layer[3]).toMatch(/^2026-03-\d\d \d\d:\d\d$/);
    expect(layer[4]).toMatch(/^\d+d$/);
    expect(layer[5]).toMatch(/^\d+%$/);
    expect(layer[6]).toBe('0');
    expect(lines.find((l) => l.startsWith('mini-cloze '))).toMatch(/mini-cloze\s+mini\s+new\s+-\s+0d\s+-\s+0$/);
    const due = run(['cards', '--due']);
    expect(due.stdout.trim().split('\n').map((l) => l.split(' ')[0])).toEqual(['id', 'mini-layer']);
    const j = JSON.parse(run(['cards', '--json', '--tag', 'image']).stdout);
    expect(j).toHaveLength(1);
    expect(j[0]).toMatchObject({ key: 'mini-layer', deckId: 'mini', state: 'review', lapses: 0, suspended: false, dueToday: true });
    expect(typeof j[0].stability).toBe('number');
    expect(j[0].due).toMatch(/^2026-03-\d\dT/);
  });

  test('a header names the columns, aligned by display width in Korean too; no header when nothing matches', () => {
    run(['suspend', 'mini-typed']);
    const ko = run(['cards', '--lang', 'ko']).stdout.trimEnd().split('\n');
    expect(ko[0]!.split(/\s{2,}/)).toEqual(['ID', '덱', '상태', '다음 복습', '간격', '기억률', '잊음']);
    const typed = ko.find((l) => l.startsWith('mini-typed '))!;
    expect(typed.split(/\s{2,}/).slice(2, 3)).toEqual(['새 카드, 보류']);
    // Every column starts at the same display column on every line (Hangul is two columns wide).
    const starts = (l: string) => [...l.matchAll(/(?:^|\s{2,})(\S)/g)].map((m) => displayWidth(l.slice(0, m.index! + m[0].length - 1)));
    for (const l of ko.filter((l) => / -\s+0일/.test(l) || l === typed)) expect(starts(l)).toEqual(starts(ko[0]!));
    const none = run(['cards', '--leech']);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('no cards match');
  });

  test('an unknown --deck or --tag is a usage error that names what exists', () => {
    const d = run(['cards', '--deck', 'nope']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('no deck "nope" (decks: mini)');
    expect(run(['cards', '--deck', 'mni']).stderr).toContain('no deck "mni"; did you mean "mini"? (decks: mini)');
    const t = run(['cards', '--tag', 'nope']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('tags: image');
  });
});

describe('amgi suspend / unsuspend / forget', () => {
  test('suspend says how to bring the card back; --suspended lists it; unsuspend brings it back', () => {
    const s = run(['suspend', 'mini-typed']);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('amgi unsuspend mini-typed');
    expect(run(['cards', '--suspended']).stdout.trim()).toMatch(/^mini-typed\s+mini\s+new, suspended/m);
    const u = run(['unsuspend', 'mini-typed']);
    expect(u.code).toBe(0);
    expect(run(['cards', '--suspended']).stdout.trim()).toBe('');
    // Both entries are in the log, durable.
    const ops = readFileSync(join(fixture.home, 'reviews.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).op);
    expect(ops).toEqual(['suspend', 'unsuspend']);
  });

  test('a card id names both directions of a reversible card; ID~rev one', () => {
    expect(run(['suspend', 'mini-runtime~rev']).stdout.trim().split('\n')).toHaveLength(1);
    expect(run(['suspend', 'mini-runtime']).stdout.trim().split('\n')).toHaveLength(2);
  });

  test('an unknown id: exit 2 naming it, and nothing is written (not even the known ones)', () => {
    const r = run(['unsuspend', 'mini-typed', 'nope-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no card "nope-1"');
    expect(run(['cards', '--suspended']).stdout.trim()).toBe('');
    expect(() => readFileSync(join(fixture.home, 'reviews.jsonl'), 'utf8')).toThrow();
  });

  test('unsuspend on a card that is not suspended says so in one line, exit 0, and writes nothing', () => {
    for (const [lang, line] of [
      ['en', 'mini-typed is not suspended: nothing to do'],
      ['ko', 'mini-typed은(는) 보류된 카드가 아닙니다: 바꿀 것이 없습니다'],
    ] as const) {
      const r = run(['unsuspend', 'mini-typed', '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${line}\n`);
      expect(r.stderr).toBe('');
    }
    // A reversible card not suspended in either direction: one line for the id.
    expect(run(['unsuspend', 'mini-runtime']).stdout).toBe('mini-runtime is not suspended: nothing to do\n');
    expect(() => readFileSync(join(fixture.home, 'reviews.jsonl'), 'utf8')).toThrow();
    // One direction suspended: that one is brought back, and only it is written.
    run(['suspend', 'mini-runtime~rev']);
    expect(run(['unsuspend', 'mini-runtime']).stdout.trim()).toBe('unsuspended mini-runtime~rev: it comes back in reviews when due');
    const ops = readFileSync(join(fixture.home, 'reviews.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).op);
    expect(ops).toEqual(['suspend', 'unsuspend']);
  });

  test('a mistyped id: exit 2, and the closest known id is suggested in both languages', () => {
    const en = run(['unsuspend', 'mini-typd']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('no card "mini-typd"; did you mean "mini-typed"?');
    const ko = run(['unsuspend', 'mini-typd', '--lang', 'ko']);
    expect(ko.code).toBe(2);
    expect(ko.stderr).toContain('"mini-typd" 카드가 없습니다 — "mini-typed"을(를) 말씀하셨나요?');
    // Nothing close: no guess.
    expect(run(['suspend', 'zzzz-nothing']).stderr).not.toContain('did you mean');
  });

  test('forget needs --yes; with it the card is new again', () => {
    appendEntries(fixture.home, [answer('mini-layer', '2026-03-01T01:00:00.000Z', 4)]);
    const no = run(['forget', 'mini-layer']);
    expect(no.code).toBe(2);
    expect(no.stderr).toContain('--yes');
    expect(run(['cards', '--tag', 'image']).stdout).toMatch(/mini-layer\s+mini\s+review/);
    const yes = run(['forget', 'mini-layer', '--yes']);
    expect(yes.code).toBe(0);
    expect(run(['cards', '--tag', 'image']).stdout).toMatch(/mini-layer\s+mini\s+new\s+-/);
  });

  test('the commands are listed in the help and never load Ink', () => {
    expect(amgi(['--help']).stdout).toMatch(/unsuspend\s+bring suspended cards/);
    const h = run(['cards', '--help']);
    expect(h.stdout).toContain('--suspended');
    // What the built commands import statically (dynamic imports load only when called).
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+\.mjs)"/g)) walk(join(dirname(file), m[1]!));
    };
    for (const c of ['cards', 'flag']) walk(join(ROOT, 'dist', 'commands', `${c}.mjs`));
    expect(seen.size).toBeGreaterThan(2);
    for (const f of seen) expect(readFileSync(f, 'utf8'), f).not.toContain('Raw mode is not supported');
  });
});
