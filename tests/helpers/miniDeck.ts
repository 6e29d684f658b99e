/** The mini fixture deck, alone in a decks folder of a fresh AMGI_HOME (CLI tests pass it as --decks). */
import { afterEach, beforeEach } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';
import { tmpHome } from './tmpHome.js';

const MINI_FIXTURE = join(ROOT, 'tests/fixtures/decks/good/mini.json');
export const mini = JSON.parse(readFileSync(MINI_FIXTURE, 'utf8')) as { id: string; cards: { id: string; type: string }[] };

/**
 * Call at the top of a test file: before each test a fresh AMGI_HOME whose `decks` folder
 * holds only the mini fixture deck; removed after it.
 */
export function useMiniDeckHome(): { readonly home: string; readonly decks: string } {
  let current: { home: string; decks: string; cleanup(): void } | undefined;
  beforeEach(() => {
    const { home, cleanup } = tmpHome();
    const decks = join(home, 'decks-only');
    mkdirSync(decks);
    copyFileSync(MINI_FIXTURE, join(decks, 'mini.json'));
    current = { home, decks, cleanup };
  });
  afterEach(() => {
    current?.cleanup();
    current = undefined;
  });
  const get = () => {
    if (!current) throw new Error('useMiniDeckHome: only inside a test');
    return current;
  };
  return {
    get home() {
      return get().home;
    },
    get decks() {
      return get().decks;
    },
  };
}
