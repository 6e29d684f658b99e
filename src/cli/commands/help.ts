/** `amgi help [COMMAND]`: the same text as `--help`. */
import { UsageError } from '../../core/errors.js';
import { cliText } from '../../core/messages.js';
import { findCommand, unknownCommand } from '../commands.js';
import type { CommandContext } from '../types.js';
import { commandUsage, usage } from '../help.js';

export async function run(ctx: CommandContext): Promise<number> {
  const [name, extra] = ctx.args;
  if (extra !== undefined) throw new UsageError(cliText().errors.unexpectedArgument(extra));
  if (name === undefined) {
    ctx.io.out(usage());
    return 0;
  }
  const command = findCommand(name);
  if (!command) throw unknownCommand(name);
  ctx.io.out(commandUsage(command));
  return 0;
}
