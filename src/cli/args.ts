/**
 * Strict argument parsing on node:util parseArgs: unknown flags are errors, not silently ignored.
 * It runs non-strict with `tokens: true` and the checks are made here, on the tokens, because
 * strict mode's errors are fixed English sentences that do not name the option in a field we
 * could read: the messages come from the catalogues (cliEn/cliKo), in the user's language.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import { UsageError } from '../core/errors.js';
import { cliText } from '../core/messages.js';
import { nearestNames } from '../core/text/nearest.js';
import type { FlagSpec, Flags } from './types.js';

export interface ParsedArgs {
  args: string[];
  flags: Flags;
}

type NodeOptions = NonNullable<Parameters<typeof nodeParseArgs>[0]>['options'];

export function parseArgs(argv: string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const options: NodeOptions = {};
  for (const [name, spec] of Object.entries(specs)) {
    // An optional value is read as a switch by parseArgs; the word after it is taken below.
    options[name] = { type: spec.value && !spec.optional ? 'string' : 'boolean', ...(name === 'help' ? { short: 'h' } : {}) };
  }
  const { tokens } = nodeParseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const args: string[] = [];
  const flags: Flags = {};
  const taken = new Set<number>();
  for (const t of tokens) {
    if (t.kind === 'positional') {
      if (!taken.has(t.index)) args.push(t.value);
      continue;
    }
    if (t.kind !== 'option') continue;
    const spec = specs[t.name];
    // `-x` (or a group `-xy`) is shown as typed; `--name=v` as `--name`.
    if (!spec) throw new UsageError(cliText().errors.unknownOption(t.rawName.startsWith('--') ? t.rawName : argv[t.index]!, optionNames(specs)));
    flags[t.name] = optionValue(t.name, spec, t.value, t.inlineValue, argv, t.index, taken);
  }
  return { args, flags };
}

function optionValue(name: string, spec: FlagSpec, value: string | undefined, inline: boolean | undefined, argv: string[], index: number, taken: Set<number>): string | boolean {
  if (!spec.value) {
    if (value !== undefined) throw new UsageError(cliText().errors.takesNoValue(name));
    return true;
  }
  if (spec.optional) {
    if (inline) return value!;
    // `export --progress FILE` or a bare `--progress` (then a switch): parseArgs has no optional values.
    const next = argv[index + 1];
    if (next === undefined || looksLikeFlag(next)) return true;
    taken.add(index + 1);
    return next;
  }
  // `--deck --json`: a flag where the value should be is a forgotten value (parseArgs's strict rule).
  // `--count -3` is not: a negative number is a wrong value, which flagInt names as such.
  if (value === undefined || (!inline && looksLikeFlag(value) && !/^-[\d.]/.test(value))) throw new UsageError(cliText().errors.needsValue(name, spec.value));
  return value;
}

/** `-x`, `--x`; a lone `-` is a value (standard input or output). */
const looksLikeFlag = (word: string) => word.length > 1 && word.startsWith('-');

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

/** A flag whose value must be one of `valid` (--mode, --format, --lang) or another name for one (`aliases`: --mode mc). */
export function flagChoice<T extends string>(flags: Flags, name: string, valid: readonly T[], aliases: Readonly<Record<string, T>> = {}): T | undefined {
  const v = flagString(flags, name);
  if (v === undefined) return undefined;
  if (Object.hasOwn(aliases, v)) return aliases[v];
  if (!(valid as readonly string[]).includes(v)) throw new UsageError(cliText().errors.oneOf(name, valid, v, nearestNames(v, [...valid, ...Object.keys(aliases)])[0]));
  return v as T;
}
