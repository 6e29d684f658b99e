import { expect, test } from 'vitest';
import { afterAll } from 'vitest';
import { checkUntil, initialScreens, run } from '../../src/cli/commands/interactive.js';
import { tmpHome } from '../helpers/tmpHome.js';
import type { CommandContext } from '../../src/cli/types.js';
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

const home = tmpHome();
afterAll(() => home.cleanup());

function fakeCtx(command: string, flags: CommandContext['flags'] = {}, stdinIsTTY = false) {
  const err: string[] = [];
  const c: CommandContext = {
    command,
    args: [],
    flags,
    env: { AMGI_HOME: home.home },
    now: () => new Date(2026, 11, 3, 10),
    io: { out: () => {}, err: (t) => err.push(t), isTTY: false, stdinIsTTY, columns: 80 },
  };
  return { c, err };
}

test('stdin not a terminal: exactly one line, exit 1', async () => {
  const { c, err } = fakeCtx('home');
  expect(await run(c)).toBe(1);
  expect(err).toEqual(['amgi needs an interactive terminal; try `amgi status` or `amgi search QUERY`']);
});

test('usage errors come before the terminal check', async () => {
  for (const flags of [{ deck: 'nope' }, { tag: 'nope' }, { until: '2020-01-01' }]) {
    const { c, err } = fakeCtx('cram', flags);
    await expect(run(c)).rejects.toBeInstanceOf(UsageError);
    expect(err).toEqual([]);
  }
  const { c } = fakeCtx('quiz', { mode: 'nope' });
  await expect(run(c)).rejects.toBeInstanceOf(UsageError);
});

test('--until: a calendar date, today or later by study day', () => {
  const now = new Date(2026, 11, 3, 10);
  const env = { AMGI_HOME: home.home };
  expect(() => checkUntil('2026-12-03', now, env)).not.toThrow();
  expect(() => checkUntil('2026-12-13', now, env)).not.toThrow();
  expect(() => checkUntil('2026-12-02', now, env)).toThrow('has passed (today is 2026-12-03)');
  expect(() => checkUntil('2026-02-30', now, env)).toThrow('not a date on the calendar');
  expect(() => checkUntil('tomorrow', now, env)).toThrow('YYYY-MM-DD');
  // 02:00 belongs to the day before (day start 04:00): yesterday's date is still today.
  expect(() => checkUntil('2026-12-02', new Date(2026, 11, 3, 2), env)).not.toThrow();
});

test('--mode mc is multiple choice; an unknown mode is still refused with a guess', () => {
  expect(initialScreens(ctx('quiz', { mode: 'mc' }))).toEqual([{ kind: 'quiz', mode: 'choice', deckId: undefined, tag: undefined, count: 10 }]);
  expect(initialScreens(ctx('quiz', { mode: 'choice' }))[0]).toMatchObject({ mode: 'choice' });
  expect(() => initialScreens(ctx('quiz', { mode: 'chioce' }))).toThrow('did you mean "choice"?');
  expect(() => initialScreens(ctx('quiz', { mode: 'nope' }))).toThrow('--mode must be one of choice, typed, order, cloze, interview, mixed, got "nope"');
  // Only the names given: not what every object has.
  expect(() => initialScreens(ctx('quiz', { mode: 'toString' }))).toThrow(UsageError);
});
