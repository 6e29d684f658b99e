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
const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

test('the five seed notes are there', () => {
  expect(files).toHaveLength(5);
});

test.each(files)('seed %s imports as Markdown into a valid deck with cards', (name) => {
  const parsed = parseMarkdown(readFileSync(SEEDS + name, 'utf8'));
  const id = slugifyDeckId(name.replace(/\.txt$/, ''));
  const { deck } = buildDeck(parsed, { id, title: parsed.title ?? id, description: 'seed' });
  const checked = parseDeckText(`${id}.json`, deckToJson(deck));
  expect(checked.problems).toEqual([]);
  expect(deck.cards.length).toBeGreaterThan(0);
  expect(deck.language).toBe('ko');
  const byType: Record<string, number> = {};
  for (const c of deck.cards) byType[c.type] = (byType[c.type] ?? 0) + 1;
  console.log(`${name}: ${deck.cards.length} cards ${JSON.stringify(byType)}, ${parsed.skipped.length} skipped, ${parsed.ignoredLines.length} other lines`);
});
