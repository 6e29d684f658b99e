/** store/syncControl.ts: sync turned on and off, a step, the folder's status — one call each. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { appendEntries, readLog } from '../../src/store/log.js';
import { readSyncConfig } from '../../src/store/syncConfig.js';
import { deviceFileName } from '../../src/store/syncFolder.js';
import { syncNow, syncStatus, turnSyncOff, turnSyncOn } from '../../src/store/syncControl.js';
import type { AnswerEntry } from '../../src/core/schedule/types.js';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ home: root, cleanup } = tmpHome()));
afterEach(() => cleanup());

const env = {};
const now = () => new Date('2026-03-02T10:00:00Z');
const answer = (id: string): AnswerEntry => ({ v: 1, id, at: '2026-03-01T00:00:00.000Z', op: 'answer', key: 'k-1', deck: 'k', grade: 3, ms: 1000, kind: 'review', reschedule: true });
const homeOf = (name: string) => {
  const home = join(root, name);
  mkdirSync(join(home, 'decks'), { recursive: true });
  return home;
};

describe('sync on, a step, off', () => {
  test('on: the learner files are copied in and this history exported; a second machine gets it on its step', () => {
    const folder = join(root, 'folder');
    const a = homeOf('a');
    writeFileSync(join(a, 'decks', 'mine.json'), '{}');
    appendEntries(a, [answer('x'), answer('y')]);
    const on = turnSyncOn(a, env, folder, now);
    expect(on).toMatchObject({ dir: folder, copied: 1, step: { merged: 0, exported: 2 } });
    expect(readFileSync(join(folder, 'decks', 'mine.json'), 'utf8')).toBe('{}');
    expect(readSyncConfig(a).dir).toBe(folder);

    const b = homeOf('b');
    const onB = turnSyncOn(b, env, folder, now);
    expect(onB.step).toMatchObject({ merged: 2 });
    expect(readLog(b).entries.map((e) => e.id)).toEqual(['x', 'y']);
    // The merge was replayed into b's snapshot right away.
    expect(existsSync(join(b, 'state.bin'))).toBe(true);
    expect(syncNow(b, env, now)).toMatchObject({ merged: 0, exported: 0 });

    const status = syncStatus(b, env, syncNow(b, env, now), now);
    expect(status.where).toEqual({ dir: folder, from: 'settings' });
    // b has nothing of its own to export yet: only a's file is there.
    expect(status.devices.map((d) => [d.file, d.entries, d.own])).toEqual([[deviceFileName(readSyncConfig(a).device!), 2, false]]);
    expect([status.pending, status.problems]).toEqual([0, []]);
  });

  test('off: the files come back from the folder; off again is a no-op; AMGI_SYNC_DIR keeps it on', () => {
    const folder = join(root, 'folder');
    const a = homeOf('a');
    turnSyncOn(a, env, folder, now);
    mkdirSync(join(folder, 'decks'), { recursive: true });
    writeFileSync(join(folder, 'decks', 'phone.json'), '{"id":"phone"}');
    expect(turnSyncOff(a, env, now)).toEqual({ dir: folder, copied: 1 });
    expect(readFileSync(join(a, 'decks', 'phone.json'), 'utf8')).toBe('{"id":"phone"}');
    expect(readSyncConfig(a).dir).toBeUndefined();
    expect(turnSyncOff(a, env, now)).toBeUndefined();
    expect(syncStatus(a, env, syncNow(a, env, now), now).where).toBeUndefined();
    expect(() => turnSyncOff(a, { AMGI_SYNC_DIR: folder }, now)).toThrow(/AMGI_SYNC_DIR/);
  });

  test('bad folders: a file, a missing parent, the data folder itself — one clear error, nothing saved', () => {
    const a = homeOf('a');
    writeFileSync(join(root, 'file'), '');
    expect(() => turnSyncOn(a, env, join(root, 'file'), now)).toThrow(/is a file/);
    expect(() => turnSyncOn(a, env, join(root, 'no', 'such'), now)).toThrow(/does not exist/);
    expect(() => turnSyncOn(a, env, a, now)).toThrow(/data folder itself/);
    expect(readSyncConfig(a).dir).toBeUndefined();
  });
});
