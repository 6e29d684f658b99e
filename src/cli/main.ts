#!/usr/bin/env node
import pkg from '../../package.json' with { type: 'json' };
import { isAmgiError, isUsageError, UsageError } from '../core/errors.js';
import { isSystemError, msg } from '../core/messages.js';
import { openHome } from '../store/home.js';
import { amgiHome } from '../store/paths.js';
import { parseArgs } from './args.js';
import { clockFromEnv } from './clock.js';
import { GLOBAL_FLAGS, findCommand, type CommandContext } from './commands.js';
import { commandUsage, usage } from './help.js';
import { processIo, type Io } from './io.js';

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

/** Exit codes: 0 ok, 1 failure (invalid deck, nothing found, an unusable file or disk…), 2 usage, 3 unexpected error. */
export async function main(argv: string[], io: Io = processIo(), env = process.env): Promise<number> {
  let commandName = 'home';
  try {
    if (argv[0] === '--version' || argv[0] === '-v') {
      io.out(pkg.version);
      return 0;
    }
    const at = commandIndex(argv);
    const first = at >= 0 ? argv[at] : undefined;
    const command = first ? findCommand(first) : undefined;
    if (first && !command) throw new UsageError(`unknown command "${first}"`);
    commandName = command?.name ?? 'home';
    const rest = command ? argv.filter((_, i) => i !== at) : argv;
    const specs = command ? { ...command.flags, ...GLOBAL_FLAGS } : { ...GLOBAL_FLAGS, version: { description: '' } };
    const { args, flags } = parseArgs(rest, specs);
    if (flags.version) {
      io.out(pkg.version);
      return 0;
    }
    if (flags.help) {
      io.out(command ? commandUsage(command) : usage());
      return 0;
    }
    if (!command && args.length) throw new UsageError(`unexpected argument "${args[0]}"`);
    const ctx: CommandContext = { command: commandName, args, flags, io, env, now: clockFromEnv(env) };
    if (command?.store) openHome(amgiHome(env));
    const mod = command ? await command.load() : await import('./commands/interactive.js');
    return await mod.run(ctx);
  } catch (e) {
    if (isUsageError(e)) {
      io.err(`amgi: ${e.message}`);
      const command = findCommand(commandName);
      io.err('');
      io.err(command ? commandUsage(command) : usage());
      return 2;
    }
    if (isAmgiError(e)) {
      io.err(`amgi: ${e.message}`);
      return 1;
    }
    // A full disk, a file that turned unreadable mid-run: the machine's state, not a bug in amgi.
    if (isSystemError(e)) {
      io.err(`amgi: ${msg.systemError(e)}`);
      return 1;
    }
    io.err(`amgi: unexpected error: ${(e as Error)?.stack ?? String(e)}`);
    return 3;
  }
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
