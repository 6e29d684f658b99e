/**
 * Files that pile up in $AMGI_HOME: temp files of writes killed half-way (a full copy of
 * state.bin each, ~10 MB at 100k cards). Merges keep no backups: they only append to the log.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseTempName } from './atomicFile.js';

/** A temp file this old is abandoned even if its pid is alive again (pids are reused). */
const TEMP_MAX_AGE_MS = 60_000;

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
