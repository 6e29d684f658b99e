/** store/deckImport.ts: the whole notes import as one call; the caller only shows and answers. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { importDecks, NoCardsError, planDeckImports, type DeckImportAsk, type DeckImportPlan, type DeckImportRequest } from '../../src/store/deckImport.js';
import type { Rename } from '../../src/core/import/deckDiff.js';
import type { Deck } from '../../src/core/deck/types.js';
import { buildCollection } from '../../src/core/export/apkg.js';
import { writeApkg } from '../../src/store/ankiPackage.js';

/** A notes file makes one deck: its plan and its result. */
const importDeck = async (e: NodeJS.ProcessEnv, req: DeckImportRequest, ask: DeckImportAsk) => (await importDecks(e, req, ask))[0]!;
const planDeckImport = async (e: NodeJS.ProcessEnv, req: DeckImportRequest) => (await planDeckImports(e, req))[0]!;

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

const env = () => ({ AMGI_HOME: home });
const NOW = new Date('2026-03-02T10:00:00Z');
const notes = (name: string, text: string) => {
  const file = join(home, name);
  writeFileSync(file, text);
  return file;
};
const deckFile = (id: string) => join(home, 'decks', `${id}.json`);
const readDeck = (id: string) => JSON.parse(readFileSync(deckFile(id), 'utf8')) as { id: string; cards: { id: string; front: string }[] };

/** Answers every question with `yes` and keeps what it was shown. */
function answering(yes: { preview?: boolean; rename?: boolean; write?: boolean } = {}) {
  const seen = { plans: [] as DeckImportPlan[], renames: [] as Rename[], writes: [] as [number, string, number][] };
  const ask: DeckImportAsk = {
    preview: (p) => {
      seen.plans.push(p);
      return yes.preview ?? true;
    },
    keepRename: (r) => {
      seen.renames.push(r);
      return yes.rename ?? true;
    },
    write: (n, target, kept) => {
      seen.writes.push([n, target, kept]);
      return yes.write ?? true;
    },
  };
  return { ask, seen };
}

describe('importDeck', () => {
  test('a hand-written file named like the new deck but holding another deck is left as it is: the new deck goes to <id>-2.json', async () => {
    mkdirSync(join(home, 'decks'), { recursive: true });
    const mine = JSON.stringify({ id: 'mine', title: 'Mine', language: 'ko', cards: [{ id: 'm1', type: 'basic', front: 'q', back: 'a' }] });
    writeFileSync(deckFile('net'), mine);
    const { ask } = answering();
    const r = await importDeck(env(), { file: notes('net.md', 'a::1\nb::2\n'), now: NOW }, ask);
    expect(r).toMatchObject({ written: true, target: deckFile('net-2') });
    expect(readFileSync(deckFile('net'), 'utf8')).toBe(mine);
    expect(readDeck('net-2').id).toBe('net');
    // Imported again: the deck with that id is updated where it lives, nothing else is made.
    const again = await importDeck(env(), { file: notes('net.md', 'a::1\nb::2\nc::3\n'), now: NOW }, ask);
    expect(again).toMatchObject({ written: true, target: deckFile('net-2'), cards: 3 });
    expect(existsSync(deckFile('net-3'))).toBe(false);
    expect(readFileSync(deckFile('net'), 'utf8')).toBe(mine);
  });

  test('plan shown, then written: the deck file and what the preview said agree', async () => {
    const { ask, seen } = answering();
    const r = await importDeck(env(), { file: notes('net.md', 'a::1\nb::2\nbad line ::\n'), now: NOW }, ask);
    expect(r).toMatchObject({ written: true, cards: 2, target: deckFile('net'), renamesKept: 0 });
    expect(seen.plans).toHaveLength(1);
    expect(seen.plans[0]).toMatchObject({ format: 'md', reimport: false, target: deckFile('net') });
    expect(seen.plans[0]!.deck.cards.map((c) => c.id)).toEqual(readDeck('net').cards.map((c) => c.id));
    expect(seen.writes).toEqual([[2, deckFile('net'), 0]]);
  });

  test.each([['preview'], ['write']] as const)('declined at %s: nothing written, nothing asked after', async (step) => {
    const { ask, seen } = answering({ [step]: false });
    const r = await importDeck(env(), { file: notes('net.md', 'a::1\n'), now: NOW }, ask);
    expect(r.written).toBe(false);
    expect(existsSync(join(home, 'decks'))).toBe(false);
    expect(seen.writes).toHaveLength(step === 'preview' ? 0 : 1);
  });

  test('a reworded question is offered as a rename; kept, the card keeps its id', async () => {
    const file = notes('net.md', '호스트 네트워크란?::호스트의 네트워크를 그대로 쓴다\nb::2\n');
    await importDeck(env(), { file, now: NOW }, answering().ask);
    const before = readDeck('net').cards.map((c) => c.id);
    writeFileSync(file, 'host 네트워크란?::호스트의 네트워크를 그대로 쓴다\nb::2\n');
    const { ask, seen } = answering();
    const r = await importDeck(env(), { file, now: NOW }, ask);
    expect(seen.renames.map((x) => [x.from.id, x.to.id === before[0]])).toEqual([[before[0], false]]);
    expect(r).toMatchObject({ written: true, renamesKept: 1 });
    expect(readDeck('net').cards.map((c) => c.id)).toEqual(before);
    expect(readDeck('net').cards[0]!.front).toBe('host 네트워크란?');
  });

  test('declining a rename gives the reworded card a new id', async () => {
    const file = notes('net.md', '호스트 네트워크란?::호스트의 네트워크를 그대로 쓴다\n');
    await importDeck(env(), { file, now: NOW }, answering().ask);
    const [before] = readDeck('net').cards.map((c) => c.id);
    writeFileSync(file, 'host 네트워크란?::호스트의 네트워크를 그대로 쓴다\n');
    const r = await importDeck(env(), { file, now: NOW }, answering({ rename: false }).ask);
    expect(r).toMatchObject({ written: true, renamesKept: 0 });
    expect(readDeck('net').cards[0]!.id).not.toBe(before);
  });

  test('a hand-written deck file that declares the id is replaced, and a copy kept beside it first', async () => {
    mkdirSync(join(home, 'decks'));
    const mine = join(home, 'decks', 'mine.json');
    const original = readFileSync(join(import.meta.dirname, '../fixtures/decks/good/mini.json'), 'utf8').replace('"../../../../decks/schema.json"', '"https://unpkg.com/amgi/decks/schema.json"');
    writeFileSync(mine, original);
    const r = await importDeck(env(), { file: notes('x.md', 'a::1\n'), deckId: 'mini', now: NOW }, answering().ask);
    expect(r).toMatchObject({ written: true, target: mine });
    if (!r.written) throw new Error('not written');
    expect(r.backup).toMatch(/mine\.json\.before-import-/);
    expect(readFileSync(r.backup!, 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(mine, 'utf8')).cards).toHaveLength(1);
    // Re-importing over the import's own <id>.json is the update the diff showed: no copy.
    const again = await importDeck(env(), { file: notes('net.md', 'a::1\n'), now: NOW }, answering().ask);
    const twice = await importDeck(env(), { file: notes('net.md', 'a::1\nb::2\n'), now: NOW }, answering().ask);
    expect([again, twice].map((x) => 'backup' in x)).toEqual([false, false]);
  });

  test('notes without a card: NoCardsError with the skipped lines, before any question', async () => {
    const { ask, seen } = answering();
    const e = await importDeck(env(), { file: notes('empty.md', 'just prose\nbad ::\n'), now: NOW }, ask).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoCardsError);
    expect((e as NoCardsError).skipped.map((s) => s.line)).toEqual([2]);
    expect(seen.plans).toHaveLength(0);
  });

  test('a bundled deck id and a bad --deck id are usage errors, raised at planning', async () => {
    const file = notes('x.md', 'a::1\n');
    await expect(planDeckImport(env(), { file, deckId: 'Bad Id', now: NOW })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(planDeckImport(env(), { file, deckId: 'registry', now: NOW })).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('an Anki package of several decks', () => {
  const deck = (id: string, title: string, front: string): Deck => ({ id, title, description: title, language: 'en', cards: [{ id: `${id}-1`, type: 'basic', front, back: 'answer' }] });

  test('a choice card amgi exported comes back with its right option as the answer, not the list of options', async () => {
    const file = join(home, 'choice.apkg');
    const quiz: Deck = { id: 'q', title: 'Quiz', description: 'Quiz', language: 'en', cards: [{ id: 'q-1', type: 'choice', front: '143 means?', answer: 'SIGTERM', distractors: ['SIGKILL', 'SIGINT'] }] };
    await writeApkg(file, buildCollection([quiz], NOW.getTime()));
    const plan = (await planDeckImports(env(), { file, now: NOW }))[0]!;
    expect(plan.deck.cards).toMatchObject([{ type: 'basic', front: '143 means?', back: 'SIGTERM' }]);
  });

  test('a write that fails part-way (the second of three decks): the deck written before it was told, the error is raised', async () => {
    const file = join(home, 'three.apkg');
    await writeApkg(file, buildCollection([deck('a', 'alpha', 'one'), deck('b', 'beta', 'two'), deck('c', 'gamma', 'three')], NOW.getTime()));
    const { ask, seen } = answering();
    const told: string[] = [];
    ask.written = (r) => {
      told.push(r.target);
      // The next deck's file cannot be written: a folder with something in it stands there now.
      const next = seen.plans[told.length]?.target;
      if (next && told.length === 1) {
        mkdirSync(next);
        writeFileSync(join(next, 'x'), '');
      }
    };
    await expect(importDecks(env(), { file, now: NOW }, ask)).rejects.toThrow();
    expect(told).toEqual([seen.plans[0]!.target]);
    expect(readDeck('alpha').cards).toHaveLength(1);
  });

  test('two decks of one package never go to the same file, even when a hand-written file moves the first one aside', async () => {
    mkdirSync(join(home, 'decks'), { recursive: true });
    const mine = JSON.stringify({ id: 'mine', title: 'Mine', language: 'ko', cards: [{ id: 'm1', type: 'basic', front: 'q', back: 'a' }] });
    writeFileSync(deckFile('alpha'), mine);
    const file = join(home, 'two.apkg');
    await writeApkg(file, buildCollection([deck('a', 'alpha', 'one'), deck('b', 'alpha-2', 'two')], NOW.getTime()));
    const { ask } = answering();
    const results = await importDecks(env(), { file, now: NOW }, ask);
    const targets = results.map((r) => (r.written ? r.target : ''));
    expect(new Set(targets).size).toBe(2);
    expect(targets.map((t) => JSON.parse(readFileSync(t, 'utf8')).cards[0].front).sort()).toEqual(['one', 'two']);
    expect(readFileSync(deckFile('alpha'), 'utf8')).toBe(mine);
  });

  test('one deck each: names that romanise alike and a bundled deck\'s id get a suffix; one question for all', async () => {
    const file = join(home, 'three.apkg');
    await writeApkg(file, buildCollection([deck('a', 'Docker', 'one'), deck('b', 'docker', 'two'), deck('c', 'images', 'three')], NOW.getTime()));
    const { ask, seen } = answering();
    const results = await importDecks(env(), { file, now: NOW }, ask);
    expect(seen.plans.map((p) => [p.deck.id, p.deck.title])).toEqual([['docker', 'Docker'], ['docker-2', 'docker'], ['images-2', 'images']]);
    expect(seen.writes).toEqual([[3, join(home, 'decks'), 0]]);
    expect(results.map((r) => r.written && readDeck(r.plan.deck.id).cards.length)).toEqual([1, 1, 1]);
  });
});
