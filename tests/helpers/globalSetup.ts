/**
 * No test may touch the real user folder. Every test passes a temporary AMGI_HOME; as a
 * second line of defence the whole run gets a sandbox HOME/XDG_CONFIG_HOME (children
 * inherit it), and the run fails if the real ~/.config/amgi changed anyway.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

function fingerprint(dir: string): string {
  if (!existsSync(dir)) return 'absent';
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = join(d, e.name);
      return e.isDirectory() ? walk(p) : [`${p}:${statSync(p).mtimeMs}:${statSync(p).size}`];
    });
  return walk(dir).sort().join('\n');
}

export default function setup() {
  const realAmgi = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'amgi');
  const before = fingerprint(realAmgi);
  const sandbox = mkdtempSync(join(tmpdir(), 'amgi-sandbox-home-'));
  process.env.HOME = sandbox;
  process.env.XDG_CONFIG_HOME = join(sandbox, '.config');
  delete process.env.AMGI_HOME;
  return () => {
    rmSync(sandbox, { recursive: true, force: true });
    if (fingerprint(realAmgi) !== before) throw new Error(`a test changed the real user folder ${realAmgi}`);
  };
}
