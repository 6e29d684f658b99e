/**
 * The data folder checked before a command opens the store: a place amgi cannot use (a file,
 * a symbolic link loop, a folder it may not read or write, a read-only disk, a path where no
 * folder can be created) or a review log it cannot read (a folder, a loop, a pipe, no
 * permission), or a pipe named state.bin or settings.json, is one clear StoreError naming the
 * path and the cause, before any read or write could fail half-way, hang (a pipe) or be taken
 * for damage. A few system calls and the one
 * listing of the folder that the temp-file cleanup needs anyway.
 */
import { accessSync, closeSync, constants, openSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StoreError } from '../core/errors.js';
import { fsCause, msg } from '../core/messages.js';
import { ensureDir } from './atomicFile.js';
import { cleanTempFiles } from './housekeeping.js';
import { logPath } from './log.js';
import { settingsPath } from './settings.js';

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;

/**
 * snapshot.ts's SNAPSHOT_FILE, not imported: this module runs on every `amgi status`, and
 * importing snapshot.ts made the prompt load the whole store (ts-fsrs included) even when the
 * answer is read from the cache (+7 ms, measured). tests/store/home.test.ts keeps the two equal.
 */
export const SNAPSHOT_NAME = 'state.bin';

/** Check (creating it if missing) the data folder and its review log, then remove temp files of killed writes. */
export function openHome(home: string, nowMs = Date.now()): void {
  const unusable = (cause: string) => new StoreError(msg().homeUnusable(home, cause), home);
  try {
    ensureDir(home);
  } catch (e) {
    // mkdir's ENOENT under a parent that exists: a place where folders cannot be made (/proc).
    throw unusable(errno(e) === 'ENOENT' ? msg().homeNotCreatable(fsCause(e)) : fsCause(e));
  }
  let names: string[];
  try {
    if (!statSync(home).isDirectory()) throw unusable(msg().homeNotFolder);
    names = readdirSync(home);
    // Every store command may write (an answer, state.bin, a merge): a read-only disk fails here, not mid-write.
    accessSync(home, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw e instanceof StoreError ? e : unusable(fsCause(e));
  }
  checkLog(logPath(home));
  for (const file of storeFiles(home).slice(1)) checkNotSpecial(file);
  cleanTempFiles(home, nowMs, names);
}

/** The files the store owns in `home`: never a pipe, never the target of an export. */
export function storeFiles(home: string): string[] {
  return [logPath(home), join(home, SNAPSHOT_NAME), settingsPath(home)];
}

/** Whether writing to `path` would write over one of the store's own files (through a link or another spelling too). */
export function isStoreFile(home: string, path: string): boolean {
  const target = identity(path);
  return storeFiles(home).some((f) => {
    const own = identity(f);
    return own.ino !== undefined && target.ino !== undefined ? own.dev === target.dev && own.ino === target.ino : own.path === target.path;
  });
}

/** A path's file (device and inode) when it exists, else its canonical spelling (the folder's real path). */
function identity(path: string): { dev?: number; ino?: number; path: string } {
  try {
    const st = statSync(path);
    return { dev: st.dev, ino: st.ino, path };
  } catch {
    let dir = dirname(resolve(path));
    try {
      dir = realpathSync(dir);
    } catch {
      // A folder that does not exist cannot hold a store file either.
    }
    return { path: join(dir, basename(path)) };
  }
}

function checkLog(file: string): void {
  const unusable = (cause: string) => new StoreError(msg().logUnusable(file, cause), file);
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw unusable(fsCause({ code: 'EISDIR' }));
    if (!st.isFile()) throw unusable(msg().notRegularFile);
    closeSync(openSync(file, 'r'));
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if (errno(e) !== 'ENOENT') throw unusable(fsCause(e));
  }
}

/**
 * state.bin and settings.json: a pipe, socket or device would block their first read forever.
 * Anything else that cannot be read is moved aside and rebuilt by the store.
 */
function checkNotSpecial(file: string): void {
  let st: Stats;
  try {
    st = statSync(file);
  } catch {
    return;
  }
  if (!st.isFile() && !st.isDirectory()) throw new StoreError(msg().fileUnusable(file, msg().notRegularFile), file);
}
