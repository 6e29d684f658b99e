/** The five study notes the bundled decks come from, imported as Markdown (not copied into the project). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { buildDeck } from '../../../src/core/import/deck.js';
import { parseMarkdown } from '../../../src/core/import/markdown.js';
import { slugifyDeckId } from '../../../src/core/import/ids.js';
import { parseDeckText } from '../../../src/core/deck/validate.js';
import { deckToJson } from '../../../src/core/export/json.js';

const SEEDS = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const DESIGN = fileURLToPath(new URL('../../../docs/DESIGN.md', import.meta.url));

/** Per seed (its number): cards (all basic), near misses, other text lines — docs/DESIGN.md's table. */
const EXPECTED: Record<string, [cards: number, skipped: number, other: number]> = {
  '000': [9, 0, 34],
  '001': [8, 0, 24],
  '002': [29, 1, 5],
  '003': [13, 0, 16],
  '004': [26, 0, 33],
};
const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

test('the five seed notes are there', () => {
  expect(files).toHaveLength(5);
});

test.each(files)('seed %s imports as Markdown into a valid deck with the cards docs/DESIGN.md quotes', (name) => {
  const parsed = parseMarkdown(readFileSync(SEEDS + name, 'utf8'));
  const id = slugifyDeckId(name.replace(/\.txt$/, ''));
  const { deck } = buildDeck(parsed, { id, title: parsed.title ?? id, description: 'seed' });
  const checked = parseDeckText(`${id}.json`, deckToJson(deck));
  expect(checked.problems).toEqual([]);
  expect(deck.language).toBe('ko');
  const [cards, skipped, other] = EXPECTED[name.slice(0, 3)]!;
  expect([deck.cards.length, parsed.skipped.length, parsed.ignoredLines.length]).toEqual([cards, skipped, other]);
  // The seeds use bold-term lists and headings over short lists, not `::` or cloze marks.
  expect(new Set(deck.cards.map((c) => c.type))).toEqual(new Set(['basic']));
});

test("docs/DESIGN.md's seed table is these numbers", () => {
  const rows = [...readFileSync(DESIGN, 'utf8').matchAll(/^\| (\d{3}) \| (\d+) \| (\d+) \| (\d+) \|$/gm)];
  expect(Object.fromEntries(rows.map((r) => [r[1], [Number(r[2]), Number(r[3]), Number(r[4])]]))).toEqual(EXPECTED);
});
