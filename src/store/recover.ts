/** Moving a damaged file aside: it is never overwritten or deleted, and the user is told where it went. */
import { existsSync, renameSync } from 'node:fs';

/** Rename `file` to `<file>.corrupt-<timestamp>` and return the new path. */
export function moveAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let target = `${file}.corrupt-${stamp}`;
  for (let i = 2; existsSync(target); i++) target = `${file}.corrupt-${stamp}-${i}`;
  renameSync(file, target);
  return target;
}
