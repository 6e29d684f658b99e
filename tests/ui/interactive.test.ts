import { expect, test } from 'vitest';
import { NOT_A_TERMINAL, initialScreens, run } from '../../src/cli/commands/interactive.js';
import type { CommandContext } from '../../src/cli/commands.js';
import { UsageError } from '../../src/core/errors.js';

const ctx = (command: string, flags: CommandContext['flags'] = {}, args: string[] = []) => ({ command, flags, args });

test('each command starts on its screen', () => {
  expect(initialScreens(ctx('home'))).toEqual([{ kind: 'home' }]);
  expect(initialScreens(ctx('review', { deck: 'images' }))).toEqual([{ kind: 'review', deckId: 'images' }]);
  expect(initialScreens(ctx('cram', { deck: 'd', weakest: true, until: '2025-04-01' }))).toEqual([
    { kind: 'cram', options: { deckId: 'd', tag: undefined, weakest: true, until: '2025-04-01', reschedule: undefined } },
  ]);
  expect(initialScreens(ctx('search', {}, ['레이어', '캐시']))).toEqual([{ kind: 'search', query: '레이어 캐시' }]);
  expect(initialScreens(ctx('search'))).toEqual([{ kind: 'search', query: undefined }]);
});

function fakeCtx(command: string, flags: CommandContext['flags'] = {}, stdinIsTTY = false) {
  const err: string[] = [];
  const c: CommandContext = {
    command,
    args: [],
    flags,
    env: {},
    now: () => new Date(0),
    io: { out: () => {}, err: (t) => err.push(t), isTTY: false, stdinIsTTY, columns: 80 },
  };
  return { c, err };
}

test('stdin not a terminal: exactly one line, exit 1, nothing loaded', async () => {
  const { c, err } = fakeCtx('home');
  expect(await run(c)).toBe(1);
  expect(err).toEqual([NOT_A_TERMINAL]);
  expect(NOT_A_TERMINAL).toBe('amgi needs an interactive terminal; try `amgi status` or `amgi search QUERY`');
});

test('--lang must be ko or en', async () => {
  const { c } = fakeCtx('home', { lang: 'fr' }, true);
  await expect(run(c)).rejects.toBeInstanceOf(UsageError);
});
