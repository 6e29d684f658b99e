// PLACEHOLDER: replaced by the issue that builds this command.
import { AmgiError } from '../../core/errors.js';
import type { CommandContext } from '../commands.js';

export async function run(_ctx: CommandContext): Promise<number> {
  throw new AmgiError('this command is not built yet');
}
