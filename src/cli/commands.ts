/**
 * Every command and its flags. How each command's module is loaded is in loadCommand.ts: this
 * table is also what the help command reads, so it must not import the commands. Help text is in the catalogues
 * (core/i18n/cliEn.ts `help`), keyed by command and flag name; a `summary` or `description`
 * here is only the fallback for one the catalogues do not know yet.
 */
import type { CommandSpec, FlagSpec } from './types.js';
import { nearestNames } from '../core/text/nearest.js';
import { UsageError } from '../core/errors.js';
import { cliText } from '../core/messages.js';

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
  { name: 'review', flags: { deck: deckFlag } },
  {
    name: 'cram',
    flags: {
      deck: deckFlag,
      tag: tagFlag,
      weakest: {},
      until: { value: 'DATE' },
      reschedule: {},
    },
  },
  {
    name: 'quiz',
    flags: {
      mode: { value: 'choice|typed|order|cloze|interview|mixed' },
      deck: deckFlag,
      tag: tagFlag,
      count: { value: 'N' },
    },
  },
  {
    name: 'search',
    args: '[QUERY]',
    flags: { json: jsonFlag, limit: { value: 'N' }, deck: deckFlag },
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
  },
  { name: 'suspend', args: 'ID...', flags: {}, store: true },
  { name: 'unsuspend', args: 'ID...', flags: {}, store: true },
  { name: 'forget', args: 'ID...', flags: { yes: {} }, store: true },
  { name: 'stats', flags: { json: jsonFlag }, store: true },
  { name: 'status', flags: { json: jsonFlag }, store: true },
  { name: 'decks', flags: { json: jsonFlag } },
  {
    name: 'validate',
    args: '[PATH...]',
    flags: {
      json: jsonFlag,
      strict: {},
      seeds: { value: 'DIR' },
    },
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
  },
  {
    name: 'export',
    flags: {
      deck: deckFlag,
      format: { value: 'anki|json|apkg' },
      out: { value: 'FILE|FOLDER' },
      progress: { value: 'FILE', optional: true },
    },
    store: true,
  },
  { name: 'optimize', flags: {}, store: true },
  { name: 'help', args: '[COMMAND]', flags: {} },
  {
    name: 'sync',
    flags: {
      dir: { value: 'PATH' },
      off: {},
      git: {},
    },
    store: true,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** "unknown command", with the nearest commands when there are any: every one at the least distance, as a tie is a real doubt (`stauts`: stats and status are one edit each). */
export function unknownCommand(name: string): UsageError {
  // `reveiw` → review, `stat` → stats and status.
  const guesses = nearestNames(name, COMMANDS.map((c) => c.name), COMMANDS.length);
  return new UsageError(guesses.length ? cliText().errors.didYouMean(name, guesses) : cliText().errors.unknownCommand(name));
}
