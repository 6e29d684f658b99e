/** Where amgi keeps things. AMGI_HOME overrides the per-user config folder (tests use it). */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function amgiHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AMGI_HOME) return env.AMGI_HOME;
  // The same folder conf picks for projectName 'amgi' with projectSuffix '' (env-paths).
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Preferences', 'amgi');
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'amgi', 'Config');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'amgi');
}

export function userDecksDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(amgiHome(env), 'decks');
}

/** The decks shipped with the package: `<package>/decks`, found from the bundle's location. */
export function bundledDecksDir(): string {
  // dist/amgi.mjs and dist/chunks/*.mjs both sit under <package>/dist; src/ files under <package>/src/...
  const here = fileURLToPath(import.meta.url);
  const idx = Math.max(here.lastIndexOf(`${join('/', 'dist')}/`), here.lastIndexOf(`${join('/', 'src')}/`));
  return join(idx >= 0 ? here.slice(0, idx) : process.cwd(), 'decks');
}
