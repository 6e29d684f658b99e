/**
 * Progress files as streams (reliability review F6, F10, F14): suspicious entries are shown and
 * merged only when confirmed, a failed write leaves the log as it was, big exports import.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { amgi } from '../helpers/cli.js';
import { appendEntries, parseEntry, readLog } from '../../src/store/log.js';
import { applyProgressMerge, exportProgressFile, planProgressMerge } from '../../src/store/progressTransfer.js';
import { formatProgress, progressHeader } from '../../src/core/sync/progressFile.js';
import type { AnswerEntry, FlagEntry, LogEntry } from '../../src/core/schedule/types.js';

let home: string;
let other: string;
let cleanups: (() => void)[];
beforeEach(() => {
  const a = tmpHome();
  const b = tmpHome();
  home = a.home;
  other = b.home;
  cleanups = [a.cleanup, b.cleanup];
});
afterEach(() => cleanups.forEach((c) => c()));

const answer = (id: string, at: string, key = 'k-1', extra: Partial<AnswerEntry> = {}): AnswerEntry => ({ v: 1, id, at, op: 'answer', key, deck: 'k', grade: 3, ms: 1000, kind: 'review', reschedule: true, ...extra });
const NOW = '2026-03-02T10:00:00Z';

describe('entries that are not plausible', () => {
  test('an answer time of 1e308 ms, a date past year 9999 or before 2000 is not an entry (never reaches stats)', () => {
    const ok = answer('a', '2026-01-01T00:00:00.000Z');
    expect(parseEntry(JSON.stringify(ok))).toEqual(ok);
    expect(parseEntry(JSON.stringify({ ...ok, ms: 1e308 }))).toBeUndefined();
    expect(parseEntry(JSON.stringify({ ...ok, at: '+275760-09-13T00:00:00.000Z' }))).toBeUndefined();
    expect(parseEntry(JSON.stringify({ ...ok, at: '1999-12-31T23:59:59.000Z' }))).toBeUndefined();
  });

  test('future-dated and forget entries are shown and not merged without --yes; with it they are', () => {
    const file = join(other, 'p.jsonl');
    const forget: FlagEntry = { v: 1, id: 'f', at: '2026-03-01T00:00:00.000Z', op: 'forget', key: 'k-2', deck: 'k' };
    const entries: LogEntry[] = [answer('now', '2026-03-01T00:00:00.000Z'), answer('later', '2099-01-01T00:00:00.000Z'), forget];
    writeFileSync(file, formatProgress(entries));
    const plan = planProgressMerge(home, file, Date.parse(NOW));
    expect(plan.future).toEqual({ count: 1, latest: '2099-01-01T00:00:00.000Z' });
    expect(plan.forgets).toBe(1);
    const refused = amgi(['import', '--progress', file], { AMGI_HOME: home, AMGI_NOW: NOW });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('dated in the future (latest 2099-01-01');
    expect(refused.stderr).toContain('resets cards to new');
    expect(refused.stderr).toContain('nothing merged');
    expect(readLog(home).entries).toEqual([]);
    const merged = amgi(['import', '--progress', file, '--yes'], { AMGI_HOME: home, AMGI_NOW: NOW });
    expect(merged.code, merged.stderr).toBe(0);
    expect(readLog(home).entries.map((e) => e.id).sort()).toEqual(['f', 'later', 'now']);
  });
});

describe('all or nothing', () => {
  test('a write that fails part-way (a full disk) leaves the log exactly as it was', () => {
    appendEntries(home, [answer('mine', '2026-03-01T00:00:00.000Z')]);
    const before = readFileSync(join(home, 'reviews.jsonl'));
    const file = join(other, 'p.jsonl');
    const many = Array.from({ length: 5000 }, (_, i) => answer(`x${i}`, new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString(), `k-${i % 50}`));
    writeFileSync(file, formatProgress(many));
    const plan = planProgressMerge(home, file, Date.parse(NOW));
    expect(plan.add.size).toBe(5000);
    let calls = 0;
    const failing = (fd: number, buf: Buffer, off?: number, len?: number) => {
      if (++calls === 1) return writeSync(fd, buf, off, Math.min(len ?? buf.length, 1000)); // a short write, then the disk is full
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(() => applyProgressMerge(home, plan, { write: failing as typeof writeSync })).toThrow(/ENOSPC/);
    expect(readFileSync(join(home, 'reviews.jsonl'))).toEqual(before);
    // Space again: the same plan completes.
    applyProgressMerge(home, plan);
    expect(readLog(home).entries).toHaveLength(5001);
  });
});

describe('big histories stream', () => {
  test('an export over 50 MB (the old limit) imports, and a second import adds nothing', () => {
    // ~340k entries written straight to the log (the generator, not the store, is what is slow).
    const fd = openSync(join(home, 'reviews.jsonl'), 'w');
    let lines: string[] = [];
    for (let i = 0; i < 340_000; i++) {
      lines.push(JSON.stringify(answer(`e${i}`, new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), `deck-${String(i % 5000).padStart(5, '0')}`, { deck: 'deck' })));
      if (lines.length === 20_000) {
        writeSync(fd, `${lines.join('\n')}\n`);
        lines = [];
      }
    }
    closeSync(fd);
    const file = join(other, 'all.jsonl');
    expect(exportProgressFile(home, file).entries).toBe(340_000);
    expect(statSync(file).size).toBeGreaterThan(50 * 1024 * 1024);
    expect(readFileSync(file, 'utf8').slice(0, 60)).toContain(progressHeader(340_000));
    // What `amgi import --progress` does before updating state.bin (timed by npm run bench -- trust).
    const first = planProgressMerge(other, file, Date.parse(NOW));
    expect(first.add.size).toBe(340_000);
    applyProgressMerge(other, first);
    const again = planProgressMerge(other, file, Date.parse(NOW));
    expect(again).toMatchObject({ known: 340_000 });
    expect(new Set(again.add)).toEqual(new Set());
    // Buffer.equals: a deep toEqual over 50 MB walks every byte as a value.
    expect(readFileSync(join(other, 'reviews.jsonl')).equals(readFileSync(join(home, 'reviews.jsonl')))).toBe(true);
  }, 240_000);
});

describe('a small merge reads only the cards it touches', () => {
  test('with index.bin, the plan (known, new, conflicts) equals the one from a whole-log scan', async () => {
    const { openProgress } = await import('../../src/store/progress.js');
    const { indexPath } = await import('../../src/store/entryIndex.js');
    const { rmSync, existsSync } = await import('node:fs');
    const local: LogEntry[] = Array.from({ length: 300 }, (_, i) => answer(`l${i}`, new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(), `k-${i % 30}`));
    // An undo here already: the index keeps its target's hash, not its id's, so its card is read whole.
    const undo: LogEntry = { v: 1, id: 'u1', at: '2026-01-20T00:00:00.000Z', op: 'undo', target: 'l5', key: 'k-5' };
    local.push(undo);
    appendEntries(home, local);
    // A rebuild writes index.bin (the first open has no snapshot).
    openProgress({ home, decks: [], now: () => new Date(NOW) }).close();
    expect(existsSync(indexPath(home))).toBe(true);
    const file = join(other, 'p.jsonl');
    const changed = { ...(local[7] as AnswerEntry), grade: 1 as const };
    writeFileSync(file, formatProgress([local[3]!, changed, undo, answer('n1', '2026-01-02T05:00:00.000Z', 'k-3'), answer('n2', '2026-02-01T00:00:00.000Z', 'k-99')]));
    const { statSync } = await import('node:fs');
    const was = statSync(indexPath(home));
    const byCard = planProgressMerge(home, file, Date.parse(NOW));
    // Read and not extended (the log did not grow): not written again (8 MB at 1M entries).
    const now = statSync(indexPath(home));
    expect([now.ino, now.mtimeMs]).toEqual([was.ino, was.mtimeMs]);
    rmSync(indexPath(home));
    const byScan = planProgressMerge(home, file, Date.parse(NOW));
    expect({ ...byCard, index: undefined }).toEqual(byScan);
    expect(byCard).toMatchObject({ known: 3, conflicts: ['l7'] });
    expect(new Set(byCard.add)).toEqual(new Set(['n1', 'n2']));
  });
});

test('a merge into a home with index.bin but no log yet (a store opened, nothing answered) takes everything', async () => {
  const { openProgress } = await import('../../src/store/progress.js');
  const { indexPath } = await import('../../src/store/entryIndex.js');
  const { existsSync } = await import('node:fs');
  openProgress({ home, decks: [], now: () => new Date(NOW) }).close();
  expect(existsSync(indexPath(home))).toBe(true);
  expect(existsSync(join(home, 'reviews.jsonl'))).toBe(false);
  const file = join(other, 'p.jsonl');
  writeFileSync(file, formatProgress([answer('a', '2026-01-01T00:00:00.000Z')]));
  expect(new Set(planProgressMerge(home, file, Date.parse(NOW)).add)).toEqual(new Set(['a']));
});
