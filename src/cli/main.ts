#!/usr/bin/env node
import pkg from '../../package.json' with { type: 'json' };
import { isAmgiError, isUsageError, UsageError } from '../core/errors.js';
import { cliText, isSystemError, setMessageLang, systemErrorText } from '../core/messages.js';
import { chooseLang } from '../ui/i18n/lang.js';
import { openHome } from '../store/home.js';
import { amgiHome } from '../store/paths.js';
import { peekSettings } from '../store/settings.js';
import { flagChoice, parseArgs } from './args.js';
import { clockFromEnv } from './clock.js';
import { GLOBAL_FLAGS, findCommand, unknownCommand } from './commands.js';
import { loadCommand } from './loadCommand.js';
import type { CommandContext } from './types.js';
import { commandUsage, usage } from './help.js';
import { processIo, type Io } from './io.js';

const LANGS = ['ko', 'en'] as const;

/** Index of the command word: the first argument that is neither a flag nor a global flag's value. */
function commandIndex(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return -1;
    if (!a.startsWith('-')) return i;
    if (!a.includes('=') && GLOBAL_FLAGS[a.slice(2)]?.value) i++;
  }
  return -1;
}

/** `--lang ko` anywhere before `--`, looked at before parsing so that even a parse error speaks it. */
function langArg(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === '--lang') return argv[i + 1];
    if (argv[i]!.startsWith('--lang=')) return argv[i]!.slice('--lang='.length);
  }
  return undefined;
}

/** Exit codes: 0 ok, 1 failure (invalid deck, nothing found, an unusable file or disk…), 2 usage, 3 unexpected error. */
export async function main(argv: string[], io: Io = processIo(), env = process.env): Promise<number> {
  try {
    // Before anything can fail: the language of every line this run prints. The screens
    // choose the same way (App.tsx).
    setMessageLang(chooseLang(langArg(argv), peekSettings(amgiHome(env)).language, env));
    if (argv[0] === '--version' || argv[0] === '-v') {
      io.out(pkg.version);
      return 0;
    }
    const at = commandIndex(argv);
    const first = at >= 0 ? argv[at] : undefined;
    const command = first ? findCommand(first) : undefined;
    if (first && !command) throw unknownCommand(first);
    const rest = command ? argv.filter((_, i) => i !== at) : argv;
    const specs = command ? { ...command.flags, ...GLOBAL_FLAGS } : { ...GLOBAL_FLAGS, version: {} };
    const { args, flags } = parseArgs(rest, specs);
    flagChoice(flags, 'lang', LANGS);
    if (flags.version) {
      io.out(pkg.version);
      return 0;
    }
    if (flags.help) {
      io.out(command ? commandUsage(command) : usage());
      return 0;
    }
    // Commands that take no positional argument refuse one (`amgi status extra`) instead of ignoring it.
    if (!command?.args && args.length) throw new UsageError(command ? cliText().errors.extraArgument(command.name, args[0]!) : cliText().errors.unexpectedArgument(args[0]!));
    const ctx: CommandContext = { command: command?.name ?? 'home', args, flags, io, env, now: clockFromEnv(env) };
    if (command?.store) openHome(amgiHome(env));
    const mod = await loadCommand(command?.name);
    return await mod.run(ctx);
  } catch (e) {
    return reportError(e, io);
  }
}

/** One line for what went wrong, and the exit code that goes with it. */
function reportError(e: unknown, io: Io): number {
  // One line: what was wrong and what is valid. `amgi help COMMAND` has the rest.
  if (isUsageError(e)) {
    io.err(`amgi: ${e.message}`);
    return 2;
  }
  if (isAmgiError(e)) {
    io.err(`amgi: ${e.message}`);
    return 1;
  }
  // A full disk, a file that turned unreadable mid-run: the machine's state, not a bug in amgi.
  if (isSystemError(e)) {
    io.err(`amgi: ${systemErrorText(e)}`);
    return 1;
  }
  io.err(`amgi: ${cliText().errors.unexpected((e as Error)?.stack ?? String(e))}`);
  return 3;
}

// Run when executed (bin/amgi imports this bundle); tests import main() directly.
if (!process.env.AMGI_NO_AUTORUN) {
  // `amgi stats | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 3;
    },
  );
}
