/** Atomic file writes shared by the log, the snapshot, imports, exports and the caches. */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StoreError } from '../core/errors.js';
import { fsCause, msg } from '../core/messages.js';

/**
 * `mkdir -p` without Node's `{ recursive: true }`, which never returns where mkdir fails with
 * ENOENT under a parent that exists (`/proc/x`: `AMGI_HOME=/proc/nope amgi status` spun at
 * 100 % CPU). Missing folders are created top-down, one mkdir each; any failure is thrown.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); ; ) {
    try {
      statSync(d);
      break; // exists (a file here makes the mkdir below, or the caller's open, fail with ENOTDIR)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Temp files of writeFileAtomic: `.<name>.<pid>.<base-36 ms>.tmp`, next to the file. */
const TEMP_NAME = /^\..+\.(\d+)\.([0-9a-z]+)\.tmp$/;

function tempPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/** The writer's pid and start time of a temp file name, or undefined if it is not one. */
export function parseTempName(name: string): { pid: number; at: number } | undefined {
  const m = TEMP_NAME.exec(name);
  return m ? { pid: Number(m[1]), at: parseInt(m[2]!, 36) } : undefined;
}

/**
 * Write `data` (text as UTF-8, bytes, or parts of bytes in order) to `file` atomically (temp file + fsync + rename), creating the
 * folder. `durable: false` (caches, which can be rebuilt) skips both fsyncs: a reader still sees
 * the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | Uint8Array[], opts: { durable?: boolean } = {}): void {
  const durable = opts.durable ?? true;
  const dir = dirname(file);
  ensureDir(dir);
  const tmp = tempPath(file);
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      // Parts (a cache's arrays) are written one after the other: no copy into one buffer.
      for (const buf of typeof data === 'string' ? [Buffer.from(data, 'utf8')] : Array.isArray(data) ? data : [data]) {
        let done = 0;
        while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
      }
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

/**
 * writeFileAtomic for a file the user asked for (an imported deck, an export): a failure (a full
 * disk, no permission) is one StoreError naming that file, not the temp file, which is gone.
 */
export function writeUserFile(file: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(file, data);
  } catch (e) {
    throw new StoreError(msg().writeFailed(file, fsCause(e)), file);
  }
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
