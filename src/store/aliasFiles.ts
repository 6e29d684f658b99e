/**
 * The alias files: decks/aliases.json merged with $AMGI_HOME/aliases.json. Their own module so
 * the quiz judge can load them without the search index.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeAliasTables, parseAliasFile, type AliasTable } from '../core/search/aliases.js';
import { bundledDecksDir, userAliasesPath } from './paths.js';

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
  const table = mergeAliasTables(readAliasFile(join(bundledDecksDir(), 'aliases.json'), problems), readAliasFile(userAliasesPath(env), problems));
  return { table, problems };
}

