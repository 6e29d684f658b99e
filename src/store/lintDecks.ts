/**
 * What the deck linter needs from disk: each deck file's text (for line and column), the
 * alias groups (bundled + the user's) and, when given, the seed notes a card's `source` cites.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LoadedDeck } from '../core/deck/types.js';
import { lintDecks, seedSections, type LintWarning, type SeedSections } from '../core/deck/lint.js';
import { aliasKeys } from '../core/quiz/typedAnswer.js';
import { loadAliases } from './aliasFiles.js';

/** The sections of every `*.txt`/`*.md` note in `dir` (a missing folder has none). */
function readSeedSections(dir: string): SeedSections {
  const out: SeedSections = new Map();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.txt') || n.endsWith('.md'));
  } catch {
    return out;
  }
  for (const n of names) out.set(n, seedSections(readFileSync(join(dir, n), 'utf8')));
  return out;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch {
    return undefined; // the warning names the file without a line
  }
}

export function lintLoadedDecks(decks: readonly LoadedDeck[], opts: { env?: NodeJS.ProcessEnv; seedsDir?: string } = {}): LintWarning[] {
  const aliases = aliasKeys(loadAliases(opts.env).judge);
  const seeds = opts.seedsDir ? readSeedSections(opts.seedsDir) : undefined;
  return lintDecks(
    decks.map((d) => ({ file: d.file, deck: d.deck, text: readText(d.file) })),
    { aliases, seeds },
  );
}
