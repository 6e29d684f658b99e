/** Where amgi keeps things. AMGI_HOME overrides the per-user config folder (tests use it). */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syncDirOf } from './syncConfig.js';

export function amgiHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AMGI_HOME) return env.AMGI_HOME;
  // The same folder conf picks for projectName 'amgi' with projectSuffix '' (env-paths).
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Preferences', 'amgi');
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'amgi', 'Config');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'amgi');
}

/**
 * Where the user's own files live (decks/, aliases.json): the sync folder when sync is on, so an
 * imported deck has its cards on every machine that has its history; else $AMGI_HOME.
 */
function userFilesDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = amgiHome(env);
  return syncDirOf(home, env)?.dir ?? home;
}

export function userDecksDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(userFilesDir(env), 'decks');
}

export function userAliasesPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userFilesDir(env), 'aliases.json');
}

/** The decks shipped with the package: `<package>/decks`, found from the bundle's location. */
export function bundledDecksDir(): string {
  // dist/amgi-main.js and dist/chunks/*.mjs both sit under <package>/dist; src/ files under <package>/src/...
  const here = fileURLToPath(import.meta.url);
  const idx = Math.max(here.lastIndexOf(`${join('/', 'dist')}/`), here.lastIndexOf(`${join('/', 'src')}/`));
  return join(idx >= 0 ? here.slice(0, idx) : process.cwd(), 'decks');
}

/** Whether `path` is a folder (false when it is missing or cannot be read). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
