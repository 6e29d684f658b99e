/** The shapes shared by the command table (commands.ts), the argument parser and every command module. */
import type { Io } from './io.js';

export interface FlagSpec {
  /** Takes a value (`--deck ID`) rather than being a switch. */
  value?: string;
  /** English fallback; the catalogue's `help.flags` wins. */
  description?: string;
  /** May be given more than once. */
  repeat?: boolean;
  /** The value may be left out: then the flag is a switch (true). */
  optional?: boolean;
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
  /** Positional arguments (`[QUERY]`, `FILE`); without it, any positional argument is a usage error. */
  args?: string;
  /** English fallback; the catalogue's `help.commands` wins. */
  summary?: string;
  flags: Record<string, FlagSpec>;
  /** Reads or writes the data folder: it is checked first (store/home.ts). The interactive commands check it themselves. */
  store?: true;
}
