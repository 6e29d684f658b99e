/**
 * Search data on disk: the per-deck derived words (cached under $AMGI_HOME/cache, keyed by the deck's
 * content hash) and the alias files (decks/aliases.json merged with $AMGI_HOME/aliases.json).
 * The cache is best-effort: an unreadable or stale entry is recomputed, a failed write is ignored.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedDeck } from '../core/deck/types.js';
import {
  DERIVED_VERSION,
  buildSearchIndex,
  mergeAliasTables,
  parseAliasFile,
  type AliasTable,
  type DeckDerived,
  type DerivedCache,
  type SearchIndex,
} from '../core/search/index.js';
import { amgiHome, bundledDecksDir } from './paths.js';

export function searchCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(amgiHome(env), 'cache');
}

function isDerived(v: unknown): v is DeckDerived {
  if (!v || typeof v !== 'object') return false;
  const d = v as Partial<DeckDerived>;
  return (
    d.version === DERIVED_VERSION &&
    typeof d.fingerprint === 'string' &&
    Array.isArray(d.words) &&
    typeof d.baseCount === 'number' &&
    Array.isArray(d.jamo) &&
    Array.isArray(d.cho) &&
    Array.isArray(d.postings) &&
    d.jamo.length === d.words.length &&
    d.cho.length === d.words.length &&
    d.postings.length === d.words.length
  );
}

/** A DerivedCache keeping one JSON file per deck content hash in `dir`. */
export function fileDerivedCache(dir: string): DerivedCache {
  const file = (key: string) => join(dir, `search-v${DERIVED_VERSION}-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}.json`);
  return {
    get(key) {
      try {
        const v: unknown = JSON.parse(readFileSync(file(key), 'utf8'));
        return isDerived(v) ? v : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        mkdirSync(dir, { recursive: true });
        // Written aside and renamed, so a reader never sees half a file.
        const tmp = `${file(key)}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(value));
        renameSync(tmp, file(key));
      } catch {
        // A read-only home only costs the next start a recomputation.
      }
    },
  };
}

export interface AliasLoad {
  table: AliasTable;
  /** Problems in an alias file, as `file: message` lines (the files are still used where valid). */
  problems: string[];
}

function readAliasFile(file: string, problems: string[]): AliasTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return []; // no such file: nothing to add
  }
  try {
    const r = parseAliasFile(JSON.parse(text));
    problems.push(...r.problems.map((p) => `${file}: ${p.message}`));
    return r.table;
  } catch (e) {
    problems.push(`${file}: ${(e as Error).message}`);
    return [];
  }
}

/** The bundled alias file merged with the user's. */
export function loadAliases(env: NodeJS.ProcessEnv = process.env): AliasLoad {
  const problems: string[] = [];
  const table = mergeAliasTables(readAliasFile(join(bundledDecksDir(), 'aliases.json'), problems), readAliasFile(join(amgiHome(env), 'aliases.json'), problems));
  return { table, problems };
}

/** The search index over `decks` with the alias files and the on-disk cache: what the CLI and the search screen use. */
export function loadSearchIndex(decks: LoadedDeck[], env: NodeJS.ProcessEnv = process.env): { index: SearchIndex; problems: string[] } {
  const { table, problems } = loadAliases(env);
  return { index: buildSearchIndex(decks, { aliases: table, cache: fileDerivedCache(searchCacheDir(env)) }), problems };
}
