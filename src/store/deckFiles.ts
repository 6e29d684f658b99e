/** Reads deck files from disk; validation itself is pure (core/deck). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { combineDecks, type DeckCandidate } from '../core/deck/collection.js';
import { MAX_DECK_BYTES, parseDeck, type DeckProblem } from '../core/deck/validate.js';
import type { DeckOrigin, LoadedDeck } from '../core/deck/types.js';
import { bundledDecksDir, userDecksDir } from './paths.js';

export interface DeckSet {
  decks: LoadedDeck[];
  problems: DeckProblem[];
}

/** Deck files in a folder: *.json except schema.json, the sources manifest and the search aliases. */
export function deckFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json') && n !== 'schema.json' && n !== 'sources.json' && n !== 'aliases.json' && !n.startsWith('.'))
    .sort()
    .map((n) => join(dir, n));
}

function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

export function readDeckFile(file: string, origin: DeckOrigin): { candidate?: DeckCandidate; problems: DeckProblem[] } {
  const name = displayName(file);
  try {
    const size = statSync(file).size;
    if (size > MAX_DECK_BYTES) {
      // Refused before reading: a 2 GB file must not be loaded into memory.
      return { problems: [{ file: name, severity: 'error', message: `file is ${(size / 1048576).toFixed(1)} MB; decks are limited to 20 MB`, hint: 'split it into several decks' }] };
    }
    const bytes = readFileSync(file);
    const { deck, problems } = parseDeck(name, bytes);
    if (!deck) return { problems };
    return { candidate: { deck, file: name, origin, text: bytes.toString('utf8') }, problems };
  } catch (e) {
    return { problems: [{ file: name, severity: 'error', message: `cannot read: ${(e as Error).message}` }] };
  }
}

export function loadDeckFiles(files: { file: string; origin: DeckOrigin }[]): DeckSet {
  const problems: DeckProblem[] = [];
  const candidates: DeckCandidate[] = [];
  for (const { file, origin } of files) {
    const r = readDeckFile(file, origin);
    problems.push(...r.problems);
    if (r.candidate) candidates.push(r.candidate);
  }
  const combined = combineDecks(candidates);
  return { decks: combined.decks, problems: [...problems, ...combined.problems] };
}

export interface DeckSourceOptions {
  /** Load only this folder (`--decks DIR`). */
  decksDir?: string;
  env?: NodeJS.ProcessEnv;
}

/** Bundled decks plus the user's ($AMGI_HOME/decks), or only `decksDir` when given. */
export function loadAllDecks(opts: DeckSourceOptions = {}): DeckSet {
  if (opts.decksDir) return loadDeckFiles(deckFilesIn(opts.decksDir).map((file) => ({ file, origin: 'dir' as const })));
  return loadDeckFiles([
    ...deckFilesIn(bundledDecksDir()).map((file) => ({ file, origin: 'bundled' as const })),
    ...deckFilesIn(userDecksDir(opts.env)).map((file) => ({ file, origin: 'user' as const })),
  ]);
}

