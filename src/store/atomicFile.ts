/** Atomic file writes shared by the log, the snapshot, imports, exports and the caches. */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write `data` (text as UTF-8) to `file` atomically (temp file + fsync + rename), creating the
 * folder. `durable: false` (caches, which can be rebuilt) skips both fsyncs: a reader still sees
 * the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: { durable?: boolean } = {}): void {
  const durable = opts.durable ?? true;
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let done = 0;
      while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  // The rename must be durable too.
  if (durable) syncDir(dir);
}

/** fsync a folder so a new or renamed entry in it is durable. */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the file's own fsync still holds the data.
  }
}
