/**
 * The review header, Home and `amgi status` count the same new cards at every step: a new card
 * suspended or buried before its answer gives its place to the next one (the daily new limit
 * counts cards introduced, as in Anki), and takes it back when undone. The real store on a temp
 * folder, the bundled decks.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import fc from 'fast-check';
import { loadAllDecks } from '../../src/store/deckFiles.js';
import { openProgress } from '../../src/store/progress.js';
import { statusReport } from '../../src/store/statusReport.js';
import type { Grade } from '../../src/core/schedule/types.js';
import { snapshot } from '../../src/ui/screens/review/reviewState.js';
import { clock, MIN } from './fixtures.js';
import { tmpHome } from '../helpers/tmpHome.js';

let t: ReturnType<typeof tmpHome>;
beforeEach(() => (t = tmpHome()));
afterEach(() => t.cleanup());

function openBundled(now: () => Date) {
  const env = { AMGI_HOME: t.home };
  const { decks } = loadAllDecks({ env });
  return { env, p: openProgress({ home: t.home, decks, now, fuzz: false }) };
}

test('review: s, b, q → Home → status → review again: 20 new everywhere, and the next new cards come in', async () => {
  const c = clock('2026-03-02T10:00:00Z');
  const { env, p } = openBundled(c.now);
  const s = p.startReview();
  const header = () => snapshot(s).left.new;
  expect(header()).toBe(20);
  const first = s.current()!.item.key;
  s.suspend();
  expect(header()).toBe(20);
  const second = s.current()!.item.key;
  s.bury();
  expect(header()).toBe(20);
  // q: Home, then `amgi status`, then Enter again.
  expect(p.countsByDeck().all.new).toBe(20);
  const { report } = await statusReport(env, { now: c.now });
  expect(report.new).toBe(20);
  const again = p.startReview();
  expect(snapshot(again).left.new).toBe(20);
  expect([first, second]).not.toContain(again.current()!.item.key);
  // Undo in the first session: the suspended card is back and the last card taken in waits.
  s.undo();
  s.undo();
  expect(s.current()!.item.key).toBe(first);
  expect(header()).toBe(20);
  expect(p.countsByDeck().all.new).toBe(20);
});

test('any mix of answers, suspends, buries and undos: the header counts what Home counts', () => {
  const step = fc.constantFrom('s', 'b', 'u', '1', '2', '3', '3', '4');
  const limits = fc.constantFrom({}, { newPerDay: 3, newPerDayAll: 7 });
  fc.assert(
    fc.property(limits, fc.array(step, { minLength: 1, maxLength: 60 }), (lim, steps) => {
      const home = tmpHome();
      try {
        const c = clock('2026-03-02T10:00:00Z');
        const { decks } = loadAllDecks({ env: { AMGI_HOME: home.home } });
        const p = openProgress({ home: home.home, decks, now: c.now, fuzz: false });
        p.saveSettings(lim);
        const s = p.startReview();
        for (const k of steps) {
          if (!s.current()) break;
          if (k === 's') s.suspend();
          else if (k === 'b') s.bury();
          else if (k === 'u') s.undo();
          else s.answer(Number(k) as Grade, 1000);
          c.advance(MIN);
          const left = snapshot(s).left;
          const all = p.countsByDeck().all;
          expect([left.new, left.learning]).toEqual([all.new, all.learning]);
        }
        p.close();
      } finally {
        home.cleanup();
      }
    }),
    { numRuns: 40, seed: 14 },
  );
});
