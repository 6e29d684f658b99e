/**
 * Several machines on one: each a data folder with its own copy of the sync folder, and a
 * function that plays the sync tool between those copies (late, half a file, out of order,
 * conflict copies, an older version over a newer one).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Grade } from '../../src/core/schedule/types.js';
import type { LoadedDeck } from '../../src/core/deck/types.js';
import { openProgress } from '../../src/store/progress.js';
import { readSyncConfig, saveSyncDir } from '../../src/store/syncConfig.js';
import { readLog } from '../../src/store/log.js';
import { isConflictCopy } from '../../src/store/conflictCopy.js';

export interface Machine {
  home: string;
  folder: string;
  device: string;
  /** Clock offset of this machine (skew), ms. */
  skew: number;
}

export function machines(root: string, n: number, skews: number[] = []): Machine[] {
  return Array.from({ length: n }, (_, i) => {
    const home = join(root, `home${i}`);
    const folder = join(root, `folder${i}`);
    mkdirSync(folder, { recursive: true });
    saveSyncDir(home, folder);
    return { home, folder, device: readSyncConfig(home).device!, skew: skews[i] ?? 0 };
  });
}

/** A deterministic random source. */
export function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Answer `n` cards on machine `m` at real time `t` (its clock reads t + skew). Returns the entry ids written. */
export function study(m: Machine, decks: LoadedDeck[], t: number, n: number, rand: () => number): string[] {
  let now = t + m.skew;
  const p = openProgress({ home: m.home, decks, now: () => new Date(now), fuzz: false });
  const ids: string[] = [];
  let s = rand() < 0.5 ? p.startReview() : p.startCram({ reschedule: true });
  for (let i = 0; i < n; i++) {
    if (!s.current()) s = p.startCram({ reschedule: true });
    if (!s.current()) break;
    const r = s.answer((1 + Math.floor(rand() * 4)) as Grade, 1000);
    if (!r.otherWindow) ids.push(p.ledger.recent.at(-1)!.id);
    now += 30_000;
  }
  p.close();
  return ids;
}

export type Delivery = 'full' | 'partial' | 'skip' | 'conflict' | 'older';

/**
 * The sync tool carries the device files of `from` to `to` (never the file `to`'s own machine
 * writes: the tool propagates the newest version, which is that machine's). `mode` picks how.
 */
export function carry(from: Machine, to: Machine, mode: Delivery, rand: () => number): void {
  const names = readdirSync(from.folder).filter((n) => n.endsWith('.jsonl'));
  // Out of order: files in a random order, each with its own fate in mixed mode.
  names.sort(() => rand() - 0.5);
  for (const n of names) {
    if (n === `${to.device}.jsonl`) continue;
    const src = readFileSync(join(from.folder, n));
    const dst = join(to.folder, n);
    const had = existsSync(dst) ? readFileSync(dst) : Buffer.alloc(0);
    if (had.equals(src)) continue;
    // A conflict copy travels as it is (tools copy it on; they make copies of device files only).
    switch (isConflictCopy(n) && mode === 'conflict' ? 'full' : mode) {
      case 'skip':
        break;
      case 'full': {
        // Like Syncthing: a temp file renamed over the old one (a new inode every time).
        const tmp = join(to.folder, `.syncthing.${n}.tmp`);
        writeFileSync(tmp, src);
        renameSync(tmp, dst);
        break;
      }
      case 'partial': {
        // Half delivered, in place: the last line is cut (torn) somewhere after what was there.
        if (src.length <= had.length) break;
        const cut = had.length + 1 + Math.floor(rand() * (src.length - had.length - 1));
        writeFileSync(dst, src.subarray(0, cut));
        break;
      }
      case 'conflict': {
        // Both versions kept: the new one under a conflict copy's name, the old one stays.
        const stem = n.replace(/\.jsonl$/, '');
        const copy = rand() < 0.5 ? `${stem} (conflicted copy 2026-01-0${1 + Math.floor(rand() * 9)}).jsonl` : `${stem}.sync-conflict-20260101-120000-ABC${Math.floor(rand() * 1000)}.jsonl`;
        writeFileSync(join(to.folder, copy), src);
        break;
      }
      case 'older': {
        // A stale copy over a newer one (a tool restoring an old version): shorter than before.
        if (had.length === 0) break;
        const lines = had.toString('utf8').split('\n');
        writeFileSync(dst, lines.slice(0, Math.max(1, Math.floor(lines.length / 2))).join('\n') + '\n');
        break;
      }
    }
  }
}

/** Full deliveries between every pair, and a sync step on each machine, `rounds` times. */
export function settle(ms: Machine[], decks: LoadedDeck[], t: number, rounds = 2): void {
  const rand = rng(1);
  for (let r = 0; r < rounds; r++) {
    for (const m of ms) study(m, decks, t, 0, rand); // open + close: one step
    for (const a of ms) for (const b of ms) if (a !== b) carry(a, b, 'full', rand);
  }
  for (const m of ms) study(m, decks, t, 0, rand);
}

export function logIds(home: string): Set<string> {
  return new Set(readLog(home).entries.map((e) => e.id));
}
