/**
 * Open the progress store the way commands do: decks from disk, home from AMGI_HOME, fuzz on.
 * Imports progressStore.ts, not progress.ts: these commands never write settings, so conf is
 * not loaded (see settings.ts).
 */
import { amgiHome } from './paths.js';
import { loadAllDecks } from './deckFiles.js';
import { openProgress } from './progressStore.js';
import type { DeckProblem } from '../core/deck/validate.js';
import type { DeckOrigin } from '../core/deck/types.js';
import type { ProgressStore } from './progressStore.js';

export interface OpenedStore {
  progress: ProgressStore;
  deckProblems: DeckProblem[];
}

export interface OpenFromEnvOptions {
  env: NodeJS.ProcessEnv;
  now: () => Date;
  decksDir?: string;
  fuzz?: boolean;
  /** Decks as outlines (card ids and types, no text): for commands that only count (`amgi status`). */
  outline?: boolean;
  /** The deck files, when the caller has listed them already (deckSources). */
  files?: { file: string; origin: DeckOrigin }[];
}

export function openProgressFromEnv(opts: OpenFromEnvOptions): OpenedStore {
  const { decks, problems } = loadAllDecks({ decksDir: opts.decksDir, env: opts.env, outline: opts.outline, files: opts.files });
  const progress = openProgress({ home: amgiHome(opts.env), decks, now: opts.now, fuzz: opts.fuzz ?? true });
  return { progress, deckProblems: problems };
}
