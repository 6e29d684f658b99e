/** store/progressImport.ts: plan, confirm only when suspicious, append, rebuild the snapshot, as one call. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { importProgress } from '../../src/store/progressImport.js';
import { appendEntries, readLog } from '../../src/store/log.js';
import { rebuildSnapshot } from '../../src/store/ledgerStore.js';
import { openSettings } from '../../src/store/settings.js';
import { readSnapshot } from '../../src/store/snapshot.js';
import { paramsKey } from '../../src/core/schedule/context.js';
import { replay } from '../../src/core/schedule/ledger.js';
import { ledgerContext } from '../../src/core/schedule/context.js';
import { formatProgress } from '../../src/core/sync/progressFile.js';
import type { AnswerEntry, LogEntry } from '../../src/core/schedule/types.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

const NOW = '2026-03-02T10:00:00Z';
const now = () => new Date(NOW);
const answer = (id: string, at: string): AnswerEntry => ({ v: 1, id, at, op: 'answer', key: 'k-1', deck: 'k', grade: 3, ms: 1000, kind: 'review', reschedule: true });
const progressFile = (entries: LogEntry[]) => {
  const file = join(home, 'from-laptop.progress');
  writeFileSync(file, formatProgress(entries));
  return file;
};
const logIds = () => readLog(home).entries.map((e) => e.id);

describe('importProgress', () => {
  test('plain entries merge without a question; the snapshot is rebuilt; a second merge adds nothing', async () => {
    const file = progressFile([answer('a', '2026-03-01T00:00:00.000Z'), answer('b', '2026-03-01T01:00:00.000Z')]);
    let asked = 0;
    const ask = {
      confirm: () => {
        asked++;
        return true;
      },
    };
    const r = await importProgress(home, { AMGI_HOME: home }, { file, now }, ask);
    expect(r).toMatchObject({ merged: true, problems: [], unknownReviews: 0 });
    expect([r.plan.add.size, r.plan.known]).toEqual([2, 0]);
    expect(asked).toBe(0);
    expect(logIds()).toEqual(['a', 'b']);
    expect(existsSync(join(home, 'state.bin'))).toBe(true);
    const again = await importProgress(home, { AMGI_HOME: home }, { file, now }, ask);
    expect([again.merged, again.plan.add.size, again.plan.known]).toEqual([true, 0, 2]);
    expect(logIds()).toEqual(['a', 'b']);
  });

  test('future-dated entries are asked about; declined, the log is untouched', async () => {
    const file = progressFile([answer('a', '2026-03-01T00:00:00.000Z'), answer('z', '2099-01-01T00:00:00.000Z')]);
    const asked: number[] = [];
    const r = await importProgress(home, { AMGI_HOME: home }, { file, now }, {
      confirm: (p) => {
        asked.push(p.future.count);
        return false;
      },
    });
    expect(asked).toEqual([1]);
    expect(r.merged).toBe(false);
    expect(existsSync(join(home, 'reviews.jsonl'))).toBe(false);
    const yes = await importProgress(home, { AMGI_HOME: home }, { file, now }, { confirm: () => true });
    expect(yes.merged).toBe(true);
    expect(logIds()).toEqual(['a', 'z']);
  });

  test('an unreadable line of the local log is reported once, not again by the replay', async () => {
    const first = JSON.stringify(answer('a', '2026-03-01T00:00:00.000Z'));
    writeFileSync(join(home, 'reviews.jsonl'), `${first}\nnot json\n`);
    const file = progressFile([answer('b', '2026-03-01T01:00:00.000Z')]);
    const r = await importProgress(home, { AMGI_HOME: home }, { file, now }, { confirm: () => true });
    expect(r.merged).toBe(true);
    expect(r.problems).toEqual([`reviews.jsonl: skipped an unreadable line at byte ${first.length + 1}`]);
    expect(readFileSync(join(home, 'reviews.jsonl'), 'utf8')).toContain('"id":"b"');
  });

  test('answers saved by another terminal while the merge waits for its question are kept in state.bin', async () => {
    // A card with a history and index.bin (the plan reads the log through it).
    appendEntries(home, Array.from({ length: 20 }, (_, i) => answer(`h${i}`, new Date(Date.parse('2026-01-01T09:00:00Z') + i * 86_400_000).toISOString())));
    rebuildSnapshot(home, { now });
    const file = progressFile([answer('m1', '2026-01-06T10:00:00.000Z'), answer('z', '2099-01-01T00:00:00.000Z')]);
    const r = await importProgress(home, { AMGI_HOME: home }, { file, now }, {
      confirm: () => {
        // Meanwhile the app in another terminal answers the card and saves state.bin past the plan's index.
        appendEntries(home, [answer('x1', '2026-02-20T10:00:00.000Z'), answer('x2', '2026-02-21T10:00:00.000Z')]);
        rebuildSnapshot(home, { now });
        return true;
      },
    });
    expect(r.merged).toBe(true);
    const settings = openSettings(home, now).settings;
    const snap = readSnapshot(home, paramsKey(settings, true));
    if (snap.kind !== 'ok') throw new Error(snap.kind);
    const reference = replay(readLog(home).entries, ledgerContext(settings, true));
    expect(snap.ledger.items.get('k-1')).toEqual(reference.items.get('k-1'));
    expect(snap.ledger.items.get('k-1')!.reps).toBe(24); // the history, m1, x1, x2, z
  });
});
