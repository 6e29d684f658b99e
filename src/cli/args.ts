/**
 * A small strict argument parser: unknown flags are errors, not silently ignored. Kept rather
 * than node:util parseArgs, whose errors are fixed English sentences (usage errors here speak
 * the user's language) and which would still need the value hints and `-h` added around it.
 */
import { UsageError } from '../core/errors.js';
import { cliText } from '../core/messages.js';
import type { FlagSpec, Flags } from './types.js';

export interface ParsedArgs {
  args: string[];
  flags: Flags;
}

export function parseArgs(argv: string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const args: string[] = [];
  const flags: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    if (a === '-h') {
      flags.help = true;
      continue;
    }
    if (!a.startsWith('--')) throw new UsageError(cliText().errors.unknownOption(a, optionNames(specs)));
    const eq = a.indexOf('=');
    const name = a.slice(2, eq >= 0 ? eq : undefined);
    const spec = specs[name];
    if (!spec) throw new UsageError(cliText().errors.unknownOption(`--${name}`, optionNames(specs)));
    if (spec.value) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (eq < 0 && v.startsWith('--'))) {
        if (!spec.optional) throw new UsageError(cliText().errors.needsValue(name, spec.value));
        // A switch here (`export --format apkg --progress`): the next word is read as itself.
        if (v !== undefined) i--;
        flags[name] = true;
        continue;
      }
      if (spec.repeat) flags[name] = [...((flags[name] as string[] | undefined) ?? []), v];
      else flags[name] = v;
    } else {
      if (eq >= 0) throw new UsageError(cliText().errors.takesNoValue(name));
      flags[name] = true;
    }
  }
  return { args, flags };
}

const optionNames = (specs: Record<string, FlagSpec>) => Object.keys(specs).map((n) => `--${n}`);

export function flagString(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function flagInt(flags: Flags, name: string, fallback: number, min = 1): number {
  const v = flagString(flags, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(cliText().errors.wholeNumber(name, min, v));
  return Number(v);
}

/** A flag whose value must be one of `valid` (--mode, --format, --lang). */
export function flagChoice<T extends string>(flags: Flags, name: string, valid: readonly T[]): T | undefined {
  const v = flagString(flags, name);
  if (v === undefined) return undefined;
  if (!(valid as readonly string[]).includes(v)) throw new UsageError(cliText().errors.oneOf(name, valid, v));
  return v as T;
}
