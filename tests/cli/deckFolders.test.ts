/**
 * F12: a deck folder that cannot be listed is reported, never "all decks valid"; a pipe, socket
 * or device named *.json is skipped with a warning and never opened (a pipe hung every command).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { amgi, BIN } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';

const MINI = fileURLToPath(new URL('../fixtures/decks/good/mini.json', import.meta.url));
let t: ReturnType<typeof tmpHome>;
let decks: string;
beforeEach(() => {
  t = tmpHome();
  decks = join(t.home, 'decks');
});
afterEach(() => t.cleanup());

/** amgi with a short timeout: a hang is a failure, not a stuck suite. */
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env: { ...process.env, AMGI_HOME: t.home, NO_COLOR: '1' }, timeout: 15_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

describe('a deck folder that cannot be listed', () => {
  const cases: [string, () => void, string][] = [
    ['a symbolic link loop', () => symlinkSync(decks, decks), '(ELOOP)'],
    ['a file where the folder should be', () => writeFileSync(decks, 'x'), '(ENOTDIR)'],
  ];
  for (const [what, make, cause] of cases) {
    test(`${what}: validate fails, decks and status say so on stderr`, () => {
      make();
      const line = `cannot read this deck folder: `;
      const validate = run('validate');
      expect(validate.code).toBe(1);
      expect(validate.stdout).not.toContain('all decks valid');
      expect(validate.stderr).toContain(line);
      expect(validate.stderr).toContain(cause);
      for (const cmd of ['decks', 'status']) {
        const r = run(cmd);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain(`${line}`);
        expect(r.stderr).toContain(cause);
      }
      // Said on every run, not only until the status answer is cached.
      expect(run('status').stderr).toContain(cause);
    });
  }

  test.runIf(process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v setpriv']).status === 0)('chmod 000, as a user it applies to (nobody): EACCES is reported', () => {
    chmodSync(t.home, 0o755);
    mkdirSync(decks, { mode: 0o000 });
    spawnSync('chown', ['65534:65534', t.home]);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'validate'], { encoding: 'utf8', env: { ...process.env, AMGI_HOME: t.home }, timeout: 15_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('all decks valid');
    expect(r.stderr).toContain('cannot read this deck folder: permission denied (EACCES)');
  });
});

describe('a pipe or device named *.json in a deck folder', () => {
  beforeEach(() => {
    mkdirSync(decks);
    copyFileSync(MINI, join(decks, 'mini.json'));
  });

  test.each([
    ['a named pipe', (f: string) => spawnSync('mkfifo', [f])],
    ['a device (a link to /dev/null)', (f: string) => symlinkSync('/dev/null', f)],
  ])('%s is skipped with a warning; the other decks load; no command hangs', (_, make) => {
    const special = join(decks, 'special.json');
    make(special);
    for (const cmd of ['status', 'decks', 'validate']) {
      const r = run(cmd);
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toContain('special.json: warning: not a regular file (a pipe, socket or device); skipped');
    }
    expect(run('decks').stdout).toContain('mini');
    expect(run('validate').stdout).toContain('all decks valid');
    // Named on the command line: an error, still never opened.
    const direct = run('validate', special);
    expect(direct.code).toBe(1);
    expect(direct.stderr).toContain('not a regular file');
  });
});

test('an ordinary missing user deck folder is no problem', () => {
  const r = amgi(['validate'], { AMGI_HOME: t.home });
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
});
