/**
 * Settings-file migrations, run by conf (`projectVersion` + `migrations`).
 *
 * v0 (amgi 0.0.x, the naive layout; no `__internal__` key) kept everything in one conf file:
 *   { "desiredRetention": 0.9, "newCardsPerDay": 20, "maxReviewsPerDay": 200, "dayStartsAt": "04:00",
 *     "cards":   { "<item key>": { ts-fsrs card … } },
 *     "history": [ { "key": "docker-001", "deck": "docker", "rating": 3, "review": "<ISO>", "durationMs": 4200 } ] }
 * v1 (1.0.0): settings only, with the names of `Settings`; the history moved to reviews.jsonl
 *   (card states are rebuilt from it, so v0's `cards` are dropped).
 */
import type Conf from 'conf';
import type { AnswerEntry, Grade } from '../core/schedule/types.js';
import { appendEntries, readLog } from './log.js';

export const SETTINGS_VERSION = '1.0.0';

type Store = Conf<Record<string, unknown>>;

interface V0History {
  key?: unknown;
  deck?: unknown;
  rating?: unknown;
  review?: unknown;
  durationMs?: unknown;
}

function v0ToV1(home: string, store: Store): void {
  const renames: [string, string][] = [
    ['desiredRetention', 'retention'],
    ['newCardsPerDay', 'newPerDay'],
    ['maxReviewsPerDay', 'reviewsPerDay'],
  ];
  for (const [from, to] of renames) {
    if (store.has(from)) {
      store.set(to, store.get(from));
      store.delete(from);
    }
  }
  if (store.has('dayStartsAt')) {
    const m = /^(\d{1,2}):\d{2}$/.exec(String(store.get('dayStartsAt')));
    if (m) store.set('dayStartHour', Number(m[1]));
    store.delete('dayStartsAt');
  }
  const history = store.get('history');
  if (Array.isArray(history) && history.length) {
    // Deterministic ids make the move idempotent: a migration killed half-way and run again adds nothing twice.
    const have = new Set(readLog(home).entries.map((e) => e.id));
    const entries: AnswerEntry[] = [];
    history.forEach((h: V0History, i) => {
      const id = `v0-${i}`;
      const at = typeof h.review === 'string' ? Date.parse(h.review) : NaN;
      if (have.has(id) || typeof h.key !== 'string' || typeof h.deck !== 'string' || ![1, 2, 3, 4].includes(h.rating as number) || Number.isNaN(at)) return;
      entries.push({ v: 1, id, at: new Date(at).toISOString(), op: 'answer', key: h.key, deck: h.deck, grade: h.rating as Grade, ms: typeof h.durationMs === 'number' && h.durationMs >= 0 ? h.durationMs : 0, kind: 'review', reschedule: true });
    });
    entries.sort((a, b) => a.at.localeCompare(b.at));
    appendEntries(home, entries);
  }
  store.delete('history');
  store.delete('cards');
}

export function settingsMigrations(home: string): Record<string, (store: Store) => void> {
  return { '1.0.0': (store) => v0ToV1(home, store) };
}
