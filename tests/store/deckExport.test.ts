/** store/deckExport.ts: decks and the review history exported as one call each. */
import { describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useMiniDeckHome } from '../helpers/miniDeck.js';
import { exportDecks, exportProgress, type DeckExportRequest } from '../../src/store/deckExport.js';
import type { DeckProblem } from '../../src/core/deck/validate.js';
import { formatProgress } from '../../src/core/sync/progressFile.js';

const ctx = useMiniDeckHome();
const now = () => new Date('2026-03-02T10:00:00Z');
const env = () => ({ AMGI_HOME: ctx.home });
const run = (req: Omit<DeckExportRequest, 'now' | 'decksDir'>) => exportDecks(env(), { decksDir: ctx.decks, now, ...req });

describe('exportDecks', () => {
  test('json: one deck to stdout as text, or to a file; several decks to a folder', async () => {
    const text = await run({ format: 'json' });
    expect(text).toMatchObject({ to: 'stdout', decks: 1, cards: 7 });
    if (text.to !== 'stdout') throw new Error(text.to);
    expect(JSON.parse(text.text).id).toBe('mini');
    const file = join(ctx.home, 'out.json');
    expect(await run({ format: 'json', out: file })).toMatchObject({ to: 'file', out: file, deckId: 'mini' });
    expect(JSON.parse(readFileSync(file, 'utf8')).cards).toHaveLength(7);
    writeFileSync(join(ctx.decks, 'two.json'), readFileSync(join(ctx.decks, 'mini.json'), 'utf8').replace('"id": "mini"', '"id": "two"').replaceAll('"mini-', '"two-'));
    await expect(run({ format: 'json' })).rejects.toMatchObject({ code: 'USAGE' });
    const dir = join(ctx.home, 'out');
    mkdirSync(dir);
    expect(await run({ format: 'json', out: dir })).toMatchObject({ to: 'dir', decks: 2, cards: 14 });
    expect(readdirSync(dir).sort()).toEqual(['mini.json', 'two.json']);
  });

  test('anki text for one deck named by --deck; an unknown deck is a usage error, after the load problems were told', async () => {
    const r = await run({ format: 'anki', deckId: 'mini' });
    expect(r).toMatchObject({ to: 'stdout', decks: 1 });
    writeFileSync(join(ctx.decks, 'broken.json'), '{');
    const told: DeckProblem[] = [];
    await expect(run({ format: 'anki', deckId: 'broken', onProblem: (p) => told.push(p) })).rejects.toMatchObject({ code: 'USAGE' });
    expect(told.map((p) => p.severity)).toEqual(['error']);
  });

  test("never over the store's own files", async () => {
    await expect(run({ format: 'json', out: join(ctx.home, 'settings.json') })).rejects.toThrow(/amgi/);
    await expect(run({ format: 'apkg', out: join(ctx.home, 'reviews.jsonl') })).rejects.toThrow(/amgi/);
    await expect(run({ format: 'apkg' })).rejects.toMatchObject({ code: 'USAGE' });
    expect(existsSync(join(ctx.home, 'settings.json'))).toBe(false);
  });

  test('apkg: notes and Anki cards counted; with progress, how many carry a schedule', async () => {
    const out = join(ctx.home, 'x.apkg');
    const r = await run({ format: 'apkg', out, withProgress: true });
    expect(r).toMatchObject({ to: 'apkg', out, decks: 1, scheduled: 0 });
    if (r.to !== 'apkg') throw new Error(r.to);
    expect(r.notes).toBeGreaterThan(0);
    expect(r.ankiCards).toBeGreaterThanOrEqual(r.notes);
    expect(existsSync(out)).toBe(true);
  });
});

describe('exportProgress', () => {
  test('the log as a progress file; its own log path is refused', () => {
    const entry = { v: 1, id: 'a', at: '2026-03-01T00:00:00.000Z', op: 'answer', key: 'mini-layer', deck: 'mini', grade: 3, ms: 1000, kind: 'review', reschedule: true } as const;
    writeFileSync(join(ctx.home, 'reviews.jsonl'), `${JSON.stringify(entry)}\n`);
    const out = join(ctx.home, 'p.progress');
    expect(exportProgress(env(), out)).toEqual({ entries: 1, problems: [] });
    expect(readFileSync(out, 'utf8')).toBe(formatProgress([entry]));
    expect(() => exportProgress(env(), join(ctx.home, 'reviews.jsonl'))).toThrow(/amgi/);
  });
});
