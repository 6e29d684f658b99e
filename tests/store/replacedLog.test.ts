/**
 * Something may rename another file over the review log while a session runs in another
 * terminal (a recovery of a damaged log in another window, a user restoring a copy by hand).
 * That session must keep writing to the log the path names and must not read the new bytes at
 * its old offset.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { tmpHome } from '../helpers/tmpHome.js';
import { readLog } from '../../src/store/log.js';
import { writeLogFile } from '../../src/store/log.js';
import { sortEntries } from '../../src/core/sync/merge.js';
import type { AnswerEntry } from '../../src/core/schedule/types.js';
import { clock, deck, MIN, open } from './fixtures.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

test('a session keeps every answer when another process replaces the log under it', () => {
  const c = clock('2026-03-02T10:00:00');
  const decks = [deck('docker', 4)];
  const p = open(home, decks, c.now);
  const s = p.startReview();
  s.answer(3, 1);
  c.advance(MIN);
  // The log is replaced by a copy that also holds an older answer to another card.
  const older: AnswerEntry = { v: 1, id: '000000001-aaaaaaaaaa', at: '2026-03-02T09:00:00.000Z', op: 'answer', key: 'docker-0003', deck: 'docker', grade: 4, ms: 5, kind: 'review', reschedule: true };
  writeLogFile(home, sortEntries([...readLog(home).entries, older]));
  // The running session answers again, then a fresh process opens the store.
  s.answer(4, 1);
  const ids = readLog(home).entries.map((e) => e.id);
  expect(ids).toHaveLength(3);
  expect(ids).toContain(older.id);
  const fresh = open(home, decks, c.now);
  for (const key of ['docker-0000', 'docker-0001', 'docker-0003']) {
    expect(p.state(key)?.reps, key).toBe(fresh.state(key)?.reps);
    expect(p.state(key)?.due, key).toBe(fresh.state(key)?.due);
  }
  expect(fresh.state('docker-0003')?.reps).toBe(1);

  // The open session reads the rebuilt states: docker-0003, answered on the other machine, is not new here.
  const shown: string[] = [];
  for (let i = 0; i < 20 && s.current(); i++) {
    const cur = s.current()!;
    shown.push(`${cur.item.key}:${cur.kind}`);
    s.answer(4, 1);
    c.advance(MIN);
  }
  expect(shown).toContain('docker-0002:new');
  expect(shown).not.toContain('docker-0003:new');
});
