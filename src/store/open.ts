/** Open the progress store the way commands do: decks from disk, home from AMGI_HOME, fuzz on. */
import { amgiHome } from './paths.js';
import { loadAllDecks } from './deckFiles.js';
import { openProgress } from './progress.js';
import type { DeckProblem } from '../core/deck/validate.js';
import type { ProgressStore } from './progress.js';

export interface OpenedStore {
  progress: ProgressStore;
  deckProblems: DeckProblem[];
}

export function openProgressFromEnv(opts: { env: NodeJS.ProcessEnv; now: () => Date; decksDir?: string; fuzz?: boolean }): OpenedStore {
  const { decks, problems } = loadAllDecks({ decksDir: opts.decksDir, env: opts.env });
  const progress = openProgress({ home: amgiHome(opts.env), decks, now: opts.now, fuzz: opts.fuzz ?? true });
  return { progress, deckProblems: problems };
}
