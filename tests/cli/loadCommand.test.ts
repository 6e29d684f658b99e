import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { loadCommand } from '../../src/cli/loadCommand.js';

describe('loadCommand', () => {
  test('every command of the table has a module with run()', async () => {
    for (const c of COMMANDS) {
      const mod = await loadCommand(c.name);
      expect(typeof mod.run, c.name).toBe('function');
    }
  });

  test('no command is Home; a name outside the table is a bug, not a usage error', async () => {
    expect(typeof (await loadCommand(undefined)).run).toBe('function');
    expect(() => loadCommand('nope')).toThrow('no module for command "nope"');
  });
});
