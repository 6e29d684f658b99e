/**
 * Every command, its flags and help, and how to load it. Command modules are imported
 * only when run, so `amgi status` never parses React or Ink.
 */
import type { Io } from './io.js';

export interface FlagSpec {
  /** Takes a value (`--deck ID`) rather than being a switch. */
  value?: string;
  description: string;
  /** May be given more than once. */
  repeat?: boolean;
}

export type Flags = Record<string, string | boolean | string[] | undefined>;

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
  args?: string;
  summary: string;
  flags: Record<string, FlagSpec>;
  /** Reads or writes the data folder: it is checked first (store/home.ts). The interactive commands check it themselves. */
  store?: true;
  load: () => Promise<CommandModule>;
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  help: { description: 'show help' },
  decks: { value: 'DIR', description: 'load only the decks in DIR' },
  lang: { value: 'ko|en', description: 'language of the screens (default from LANG); command output is English' },
  'no-color': { description: 'no colours (also NO_COLOR=1)' },
};

const deckFlag: FlagSpec = { value: 'ID', description: 'only this deck' };
const jsonFlag: FlagSpec = { description: 'print JSON' };
const tagFlag: FlagSpec = { value: 'TAG', description: 'only cards with this tag' };

export const COMMANDS: CommandSpec[] = [
  { name: 'review', summary: 'daily review of due cards (interactive)', flags: { deck: deckFlag }, load: () => import('./commands/interactive.js') },
  {
    name: 'cram',
    summary: 'practise any selection without changing the schedule (interactive); --until plans for an interview: it reschedules and brings in new cards',
    flags: {
      deck: deckFlag,
      tag: tagFlag,
      weakest: { description: 'weakest cards first' },
      until: { value: 'DATE', description: 'plan for an interview on DATE (YYYY-MM-DD): reschedules the cards (at 95% retention) and brings in new ones' },
      reschedule: { description: 'let the answers change the long-term schedule' },
    },
    load: () => import('./commands/interactive.js'),
  },
  {
    name: 'quiz',
    summary: 'quiz: multiple choice, typed, order, mock interview (interactive)',
    flags: {
      mode: { value: 'choice|typed|order|cloze|interview|mixed', description: 'question style (default mixed)' },
      deck: deckFlag,
      tag: tagFlag,
      count: { value: 'N', description: 'number of questions (default 10)' },
    },
    load: () => import('./commands/interactive.js'),
  },
  {
    name: 'search',
    args: '[QUERY]',
    summary: 'find cards by keyword (Korean, 초성, English); no QUERY opens the search screen',
    flags: { json: jsonFlag, limit: { value: 'N', description: 'at most N results (default 10)' }, deck: deckFlag },
    load: () => import('./commands/search.js'),
  },
  {
    name: 'cards',
    summary: 'list cards with their state: id, deck, state, due, interval, recall now, lapses',
    flags: {
      deck: deckFlag,
      tag: tagFlag,
      suspended: { description: 'only suspended cards' },
      leech: { description: 'only leeches (cards you keep forgetting; suspended when found)' },
      due: { description: 'only cards due today (learning and review)' },
      json: { description: 'print every field as JSON' },
    },
    store: true,
    load: () => import('./commands/cards.js'),
  },
  {
    name: 'suspend',
    args: 'ID...',
    summary: 'keep cards out of reviews until unsuspended (a card id, or ID~rev for one direction)',
    flags: {},
    store: true,
    load: () => import('./commands/flag.js'),
  },
  { name: 'unsuspend', args: 'ID...', summary: 'bring suspended cards (and leeches) back into reviews', flags: {}, store: true, load: () => import('./commands/flag.js') },
  {
    name: 'forget',
    args: 'ID...',
    summary: 'reset cards to new (the history stays in the log)',
    flags: { yes: { description: 'needed: forgetting resets the schedule' } },
    store: true,
    load: () => import('./commands/flag.js'),
  },
  { name: 'stats', summary: 'forecast, heatmap, retention, streak, mastery', flags: { json: jsonFlag }, store: true, load: () => import('./commands/stats.js') },
  { name: 'status', summary: 'one line for a shell prompt: due, new, streak', flags: { json: jsonFlag }, store: true, load: () => import('./commands/status.js') },
  { name: 'decks', summary: 'list decks with id, title, card count and source', flags: { json: jsonFlag }, load: () => import('./commands/decks.js') },
  {
    name: 'validate',
    args: '[PATH...]',
    summary: 'check deck files; exit 1 if any is invalid',
    flags: {
      json: jsonFlag,
      strict: { description: 'also exit 1 on lint warnings (cards that teach badly)' },
      seeds: { value: 'DIR', description: "the study notes cards' `source` cites: warn when a cited section is empty" },
    },
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'import',
    args: 'FILE',
    summary: 'import Markdown or Anki notes as a deck, or merge progress',
    flags: {
      deck: { value: 'ID', description: 'id of the deck to write' },
      format: { value: 'md|anki', description: 'input format (default from the file name)' },
      progress: { description: 'FILE is a progress export to merge' },
      yes: { description: 'write without asking' },
    },
    store: true,
    load: () => import('./commands/import.js'),
  },
  {
    name: 'export',
    summary: 'export decks (Anki, JSON) or progress',
    flags: {
      deck: deckFlag,
      format: { value: 'anki|json', description: 'output format' },
      out: { value: 'FILE', description: 'output file' },
      progress: { value: 'FILE', description: 'write the review history to FILE' },
    },
    store: true,
    load: () => import('./commands/export.js'),
  },
  { name: 'optimize', summary: 'fit FSRS parameters to your review history', flags: {}, store: true, load: () => import('./commands/optimize.js') },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
