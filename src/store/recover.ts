/** Moving a damaged file aside: it is never overwritten or deleted, and the user is told where it went. */
import { existsSync, renameSync } from 'node:fs';

/** `<file>.<tag>-<timestamp>`, numbered (`-2`, `-3`…) when that name is taken. */
export function freePath(file: string, tag: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let target = `${file}.${tag}-${stamp}`;
  for (let i = 2; existsSync(target); i++) target = `${file}.${tag}-${stamp}-${i}`;
  return target;
}

/** Rename `file` to `<file>.corrupt-<timestamp>` and return the new path. */
export function moveAside(file: string, now: Date): string {
  const target = freePath(file, 'corrupt', now);
  renameSync(file, target);
  return target;
}
