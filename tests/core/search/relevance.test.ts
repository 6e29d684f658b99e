/** Issue 4 §4: relevance over the SHIPPED decks, with the shipped alias file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildSearchIndex, parseAliasFile } from '../../../src/core/search/index.js';
import { answerText, frontText } from '../../../src/core/deck/cards.js';
import { loadAllDecks } from '../../../src/store/deckFiles.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
interface Case {
  q: string;
  kind: string;
  expect: string[];
  /** The card must be first, not only in the top 3: a query naming the card's concept. */
  first?: boolean;
}
const cases = (JSON.parse(readFileSync(join(ROOT, 'tests/core/search/relevance.json'), 'utf8')) as { queries: Case[] }).queries;

describe('relevance over the shipped decks', () => {
  const { decks } = loadAllDecks({ decksDir: join(ROOT, 'decks') });
  const file = parseAliasFile(JSON.parse(readFileSync(join(ROOT, 'decks/aliases.json'), 'utf8')));
  const aliases = [...file.table, ...file.searchOnly];
  const index = buildSearchIndex(decks, { aliases });

  test('the set is big enough and names real cards', () => {
    expect(cases.length).toBeGreaterThanOrEqual(110);
    const ids = new Set(decks.flatMap((d) => d.deck.cards.map((c) => c.id)));
    for (const c of cases) for (const id of c.expect) expect(ids.has(id), `${c.q}: unknown card ${id}`).toBe(true);
  });

  test('hit@3 = 100% and hit@1 = 100%', () => {
    const misses: string[] = [];
    const notFirst: string[] = [];
    for (const c of cases) {
      const top = index.search(c.q, { limit: 3 }).map((h) => h.card.id);
      if (!top.some((id) => c.expect.includes(id))) misses.push(`${c.kind} ${JSON.stringify(c.q)} → [${top.join(', ')}], expected one of [${c.expect.join(', ')}]`);
      if (!c.expect.includes(top[0] ?? '')) notFirst.push(`${c.kind} ${JSON.stringify(c.q)} → [${top.join(', ')}]`);
    }
    expect(misses, misses.join('\n')).toEqual([]);
    // Every query finds its card first today (hit@1 100%): one that stops doing so is named.
    expect(notFirst, notFirst.join('\n')).toEqual([]);
  });

  test('a card that holds the word, even with two particles (`쓰기 레이어에도`), ranks above cards only their deck title names', () => {
    const hits = index.search('레이어', { limit: 100 });
    // The word in its text, or its tag `layer` (the alias group's English term).
    const holds = (h: (typeof hits)[number]) => `${frontText(h.card)} ${answerText(h.card)}`.includes('레이어') || (h.card.tags ?? []).includes('layer');
    const tmpfs = hits.find((h) => h.card.id === 'dn-tmpfs-secret');
    expect(tmpfs?.matchKind).toBe('exact');
    const firstTitleOnly = hits.findIndex((h) => !holds(h));
    expect(firstTitleOnly).toBeGreaterThan(0);
    expect(hits.slice(firstTitleOnly).filter(holds).map((h) => h.card.id)).toEqual([]);
  });

  test('two English words that are one alias term (`bind mount`) beside another word find the Korean card holding all of them', () => {
    const ids = index.search('volume bind mount', { limit: 3 }).map((h) => h.card.id);
    expect(ids).toContain('dn-storage-interview');
  });

  test('a query that names a concept finds the card about it first', () => {
    const named = cases.filter((c) => c.first);
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) expect(index.search(c.q, { limit: 1 })[0]?.card.id, c.q).toBeOneOf(c.expect);
  });
});
