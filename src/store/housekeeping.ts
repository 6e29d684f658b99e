/**
 * Files that pile up in $AMGI_HOME: temp files of writes killed half-way (a full copy of the
 * log or of state.bin each, ~10 MB at 100k cards) and the log backups merges keep.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseTempName } from './atomicFile.js';
import { LOG_FILE } from './log.js';

/** A temp file this old is abandoned even if its pid is alive again (pids are reused). */
export const TEMP_MAX_AGE_MS = 60_000;
export const KEEP_BACKUPS = 3;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temp files of killed writes from `home` (one readdir; best effort): those whose
 * writer is gone, or that were last written more than a minute ago. Returns the names removed.
 * `names`: the folder's listing, when the caller has read it already.
 */
export function cleanTempFiles(home: string, nowMs = Date.now(), names?: string[]): string[] {
  const removed: string[] = [];
  try {
    for (const name of names ?? readdirSync(home)) {
      const t = parseTempName(name);
      if (!t) continue;
      const file = join(home, name);
      const st = lstatSync(file);
      if (!st.isFile() || (alive(t.pid) && nowMs - st.mtimeMs < TEMP_MAX_AGE_MS)) continue;
      rmSync(file, { force: true });
      removed.push(name);
    }
  } catch {
    // A folder we cannot list or clean is reported by whoever needs it; leftovers only cost space.
  }
  return removed;
}

const BACKUP = new RegExp(`^${LOG_FILE.replace('.', '\\.')}\\.before-merge-(\\d{8}T\\d{6}Z)(?:-(\\d+))?$`);

/**
 * Keep only the newest `keep` merge backups of the log (`reviews.jsonl.before-merge-<stamp>[-n]`,
 * freePath's names): each is a full copy of the log (170 MB at 1M entries). Returns the names removed.
 */
export function pruneBackups(home: string, keep = KEEP_BACKUPS): string[] {
  let names: string[];
  try {
    names = readdirSync(home);
  } catch {
    return [];
  }
  const backups = names
    .map((name) => ({ name, m: BACKUP.exec(name) }))
    .filter((b): b is { name: string; m: RegExpExecArray } => b.m !== null)
    // By stamp, then by the -n freePath adds within one second ("-10" after "-9").
    .sort((a, b) => a.m[1]!.localeCompare(b.m[1]!) || Number(a.m[2] ?? 1) - Number(b.m[2] ?? 1));
  const removed: string[] = [];
  for (const { name } of backups.slice(0, Math.max(0, backups.length - keep))) {
    try {
      rmSync(join(home, name), { force: true });
      removed.push(name);
    } catch {
      // Kept: a later prune tries again.
    }
  }
  return removed;
}
