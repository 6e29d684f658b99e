/**
 * Cram end to end: answers in a cram are kept (they feed "weakest first") but the long-term
 * schedule does not move unless --reschedule is given. Checked with `amgi status --json`
 * and with every card's FSRS state read from the store, before and after.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { LoadedDeck } from '../../src/core/deck/types.js';
import { loadAllDecks } from '../../src/store/deckFiles.js';
import { openProgress } from '../../src/store/progress.js';
import { amgi } from '../helpers/cli.js';
import { e2eSessions } from '../helpers/e2e.js';
import { CARDS, writeDeckDir } from '../core/quiz/fixture.js';

const DAY = 86_400_000;
const NOW = '2025-03-10T09:00:00Z';
const { newHome, start } = e2eSessions();

interface Env {
  home: string;
  decksDir: string;
  decks: LoadedDeck[];
}

/** A home where the first six cards were reviewed two days ago (the rest are new). */
function setup(): Env {
  const home = newHome('amgi-cram-e2e-');
  const decksDir = writeDeckDir(join(home, 'deck-files'));
  const decks = loadAllDecks({ decksDir, env: {} }).decks;
  const p = openProgress({ home, decks, now: () => new Date(Date.parse(NOW) - 2 * DAY), fuzz: false });
  // These six by name: a review session introduces new cards in curriculum order (issue 14), not file order.
  const s = p.startCram({ keys: CARDS.slice(0, 6).map((c) => c.id), reschedule: true });
  for (let i = 0; i < 6 && s.current(); i++) s.answer(3, 10_000);
  p.close();
  return { home, decksDir, decks };
}

/** Every item's schedule (what FSRS decides), and its cram counters, read from the store. */
function snapshot(env: Env) {
  const p = openProgress({ home: env.home, decks: env.decks, now: () => new Date(NOW), fuzz: false });
  const schedule: Record<string, unknown> = {};
  const cram: Record<string, number> = {};
  for (const it of p.items()) {
    const s = p.state(it.key);
    schedule[it.key] = s ? { st: s.st, due: s.due, s: s.s, d: s.d, reps: s.reps, lapses: s.lapses } : null;
    cram[it.key] = s?.cramN ?? 0;
  }
  p.close();
  const status = amgi(['status', '--json', '--decks', env.decksDir], { AMGI_HOME: env.home, AMGI_NOW: NOW });
  expect(status.code, status.stderr).toBe(0);
  return { schedule, cram, status: JSON.parse(status.stdout) };
}

const front = (id: string) => CARDS.find((c) => c.id === id)!.front;

/** Cram the first cards of the deck (deck order): reveal, grade. */
async function cram(env: Env, extra: string[], grades: [string, string][]) {
  const t = await start({ home: env.home, cols: 80, rows: 24, args: ['cram', '--deck', 'docker', '--decks', env.decksDir, ...extra], env: { AMGI_NOW: NOW } });
  for (const [id, grade] of grades) {
    await t.waitFor(front(id));
    // A typed card is a type-in card (the default setting): Space on the empty field reveals it too.
    await t.waitFor(/Space\/Enter: show answer|empty Space: show answer/);
    t.keys('Space');
    await t.waitFor('Again');
    t.keys(grade);
    await t.waitFor((s: string) => !s.includes(front(id)) || s.includes('Session done'));
  }
  // Esc, not q: the next card may be a type-in card, where q is text (as in the search box).
  t.keys('Escape');
  expect(await t.waitForExit()).toBe(0);
}

describe('cram', () => {
  test('leaves the long-term schedule alone but keeps its results', async () => {
    const env = setup();
    const before = snapshot(env);
    await cram(env, [], [
      ['rt-runc', '3'],
      ['rt-containerd', '1'],
      ['rt-crio', '3'],
    ]);
    const after = snapshot(env);
    // Due and new counts are unchanged; only the streak counts the cram as study today.
    expect({ ...after.status, streak: undefined }).toEqual({ ...before.status, streak: undefined });
    expect(after.status.streak).toBe(1);
    expect(after.schedule).toEqual(before.schedule);
    expect(after.cram['rt-runc']).toBe(1);
    expect(after.cram['rt-containerd']).toBe(1);
    expect(after.cram['rt-crio']).toBe(1);
  });

  test('--reschedule lets the answers move the schedule', async () => {
    const env = setup();
    const before = snapshot(env);
    await cram(env, ['--reschedule'], [['rt-runc', '3']]);
    const after = snapshot(env);
    expect(after.schedule['rt-runc']).not.toEqual(before.schedule['rt-runc']);
    expect((after.schedule['rt-runc'] as { reps: number }).reps).toBe((before.schedule['rt-runc'] as { reps: number }).reps + 1);
    // Only the answered card moved.
    const { ['rt-runc']: _a, ...restAfter } = after.schedule;
    const { ['rt-runc']: _b, ...restBefore } = before.schedule;
    expect(restAfter).toEqual(restBefore);
  });
});
