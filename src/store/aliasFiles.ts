/**
 * The alias files: decks/aliases.json merged with $AMGI_HOME/aliases.json. Their own module so
 * the quiz judge can load them without the search index.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeAliasTables, parseAliasFile, type AliasTable } from '../core/search/aliases.js';
import { bundledDecksDir, userAliasesPath } from './paths.js';

export interface AliasLoad {
  /** Every group, search-only ones included: what search expands a query with. */
  table: AliasTable;
  /** The groups that are one answer, for the typed-answer judge. */
  judge: AliasTable;
  /** Problems in an alias file, as `file: message` lines (the files are still used where valid). */
  problems: string[];
}

function readAliasFile(file: string, problems: string[]): { table: AliasTable; searchOnly: AliasTable } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { table: [], searchOnly: [] }; // no such file: nothing to add
  }
  try {
    const r = parseAliasFile(JSON.parse(text));
    problems.push(...r.problems.map((p) => `${file}: ${p.message}`));
    return r;
  } catch (e) {
    problems.push(`${file}: ${(e as Error).message}`);
    return { table: [], searchOnly: [] };
  }
}

/** The bundled alias file merged with the user's. */
export function loadAliases(env: NodeJS.ProcessEnv = process.env): AliasLoad {
  const problems: string[] = [];
  const files = [readAliasFile(join(bundledDecksDir(), 'aliases.json'), problems), readAliasFile(userAliasesPath(env), problems)];
  const judge = mergeAliasTables(...files.map((f) => f.table));
  return { table: mergeAliasTables(judge, ...files.map((f) => f.searchOnly)), judge, problems };
}

