/**
 * Today's figure on Home and Stats counts answers (a card answered twice counts twice), so it
 * says answers, not cards, in both languages, and agrees with `amgi stats`.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Progress } from '../../src/store/types.js';
import type { AppServices } from '../../src/ui/context.js';
import { miniDecks, renderApp } from './render.js';
import { openRealStore } from './realStore.js';

afterEach(() => cleanup());

let clock: number;
let progress: Progress;
let services: AppServices;
let close: () => void;

beforeEach(() => {
  clock = Date.parse('2025-03-01T09:00:00Z');
  ({ progress, services, close } = openRealStore(miniDecks(), () => new Date(clock)));
  // One card missed, then answered again ten minutes later: two answers, one card.
  let s = progress.startReview({ deckId: 'mini' });
  const first = s.current()!.item.key;
  s.answer(1, 5_000);
  clock += 10 * 60_000;
  s = progress.startReview({ deckId: 'mini' });
  expect(s.current()!.item.key).toBe(first);
  s.answer(3, 5_000);
});
afterEach(() => close());

describe('answers today', () => {
  test('two answers to one card: the store counts two', () => {
    expect(progress.stats().answers.today).toBe(2);
    expect(progress.counts().doneToday).toBe(2);
  });

  test.each([
    ['en', '2 answers today', 'Today 10s · 2 answers'],
    ['ko', '오늘 2번 답함', '오늘 10초 · 2번 답함'],
  ] as const)('%s: Home and Stats say answers', async (lang, home, stats) => {
    let app = renderApp(services, { lang, columns: 80, rows: 24 });
    await app.waitFor(home);
    app.unmount();
    app = renderApp(services, { initial: [{ kind: 'stats' }], lang, columns: 80, rows: 24 });
    await app.waitFor(stats);
    app.unmount();
  });
});
