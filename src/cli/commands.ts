/**
 * Every command, its flags and how to load it. Command modules are imported only when run,
 * so `amgi status` never parses React or Ink. Help text is in the catalogues
 * (ui/i18n/cliEn.ts `help`), keyed by command and flag name; a `summary` or `description`
 * here is only the fallback for one the catalogues do not know yet.
 */
import type { Io } from './io.js';
import { editDistance } from '../core/text/editDistance.js';
import { UsageError } from '../core/errors.js';
import { cliText } from '../core/messages.js';

export interface FlagSpec {
  /** Takes a value (`--deck ID`) rather than being a switch. */
  value?: string;
  /** English fallback; the catalogue's `help.flags` wins. */
  description?: string;
  /** The value may be left out: then the flag is a switch (true). */
  optional?: boolean;
}

export type Flags = Record<string, string | boolean | undefined>;

export interface CommandContext {
  /** The command name; 'home' when amgi runs with none. */
  command: string;
  args: string[];
  flags: Flags;
  io: Io;
  env: NodeJS.ProcessEnv;
  /** The clock: AMGI_NOW when set. */
  now: () => Date;
}

export interface CommandModule {
  run(ctx: CommandContext): Promise<number>;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments (`[QUERY]`, `FILE`); without it, any positional argument is a usage error. */
  args?: string;
  /** English fallback; the catalogue's `help.commands` wins. */
  summary?: string;
  flags: Record<string, FlagSpec>;
  /** Reads or writes the data folder: it is checked first (store/home.ts). The interactive commands check it themselves. */
  store?: true;
  load: () => Promise<CommandModule>;
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  help: {},
  decks: { value: 'DIR' },
  lang: { value: 'ko|en' },
  'no-color': {},
};

const deckFlag: FlagSpec = { value: 'ID' };
const jsonFlag: FlagSpec = {};
const tagFlag: FlagSpec = { value: 'TAG' };

export const COMMANDS: CommandSpec[] = [
  { name: 'review', flags: { deck: deckFlag }, load: () => import('./commands/interactive.js') },
  {
    name: 'cram',
    flags: {
      deck: deckFlag,
      tag: tagFlag,
      weakest: {},
      until: { value: 'DATE' },
      reschedule: {},
    },
    load: () => import('./commands/interactive.js'),
  },
  {
    name: 'quiz',
    flags: {
      mode: { value: 'choice|typed|order|cloze|interview|mixed' },
      deck: deckFlag,
      tag: tagFlag,
      count: { value: 'N' },
    },
    load: () => import('./commands/interactive.js'),
  },
  {
    name: 'search',
    args: '[QUERY]',
    flags: { json: jsonFlag, limit: { value: 'N' }, deck: deckFlag },
    load: () => import('./commands/search.js'),
  },
  {
    name: 'cards',
    flags: {
      deck: deckFlag,
      tag: tagFlag,
      suspended: {},
      leech: {},
      due: {},
      json: jsonFlag,
    },
    store: true,
    load: () => import('./commands/cards.js'),
  },
  { name: 'suspend', args: 'ID...', flags: {}, store: true, load: () => import('./commands/flag.js') },
  { name: 'unsuspend', args: 'ID...', flags: {}, store: true, load: () => import('./commands/flag.js') },
  { name: 'forget', args: 'ID...', flags: { yes: {} }, store: true, load: () => import('./commands/flag.js') },
  { name: 'stats', flags: { json: jsonFlag }, store: true, load: () => import('./commands/stats.js') },
  { name: 'status', flags: { json: jsonFlag }, store: true, load: () => import('./commands/status.js') },
  { name: 'decks', flags: { json: jsonFlag }, load: () => import('./commands/decks.js') },
  {
    name: 'validate',
    args: '[PATH...]',
    flags: {
      json: jsonFlag,
      strict: {},
      seeds: { value: 'DIR' },
    },
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'import',
    args: 'FILE',
    flags: {
      deck: { value: 'ID' },
      format: { value: 'md|anki' },
      progress: {},
      yes: {},
    },
    store: true,
    load: () => import('./commands/import.js'),
  },
  {
    name: 'export',
    flags: {
      deck: deckFlag,
      format: { value: 'anki|json|apkg' },
      out: { value: 'FILE' },
      progress: { value: 'FILE', optional: true },
    },
    store: true,
    load: () => import('./commands/export.js'),
  },
  { name: 'optimize', flags: {}, store: true, load: () => import('./commands/optimize.js') },
  { name: 'help', args: '[COMMAND]', flags: {}, load: () => import('./commands/help.js') },
  {
    name: 'sync',
    flags: {
      dir: { value: 'PATH' },
      off: {},
      git: {},
    },
    store: true,
    load: () => import('./commands/sync.js'),
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The command a mistyped word most likely meant (`reveiw` → review): at most two edits, or a prefix (`stat`). */
export function nearestCommand(word: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const c of COMMANDS) {
    const d = c.name.startsWith(word) && word.length >= 2 ? 0.5 : editDistance([...word], [...c.name]);
    if (d <= Math.min(2, Math.floor(c.name.length / 3)) && (!best || d < best.d)) best = { name: c.name, d };
  }
  return best?.name;
}

/** "unknown command", with the nearest command when there is one. */
export function unknownCommand(name: string): UsageError {
  const guess = nearestCommand(name);
  return new UsageError(guess ? cliText().errors.didYouMean(name, guess) : cliText().errors.unknownCommand(name));
}
