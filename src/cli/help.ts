import { COMMANDS, GLOBAL_FLAGS, type CommandSpec, type FlagSpec } from './commands.js';

function flagLines(flags: Record<string, FlagSpec>): string[] {
  const rows = Object.entries(flags).map(([n, f]) => [`--${n}${f.value ? ` ${f.value}` : ''}`, f.description] as const);
  const w = Math.max(0, ...rows.map(([a]) => a.length));
  return rows.map(([a, d]) => `  ${a.padEnd(w)}  ${d}`);
}

export function usage(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: amgi [command] [options]',
    '',
    '암기 amgi — flashcards and quizzes for Docker and containers, in Korean.',
    'With no command, opens the app (Home).',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    '',
    'Options:',
    ...flagLines({ ...GLOBAL_FLAGS, version: { description: 'print the version' } }),
    '',
    'Environment: AMGI_HOME (data folder, default ~/.config/amgi), AMGI_NOW (clock override, ISO date-time), NO_COLOR.',
    'Run `amgi <command> --help` for a command\'s options.',
  ].join('\n');
}

export function commandUsage(c: CommandSpec): string {
  return [
    `Usage: amgi ${c.name}${c.args ? ` ${c.args}` : ''} [options]`,
    '',
    c.summary,
    '',
    'Options:',
    ...flagLines({ ...c.flags, ...GLOBAL_FLAGS }),
  ].join('\n');
}
