/**
 * The last `amgi status` answer, `$AMGI_HOME/cache/status-<hash of the deck files>.json`, kept with a key made of every
 * input it was computed from: the stat (size, mtime, ctime, inode) of the review log, the
 * settings file and each deck file (and the list of deck files), the settings text, the study
 * day and its bounds in local time, and the code that computed it. A shell prompt runs status
 * after every command; while nothing changed, the answer is read instead of loading the store.
 *
 * Never stale: an answer is stored only when every input file but the append-only log was last
 * modified more than RACY_MS before its stat was taken (an edit within the same timestamp tick
 * keeps a stat), it
 * produced no notices (those must be shown on every run), and it cannot depend on the time of
 * day (see the status command). Any later change to an input changes its stat, and so the key.
 */
import { readFileSync, statSync } from 'node:fs';
import { nameHash } from '../core/crypto.js';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayStart, studyDay } from '../core/schedule/day.js';
import { isRacy } from './deckCache.js';
import { logPath } from './log.js';
import { readSealed, writeSealed } from './sealed.js';
import { SETTINGS_VERSION } from './migrations.js';
import { sanitizeSettings, settingsPath } from './settings.js';
import { syncDirOf } from './syncConfig.js';
import { deviceFiles } from './syncFolder.js';

const STATUS_CACHE_FORMAT = 2;

/** One file per set of deck files (`--decks DIR` or the default), so prompts in different projects keep theirs. */
export function statusCachePath(home: string, scope: string): string {
  return join(home, 'cache', `status-${nameHash(scope)}.json`);
}

export interface StatusKey {
  /** The key text; equal keys mean equal inputs. */
  key: string;
  /** The deck files' paths: which cache file holds the answer. */
  scope: string;
  /** Every input file is old enough for its stat to be trusted: an answer may be stored. */
  storable: boolean;
  /** The study day the key is for. */
  today: number;
}

/** One input file as a key part (absent, or its stat), and whether that stat may still change unseen. */
function fileStat(path: string, checkedAt: number): { part: (string | number)[]; racy: boolean } {
  try {
    const st = statSync(path);
    return { part: [resolve(path), st.size, st.mtimeMs, st.ctimeMs, st.ino], racy: isRacy({ mtimeMs: st.mtimeMs, checkedAt }) };
  } catch {
    return { part: [resolve(path)], racy: false };
  }
}

/**
 * The key of a status run at `nowMs` over these deck files, or undefined when the settings
 * file is not a readable current-version file (its notices and migrations need a real run).
 */
export function statusKey(home: string, deckFiles: readonly { file: string; origin: string }[], nowMs: number): StatusKey | undefined {
  const checkedAt = Date.now();
  let racy = false;
  const parts: unknown[] = [STATUS_CACHE_FORMAT];
  /** `trusted`: a file whose every change alters its stat, however recent (see below). */
  const add = (path: string, trusted = false) => {
    const f = fileStat(path, checkedAt);
    if (f.racy && !trusted) racy = true;
    return f.part;
  };
  // The code: this module's file. Every build rewrites every chunk (new inode and mtime), so a
  // new build never reads an answer computed by the old one.
  parts.push(add(fileURLToPath(import.meta.url), true));
  // The log only grows (whole-line appends) or is replaced by a rename (new inode), so any change
  // alters its size or inode: a status run right after a review session can store its answer.
  parts.push(add(logPath(home), true));
  const settingsFile = settingsPath(home);
  parts.push(add(settingsFile));
  // With sync on, another machine's answers arrive in the folder: an open merges them.
  const sync = syncDirOf(home);
  if (sync) {
    try {
      for (const n of deviceFiles(sync.dir)) parts.push(n, add(join(sync.dir, n), true));
    } catch {
      return undefined;
    }
  }
  let raw: Record<string, unknown> = {};
  let text: string | null = null;
  try {
    text = readFileSync(settingsFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  if (text !== null) {
    try {
      const parsed = JSON.parse(text) as { __internal__?: { migrations?: { version?: string } } } & Record<string, unknown>;
      if (parsed?.__internal__?.migrations?.version !== SETTINGS_VERSION) return undefined;
      raw = parsed;
    } catch {
      return undefined;
    }
  }
  parts.push(text);
  const { settings } = sanitizeSettings(raw);
  const today = studyDay(nowMs, settings.dayStartHour);
  parts.push(today, dayStart(today, settings.dayStartHour).getTime(), dayStart(today + 1, settings.dayStartHour).getTime());
  for (const d of deckFiles) parts.push(d.origin, add(d.file));
  const scope = JSON.stringify(deckFiles.map((d) => resolve(d.file)));
  return { key: JSON.stringify(parts), scope, storable: !racy, today };
}

/** The stored answer for `key`, if there is one. A damaged file (checksum, sealed.ts) is a miss, deleted and rewritten. */
export function readStatusCache<T>(home: string, key: StatusKey): T | undefined {
  const payload = readSealed(statusCachePath(home, key.scope));
  if (!payload) return undefined;
  try {
    const entry = JSON.parse(payload.toString('utf8')) as { key?: unknown; value?: T } | null;
    return entry && entry.key === key.key ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

/** Store an answer (atomically; best effort: a read-only home just means no cache). */
export function writeStatusCache(home: string, key: StatusKey, value: unknown): void {
  try {
    writeSealed(statusCachePath(home, key.scope), JSON.stringify({ key: key.key, value }));
  } catch {
    // The next run computes the answer again.
  }
}
