/**
 * V8's code cache for the CLI bundle, kept in `$AMGI_HOME/cache/code-<key>.bin`. Node 20 compiles
 * an ES module from source on every run (it has no module compile cache), so the CLI bundle is a
 * classic script (dist/amgi-main.js) that bin.ts compiles with `vm.Script` and the bytecode V8
 * produced last time: compiling it from source was ≈ 10 ms of a 100 ms `amgi status`.
 *
 * Never a wrong answer: the file name and its header (a sealed segment, sealed.ts) hold the
 * bundle's build hash, the Node version, the platform and Node's flags, and the length of the V8
 * data that follows (V8 itself refuses data made for another V8, flags or source length). The
 * data is checked by V8 itself: V8 trusts code cache bytes it is handed, and a flipped bit in
 * them aborted every command (`Fatal error … unreachable code`, exit 133, until the file was
 * deleted), so its own checksum check (`--verify-snapshot-checksum`, off in release builds) is
 * turned on before compiling; damaged data is then rejected and compiled from source (V8's
 * checksum costs < 0.1 ms here; hashing 300 KB in JavaScript cost more than the cache saves).
 * The flag is part of V8's flag hash, so data made without it is rejected too, never trusted.
 * It is written rarely (a new build, a command not run before), fsync'd before the rename that
 * publishes it. Best effort: a missing home is never created, a read-only one means compiling
 * from source.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { nameHash } from '../core/crypto.js';
import { dropDamaged, seal, segmentAt } from '../store/sealed.js';

/** The runs a cache file has seen: each command compiles other functions, and the next write adds them. */
interface Header {
  key: string;
  commands: string[];
  /** Bytes of V8 data after the header. */
  length: number;
}

export interface CachedScript {
  script: Script;
  /** 'hit': V8 took the stored code; 'miss': none was usable (absent, damaged, stale, rejected). */
  cache: 'hit' | 'miss';
  /** Store what this run compiled, when the file lacks it (call at exit: functions compile as they first run). */
  save(): void;
}

/** A bound on the command names kept in a header (any argv word can be one). */
const MAX_COMMANDS = 32;
/** Another key's file untouched this long is an old build's or Node's: deleted when a file is written. */
export const STALE_CODE_CACHE_MS = 7 * 24 * 3600 * 1000;

/** The cache's key: a change in any of these makes V8's data useless or unsafe to offer. */
export function codeCacheKey(build: string): string {
  return JSON.stringify([build, process.version, process.platform, process.arch, process.execArgv]);
}

export function codeCachePath(home: string, key: string): string {
  return join(home, 'cache', `code-${nameHash(key)}.bin`);
}

function readHeader(payload: Buffer, key: string): Header | undefined {
  try {
    const h = JSON.parse(payload.toString('utf8')) as Partial<Header> | null;
    return h?.key === key && Array.isArray(h.commands) && typeof h.length === 'number' ? (h as Header) : undefined;
  } catch {
    return undefined;
  }
}

/** The header and V8 data stored for `key`, or undefined (a damaged file is deleted). */
function readEntry(file: string, key: string): { header: Header; data: Buffer } | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = segmentAt(raw);
  const header = head?.intact() ? readHeader(head.payload, key) : undefined;
  if (header && raw.length - head!.end === header.length) return { header, data: raw.subarray(head!.end) };
  dropDamaged(file);
  return undefined;
}

/** `data` is made only once the temp file is open: in a read-only home, no run pays for createCachedData(). */
function writeEntry(home: string, file: string, key: string, commands: string[], data: () => Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    // Only inside an existing home: a run that created nothing (`amgi --version`) still creates nothing.
    mkdirSync(join(home, 'cache'), { recursive: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return;
  }
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch {
    return;
  }
  try {
    try {
      const bytes = data();
      writeSync(fd, Buffer.concat([seal(JSON.stringify({ key, commands, length: bytes.length } satisfies Header)), bytes]));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    sweep(file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // A temp file left in a folder we cannot write to: nothing more to do.
    }
  }
}

/**
 * Each build and Node version writes a file of its own (≈ 300 KB). A file in use is rarely
 * rewritten, so one of a build still in use may go too: it is written again on its next run.
 */
function sweep(kept: string): void {
  const dir = dirname(kept);
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!/^code-[0-9a-f]{16}\.bin$/.test(name) || name === basename(kept)) continue;
    try {
      if (now - statSync(join(dir, name)).mtimeMs > STALE_CODE_CACHE_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // Gone already, or not ours to delete: left.
    }
  }
}

/**
 * `source` (built as `build`) compiled as `filename`, with the code stored in `home` when it is
 * usable; `command` names the run, so that the file is written again when a new command has
 * compiled functions the stored code lacks.
 */
export function compileCached(source: string, filename: string, opts: { build: string; home: string | undefined; command: string }): CachedScript {
  const key = codeCacheKey(opts.build);
  const file = opts.home === undefined ? undefined : codeCachePath(opts.home, key);
  const entry = file === undefined ? undefined : readEntry(file, key);
  setFlagsFromString('--verify-snapshot-checksum');
  const script = new Script(source, { filename, cachedData: entry?.data });
  const cache = entry && script.cachedDataRejected === false ? 'hit' : 'miss';
  const known = cache === 'hit' ? entry!.header.commands : [];
  const save = () => {
    if (file === undefined || known.includes(opts.command)) return;
    writeEntry(opts.home!, file, key, [...known, opts.command].slice(-MAX_COMMANDS), () => script.createCachedData());
  };
  return { script, cache, save };
}
