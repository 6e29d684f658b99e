/**
 * The real store in a temporary AMGI_HOME behind the app: screen tests check what was really
 * saved (answers in the log, undo, suspend, bury, settings), not what a fake remembers.
 */
import { onTestFinished } from 'vitest';
import type { LoadedDeck } from '../../src/core/deck/types.js';
import type { AnswerEntry, Settings } from '../../src/core/schedule/types.js';
import type { CardInfo } from '../../src/core/schedule/browse.js';
import { openProgress } from '../../src/store/progress.js';
import { readLog } from '../../src/store/log.js';
import type { Progress } from '../../src/store/types.js';
import type { AppServices } from '../../src/ui/context.js';
import { tmpHome } from '../helpers/tmpHome.js';
import { fakeSearch } from './fakes.js';

/** `now` is the test's clock (FSRS fuzz off); close() closes the store and removes the home. */
export function openRealStore(decks: LoadedDeck[], now: () => Date): { progress: Progress; services: AppServices; home: string; close(): void } {
  const home = tmpHome();
  const progress = openProgress({ home: home.home, decks, now, fuzz: false });
  const services: AppServices = { progress, decks, problems: [], now, loadSearch: () => Promise.reject(new Error('no search in these tests')) };
  return {
    progress,
    services,
    home: home.home,
    close() {
      progress.close();
      home.cleanup();
    },
  };
}

/** A clock from 2025-03-01 09:00 UTC that ticks a second per look: two actions never share an instant. */
export function tickingClock(start = '2025-03-01T09:00:00Z'): () => Date {
  let tick = 0;
  return () => new Date(Date.parse(start) + ++tick * 1000);
}

export interface RealServices extends AppServices {
  progress: Progress;
  /** The answers that stand in the log (an undone one no longer does), oldest first. */
  answers(): AnswerEntry[];
  /** A study item as the store sees it now (suspended, buried, …). */
  card(key: string): CardInfo;
}

/**
 * The app's services over the real store, closed when the test ends. Search is the substring
 * fake of fakes.ts, as these tests are about the store; the search screen's tests use the real
 * engine.
 */
export function realServices(decks: LoadedDeck[], opts: { settings?: Partial<Settings>; problems?: string[]; now?: () => Date } = {}): RealServices {
  const s = openRealStore(decks, opts.now ?? tickingClock());
  onTestFinished(() => s.close());
  if (opts.settings) s.progress.saveSettings(opts.settings);
  const { progress } = s;
  return {
    ...s.services,
    problems: opts.problems ?? [],
    loadSearch: async () => fakeSearch(decks),
    progress,
    answers() {
      const entries = readLog(s.home).entries;
      const undone = new Set(entries.flatMap((e) => (e.op === 'undo' ? [e.target] : [])));
      return entries.filter((e): e is AnswerEntry => e.op === 'answer' && !undone.has(e.id));
    },
    card(key) {
      const info = progress.cardInfos().find((c) => c.key === key);
      if (!info) throw new Error(`no study item ${key}`);
      return info;
    },
  };
}
