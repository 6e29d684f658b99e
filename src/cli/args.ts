/** A small strict argument parser: unknown flags are errors, not silently ignored. */
import { UsageError } from '../core/errors.js';
import type { FlagSpec, Flags } from './commands.js';

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
    if (!a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq >= 0 ? eq : undefined);
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (spec.value) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (eq < 0 && v.startsWith('--'))) {
        if (!spec.optional) throw new UsageError(`--${name} needs a value (${spec.value})`);
        // A switch here (`export --format apkg --progress`): the next word is read as itself.
        if (v !== undefined) i--;
        flags[name] = true;
        continue;
      }
      if (spec.repeat) flags[name] = [...((flags[name] as string[] | undefined) ?? []), v];
      else flags[name] = v;
    } else {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
    }
  }
  return { args, flags };
}

export function flagString(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function flagInt(flags: Flags, name: string, fallback: number, min = 1): number {
  const v = flagString(flags, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${v}"`);
  return Number(v);
}
