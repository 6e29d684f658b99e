import { describe, expect, it } from 'vitest';
import { flagInt, parseArgs } from '../../src/cli/args.js';
import type { FlagSpec } from '../../src/cli/types.js';
import { setMessageLang } from '../../src/core/messages.js';

const specs: Record<string, FlagSpec> = {
  help: {},
  json: {},
  deck: { value: 'ID' },
  progress: { value: 'FILE', optional: true },
  count: { value: 'N' },
};

const usageMessage = (argv: string[]) => {
  try {
    parseArgs(argv, specs);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no usage error');
};

describe('parseArgs (node:util underneath)', () => {
  it('reads switches, values, = values, -h, a lone - and everything after --', () => {
    expect(parseArgs(['a', '--json', '--deck', 'x', '-', '-h', '--', '--deck', '-q'], specs)).toEqual({
      args: ['a', '-', '--deck', '-q'],
      flags: { json: true, deck: 'x', help: true },
    });
    expect(parseArgs(['--deck=-odd'], specs).flags).toEqual({ deck: '-odd' });
  });

  it('takes an optional value when one follows, else is a switch', () => {
    expect(parseArgs(['--progress', 'p.jsonl', '--json'], specs)).toEqual({ args: [], flags: { progress: 'p.jsonl', json: true } });
    expect(parseArgs(['--progress', '--json'], specs).flags).toEqual({ progress: true, json: true });
    expect(parseArgs(['--progress'], specs).flags).toEqual({ progress: true });
    expect(parseArgs(['--progress=f'], specs).flags).toEqual({ progress: 'f' });
    expect(parseArgs(['--progress', '-'], specs).flags).toEqual({ progress: '-' });
  });

  it('a negative, zero or fractional count asks for a whole number ≥ 1, not for a value (both languages)', () => {
    const intMessage = (argv: string[]) => {
      try {
        flagInt(parseArgs(argv, specs).flags, 'count', 10);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('no usage error');
    };
    setMessageLang('en');
    expect(intMessage(['--count', '-3'])).toBe('--count must be a whole number ≥ 1, got "-3"');
    expect(intMessage(['--count', '-.5'])).toBe('--count must be a whole number ≥ 1, got "-.5"');
    expect(intMessage(['--count=-3'])).toBe('--count must be a whole number ≥ 1, got "-3"');
    expect(intMessage(['--count', '0'])).toBe('--count must be a whole number ≥ 1, got "0"');
    expect(intMessage(['--count', '2.5'])).toBe('--count must be a whole number ≥ 1, got "2.5"');
    expect(usageMessage(['--count'])).toBe('--count needs a value (N)');
    expect(usageMessage(['--count', '--json'])).toBe('--count needs a value (N)');
    setMessageLang('ko');
    expect(intMessage(['--count', '-3'])).toBe('--count은(는) 1 이상의 정수여야 합니다: "-3"');
    setMessageLang('en');
  });

  it('answers bad flags with the catalogue message, in the chosen language', () => {
    setMessageLang('en');
    const valid = '(options: --help, --json, --deck, --progress, --count)';
    expect(usageMessage(['--colour'])).toBe(`unknown option --colour ${valid}`);
    expect(usageMessage(['--colour=red'])).toBe(`unknown option --colour ${valid}`);
    expect(usageMessage(['-x'])).toBe(`unknown option -x ${valid}`);
    expect(usageMessage(['-hx'])).toBe(`unknown option -hx ${valid}`);
    expect(usageMessage(['--deck'])).toBe('--deck needs a value (ID)');
    expect(usageMessage(['--deck', '--json'])).toBe('--deck needs a value (ID)');
    expect(usageMessage(['--json=yes'])).toBe('--json takes no value');
    setMessageLang('ko');
    expect(usageMessage(['--deck'])).toBe('--deck에는 값이 필요합니다 (ID)');
    expect(usageMessage(['--json=1'])).toBe('--json은(는) 값을 받지 않습니다');
    setMessageLang('en');
  });
});
