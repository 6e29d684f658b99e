import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { amgi, ROOT } from '../helpers/cli.js';
import { mini, useMiniDeckHome } from '../helpers/miniDeck.js';
import { appendEntries } from '../../src/store/log.js';
import type { AnswerEntry } from '../../src/core/schedule/types.js';

/** A fresh AMGI_HOME per test; its decks folder holds only the mini fixture deck. */
const fixture = useMiniDeckHome();

function answer(key: string, at: string, grade: 1 | 2 | 3 | 4): AnswerEntry {
  return { v: 1, id: `${at}-${key}`, at, op: 'answer', key, deck: mini.id, grade, ms: 1000, kind: 'review', reschedule: true };
}

describe('amgi status', () => {
  test('a fresh home: new cards, nothing due, streak 0', () => {
    const r = amgi(['status', '--decks', fixture.decks], { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-02T10:00:00+09:00', TZ: 'Asia/Seoul' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+ new · 0 learning · 0 due · streak 0$/);
  });

  test('the bundled decks, fresh: the whole collection (Home\'s "All decks" row), no deck named', () => {
    // The day's 20 new cards all come from the first deck: that deck is not the only one with work.
    const env = { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-02T10:00:00+09:00', TZ: 'Asia/Seoul' };
    const j = JSON.parse(amgi(['status', '--json'], env).stdout) as { decks: { id: string; new: number }[] };
    expect(j.decks.filter((d) => d.new > 0)).toHaveLength(1);
    const line = amgi(['status'], env).stdout.trim();
    expect(line).toBe('20 new · 0 learning · 0 due · streak 0');
    for (const d of j.decks) expect(line).not.toContain(d.id);
  });

  test('after two days of answers: due cards and the streak, also as JSON', () => {
    const keys = mini.cards.slice(0, 2).map((c) => c.id);
    appendEntries(fixture.home, [answer(keys[0]!, '2026-03-01T01:00:00.000Z', 3), answer(keys[1]!, '2026-03-01T01:00:10.000Z', 1), answer(keys[0]!, '2026-03-02T01:00:00.000Z', 3)]);
    const env = { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-02T12:00:00+09:00', TZ: 'Asia/Seoul' };
    const r = amgi(['status', '--decks', fixture.decks, '--json'], env);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.streak).toBe(2);
    expect(j.learning + j.due).toBeGreaterThanOrEqual(1); // the card answered Again yesterday is due
    expect(j.decks[0].id).toBe(mini.id);
    const line = amgi(['status', '--decks', fixture.decks], env).stdout.trim();
    expect(line).toBe(`${j.new} new · ${j.learning} learning · ${j.due} due · streak 2`);
  });

  test('--json: each deck\'s share of the shared all-decks limit, beside what it alone offers (Home\'s row)', () => {
    // The bundled decks: the all-decks new-card limit goes to the first decks, each deck alone has its own.
    const r = amgi(['status', '--json'], { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-02T10:00:00+09:00', TZ: 'Asia/Seoul' });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { new: number; decks: { new: number; newAvailable: number; due: number; dueAvailable: number }[] };
    expect(j.decks.length).toBeGreaterThan(2);
    expect(j.decks.reduce((n, d) => n + d.new, 0)).toBe(j.new);
    expect(j.new).toBe(20);
    for (const d of j.decks) {
      expect(d.newAvailable).toBeGreaterThan(0);
      expect(d.newAvailable).toBeGreaterThanOrEqual(d.new);
      expect(d.dueAvailable).toBeGreaterThanOrEqual(d.due);
    }
    // The walkthrough's "new: 0" decks: the shared limit is spent, but each has cards of its own to give.
    expect(j.decks.filter((d) => d.new === 0).length).toBeGreaterThan(0);
  });

  test('a corrupt state file: status still answers and says where the backup is', () => {
    appendEntries(fixture.home, [answer(mini.cards[0]!.id, '2026-03-01T01:00:00.000Z', 3)]);
    writeFileSync(join(fixture.home, 'state.bin'), '{nope\n');
    const r = amgi(['status', '--decks', fixture.decks], { AMGI_HOME: fixture.home, AMGI_NOW: '2026-03-01T12:00:00+09:00' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/streak 1/);
    expect(r.stderr).toMatch(/state\.bin\.corrupt-/);
    expect(readdirSync(fixture.home).some((f) => f.startsWith('state.bin.corrupt-'))).toBe(true);
  });

  test('status runs from the CLI bundle alone: no other module, no React or Ink', () => {
    const cli = readFileSync(join(ROOT, 'dist/amgi-main.js'), 'utf8');
    // Loaded at the start (`require("./x")`, `import{…}from"./x.mjs"`): none of the package's own files.
    expect([...cli.matchAll(/(?:from|import|require\()\s*"(\.[^"]*)"/g)].map((m) => m[1])).toEqual([]);
    expect(cli, 'Ink').not.toContain('Raw mode is not supported');
    expect(cli, 'React').not.toContain('react.transitional.element');
    // The other commands are files of their own, loaded when run.
    expect(cli).toContain('__amgiImport("./commands/interactive.mjs")');
    // The check can see Ink where it is.
    const chunks = join(ROOT, 'dist/chunks');
    const all = readdirSync(chunks).map((f) => readFileSync(join(chunks, f), 'utf8')).join('\n');
    expect(all).toContain('Raw mode is not supported');
  });
});
