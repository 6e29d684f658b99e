/** `amgi --help`, `amgi COMMAND --help`, `amgi help [COMMAND]`: in the active language (core/messages.ts). */
import { cliText } from '../core/messages.js';
import { COMMANDS, GLOBAL_FLAGS } from './commands.js';
import type { CommandSpec, FlagSpec } from './types.js';

function flagLines(command: string | undefined, flags: Record<string, FlagSpec>): string[] {
  const text = cliText().help.flags;
  const rows = Object.entries(flags).map(
    ([n, f]) => [`--${n}${f.value ? ` ${f.value}` : ''}`, (command && text[`${command}.${n}`]) ?? text[n] ?? f.description ?? ''] as const,
  );
  const w = Math.max(0, ...rows.map(([a]) => a.length));
  return rows.map(([a, d]) => `  ${a.padEnd(w)}  ${d}`);
}

const summary = (c: CommandSpec) => cliText().help.commands[c.name] ?? c.summary ?? '';

export function usage(): string {
  const h = cliText().help;
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    h.usage,
    '',
    h.about,
    h.noCommand,
    '',
    h.commandsHeading,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${summary(c)}`),
    '',
    h.optionsHeading,
    ...flagLines(undefined, { ...GLOBAL_FLAGS, version: {} }),
    '',
    h.environment,
    h.more,
  ].join('\n');
}

export function commandUsage(c: CommandSpec): string {
  const h = cliText().help;
  const note = h.notes[c.name];
  return [
    h.commandUsage(c.name, c.args ? (h.args[c.args] ?? c.args) : ''),
    '',
    summary(c),
    '',
    h.optionsHeading,
    ...flagLines(c.name, { ...c.flags, ...GLOBAL_FLAGS }),
    ...(note ? ['', note] : []),
  ].join('\n');
}
