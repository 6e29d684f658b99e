/**
 * `amgi sync` as one call per action: turn sync on (the learner's files copied into the folder
 * first), off (copied back), a step now (retried while another window holds the lock, then the
 * snapshot rebuilt), and what the folder holds. The steps themselves are store/syncFolder.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AmgiError } from '../core/errors.js';
import { cliText } from '../core/messages.js';
import { isCopyBesideOriginal, userFileConflictCopies } from './conflictCopy.js';
import { writeFileAtomic } from './atomicFile.js';
import { ensureDevice, saveSyncDir, syncDirOf } from './syncConfig.js';
import { syncReport, syncStep, type DeviceReport, type StepResult } from './syncFolder.js';
import { rebuildSnapshot } from './ledgerStore.js';
import { SETTINGS_FILE } from './settings.js';

/** The files that are the learner's, not the machine's: they live in the sync folder when sync is on. */
export function userFiles(from: string): string[] {
  const decks = join(from, 'decks');
  let names: string[] = [];
  try {
    names = readdirSync(decks).filter((n) => n.endsWith('.json') && !n.startsWith('.') && !isCopyBesideOriginal(decks, n));
  } catch {
    // no decks folder: nothing to carry
  }
  return [...names.map((n) => join('decks', n)), 'aliases.json', SETTINGS_FILE].filter((f) => existsSync(join(from, f)));
}

/** Copy `files` from one folder to another; `replace`: over files already there. Copies made. */
function copyFiles(files: string[], from: string, to: string, replace: boolean): number {
  let n = 0;
  for (const f of files) {
    const target = join(to, f);
    if (!replace && existsSync(target)) continue;
    // Atomic and durable: a kill mid-copy never leaves half a deck under the real name.
    writeFileAtomic(target, readFileSync(join(from, f)));
    n++;
  }
  return n;
}

/** A step now; undefined when sync is off. */
export function syncNow(home: string, env: NodeJS.ProcessEnv, now: () => Date): StepResult | undefined {
  // A window answering holds the lock for milliseconds: try a few times.
  for (let i = 0; ; i++) {
    const r = syncStep(home, { env, now: now().getTime() });
    if (!r?.busy || i >= 20) {
      if (r && r.merged > 0) rebuildSnapshot(home, { now });
      return r;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

export interface SyncOn {
  dir: string;
  /** The learner's files copied into the folder (none already there is replaced). */
  copied: number;
  /** AMGI_SYNC_DIR names another folder: it wins while it is set. */
  envOverride?: string;
  step?: StepResult;
}

export function turnSyncOn(home: string, env: NodeJS.ProcessEnv, dirArg: string, now: () => Date): SyncOn {
  const dir = resolve(dirArg);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new AmgiError(cliText().sync.isFile(dir));
  if (!existsSync(dir)) {
    if (!existsSync(dirname(dir))) throw new AmgiError(cliText().sync.noParent(dirname(dir)));
    mkdirSync(dir);
  }
  if (resolve(home) === dir) throw new AmgiError(cliText().sync.isHome);
  // The learner's files first, then the switch: a kill in between leaves sync off and the copies harmless.
  const copied = copyFiles(userFiles(home), home, dir, false);
  saveSyncDir(home, dir);
  const envOverride = env.AMGI_SYNC_DIR && resolve(env.AMGI_SYNC_DIR) !== dir ? env.AMGI_SYNC_DIR : undefined;
  const step = syncNow(home, env, now);
  return { dir, copied, ...(envOverride ? { envOverride } : {}), ...(step ? { step } : {}) };
}

/** undefined: it was off. Otherwise the folder it was, and the files copied back from it. */
export function turnSyncOff(home: string, env: NodeJS.ProcessEnv, now: () => Date): { dir: string; copied: number } | undefined {
  const where = syncDirOf(home, env);
  if (!where) return undefined;
  if (where.from === 'env') throw new AmgiError(cliText().sync.envKeepsOn);
  // A last step sends this machine's newest answers; the local log already holds the union.
  syncNow(home, env, now);
  const copied = copyFiles(userFiles(where.dir), where.dir, home, true);
  saveSyncDir(home, undefined);
  return { dir: where.dir, copied };
}

export interface SyncStatus {
  device: string;
  name: string;
  /** Absent: sync is off. */
  where?: { dir: string; from: 'env' | 'settings' };
  devices: DeviceReport[];
  /** Entries in other devices' files not replayed here yet. */
  pending: number;
  /** One line each, each once: the step's and the device files'. */
  problems: string[];
}

/** What the folder holds after `step` (undefined: sync off). */
export function syncStatus(home: string, env: NodeJS.ProcessEnv, step: StepResult | undefined, now: () => Date): SyncStatus {
  const { device, name } = ensureDevice(home);
  const where = syncDirOf(home, env);
  if (!where || !step) return { device, name, devices: [], pending: 0, problems: [] };
  const devices = syncReport(home, where.dir, device, now().getTime());
  const t = cliText().sync;
  const problems = [...step.problems];
  let pending = 0;
  for (const d of devices) {
    if (!d.own && !d.newer) pending += d.pending;
    if (d.torn) problems.push(t.torn(d.file));
    if (d.future) problems.push(t.future(d.file, d.future, d.device));
    if (d.conflictCopy) problems.push(t.deviceCopy(d.file));
  }
  for (const c of userFileConflictCopies(where.dir)) problems.push(t.userFileCopy(c.copy, c.original));
  return { device, name, where, devices, pending, problems: [...new Set(problems)] };
}
