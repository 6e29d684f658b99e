/**
 * How each command's module is loaded: imported only when run, so `amgi status` never parses
 * React or Ink. Kept apart from the command table (commands.ts), which the help command reads:
 * a table that imported the commands would import help, which imports the table (a cycle).
 */
import type { CommandModule } from './types.js';

const interactive = () => import('./commands/interactive.js');
const flag = () => import('./commands/flag.js');

const LOADERS: Record<string, () => Promise<CommandModule>> = {
  review: interactive,
  cram: interactive,
  quiz: interactive,
  search: () => import('./commands/search.js'),
  cards: () => import('./commands/cards.js'),
  suspend: flag,
  unsuspend: flag,
  forget: flag,
  stats: () => import('./commands/stats.js'),
  status: () => import('./commands/status.js'),
  decks: () => import('./commands/decks.js'),
  validate: () => import('./commands/validate.js'),
  import: () => import('./commands/import.js'),
  export: () => import('./commands/export.js'),
  optimize: () => import('./commands/optimize.js'),
  help: () => import('./commands/help.js'),
  sync: () => import('./commands/sync.js'),
};

/** The module of a command of the table (commands.ts); no command is Home (the interactive module). */
export function loadCommand(name: string | undefined): Promise<CommandModule> {
  const load = name === undefined ? interactive : LOADERS[name];
  if (!load) throw new Error(`no module for command "${name}"`);
  return load();
}
