/**
 * This machine's side of sync: `$AMGI_HOME/sync.json` holds the device id (made once, never
 * synced: two machines must never share one), its display name and the sync folder, if any.
 * AMGI_SYNC_DIR overrides the folder. Read on every open and before each answer (a window that
 * was open when `amgi sync --dir` ran starts syncing at its next answer): one small file read.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { nodeCrypto } from '../core/crypto.js';
import { writeFileAtomic } from './atomicFile.js';

const SYNC_CONFIG_FILE = 'sync.json';

export interface SyncConfig {
  device?: string;
  name?: string;
  dir?: string;
}

function syncConfigPath(home: string): string {
  return join(home, SYNC_CONFIG_FILE);
}

export function readSyncConfig(home: string): SyncConfig {
  try {
    const raw = JSON.parse(readFileSync(syncConfigPath(home), 'utf8')) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
    const device = str(raw.device);
    return { ...(device && DEVICE_ID.test(device) ? { device } : {}), ...(str(raw.name) ? { name: str(raw.name) } : {}), ...(str(raw.dir) ? { dir: str(raw.dir) } : {}) };
  } catch {
    // Missing or damaged: sync is off; `amgi sync` makes a new one.
    return {};
  }
}

/** The sync folder in effect, and where it was set. */
export function syncDirOf(home: string, env: NodeJS.ProcessEnv = process.env): { dir: string; from: 'env' | 'settings' } | undefined {
  if (env.AMGI_SYNC_DIR) return { dir: resolve(env.AMGI_SYNC_DIR), from: 'env' };
  const dir = readSyncConfig(home).dir;
  return dir ? { dir, from: 'settings' } : undefined;
}

/** Device ids are file names on every platform: lower-case letters, digits and dashes. */
const DEVICE_ID = /^[a-z0-9][a-z0-9-]{0,40}$/;

function newDeviceId(host: string): string {
  const slug = host.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20) || 'device';
  return `${slug}-${nodeCrypto().randomBytes(3).toString('hex')}`;
}

/** This machine's device id and name, made and saved the first time they are asked for. */
export function ensureDevice(home: string): { device: string; name: string } {
  const c = readSyncConfig(home);
  if (c.device && c.name) return { device: c.device, name: c.name };
  const name = c.name ?? hostname();
  const device = c.device ?? newDeviceId(name);
  writeFileAtomic(syncConfigPath(home), `${JSON.stringify({ ...c, device, name }, null, 2)}\n`);
  return { device, name };
}

/** Save the sync folder (undefined: sync off); the device id stays. */
export function saveSyncDir(home: string, dir: string | undefined): void {
  const { device, name } = ensureDevice(home);
  writeFileAtomic(syncConfigPath(home), `${JSON.stringify({ device, name, ...(dir ? { dir: resolve(dir) } : {}) }, null, 2)}\n`);
}
