/**
 * The bundled decks pass the deck linter (`amgi validate --strict`) with no warnings: the alias
 * groups and the seed notes the cards cite are applied as the CLI applies them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/deck/validate.js';
import { deckFilesIn, loadDeckFiles } from '../../src/store/deckFiles.js';
import { lintLoadedDecks } from '../../src/store/lintDecks.js';
import { tmpHome } from '../helpers/tmpHome.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEEDS = join(ROOT, '..', 'shared', 'seeds');

describe('amgi validate --strict on the bundled decks', () => {
  it('finds no lint warnings', () => {
    expect(existsSync(SEEDS), `seed notes expected at ${SEEDS}`).toBe(true);
    const set = loadDeckFiles(deckFilesIn(join(ROOT, 'decks')).map((file) => ({ file, origin: 'bundled' as const })));
    expect(set.decks).toHaveLength(deckFilesIn(join(ROOT, 'decks')).length);
    expect(set.decks.length).toBeGreaterThanOrEqual(11);
    // A fresh home: the user's alias file must not change the verdict.
    const home = tmpHome();
    try {
      const warnings = lintLoadedDecks(set.decks, { env: { AMGI_HOME: home.home }, seedsDir: SEEDS });
      expect(warnings.map(formatProblem)).toEqual([]);
    } finally {
      home.cleanup();
    }
  });
});
