/**
 * F6: a data folder or review log amgi cannot use is one line naming the path and the cause,
 * exit 1, no stack trace, never a hang — for every command that opens the store.
 *
 * Permission cases need a user that permissions apply to: tests run as root, which reads a
 * chmod 000 file anyway, so those run the CLI as `nobody` through setpriv (skipped when not
 * root or setpriv is missing). The read-only and full-disk cases mount a tmpfs in a private
 * mount namespace (unshare -m; root only).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BIN, type CliResult } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
let t: ReturnType<typeof tmpHome>;
beforeEach(() => {
  t = tmpHome();
  chmodSync(t.home, 0o755); // `nobody` must be able to walk into it
});
afterEach(() => t.cleanup());

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const isRoot = process.getuid?.() === 0;
const asNobody = isRoot && has('setpriv');
const canMount = isRoot && has('unshare') && spawnSync('unshare', ['-m', 'true']).status === 0;

/** The commands that open the store, each as a user would type it. */
const COMMANDS: [string, string[]][] = [
  ['status', ['status']],
  ['stats', ['stats']],
  ['export --progress', ['export', '--progress', '-']],
  ['export a deck', ['export', '--format', 'json', '--deck', 'cncf']],
  ['import notes', ['import', `${FIX}obsidian.md`, '--yes']],
  ['import --progress', ['import', '--progress', `${FIX}progress-broken.jsonl`]],
];

function expectOneLine(r: CliResult, ...parts: string[]): void {
  expect(r.code, r.stderr).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  for (const p of parts) expect(lines[0]).toContain(p);
  expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
}

/** Run the built amgi under another program (setpriv, unshare) with a short timeout: a hang fails. */
function amgiVia(prefix: string[], args: string[], env: Record<string, string>): CliResult {
  const r = spawnSync(prefix[0]!, [...prefix.slice(1), process.execPath, BIN, ...args], {
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...env },
    timeout: 15_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('AMGI_HOME that cannot be used', () => {
  const cases: [string, () => string, string][] = [
    [
      'a regular file',
      () => {
        writeFileSync(join(t.home, 'file'), 'x');
        return join(t.home, 'file');
      },
      'it is a file, not a folder',
    ],
    [
      'a symbolic link loop',
      () => {
        symlinkSync(join(t.home, 'loop'), join(t.home, 'loop'));
        return join(t.home, 'loop');
      },
      '(ELOOP)',
    ],
    [
      'under a regular file',
      () => {
        writeFileSync(join(t.home, 'file'), 'x');
        return join(t.home, 'file', 'amgi');
      },
      '(ENOTDIR)',
    ],
  ];
  if (existsSync('/proc/self')) cases.push(['impossible to create (/proc/nope: spun forever)', () => '/proc/nope', 'cannot be created']);
  for (const [what, make, cause] of cases) {
    test.each(COMMANDS)(`${what}: %s`, (_, args) => {
      const home = make();
      const r = amgiVia(['env'], args, { AMGI_HOME: home });
      expectOneLine(r, home, cause);
    });
  }

  test.runIf(has('script'))('the TUI (a real terminal) prints the same line instead of a stack trace', () => {
    writeFileSync(join(t.home, 'file'), 'x');
    const r = amgiVia(['env'], [], { AMGI_HOME: join(t.home, 'file') }); // not a terminal: said so
    expect(r.code).toBe(1);
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${BIN} review`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, AMGI_HOME: join(t.home, 'file'), NO_COLOR: '1' },
      timeout: 15_000,
    });
    expect(tty.status).toBe(1);
    expect(tty.stdout.trim()).toBe(`amgi: cannot use the data folder ${join(t.home, 'file')} (AMGI_HOME): it is a file, not a folder`);
  });

  test('in Korean: one line, the particle on a word (not 을(를) after the path), 없습니다 once', () => {
    writeFileSync(join(t.home, 'file'), 'x');
    const file = amgiVia(['env'], ['status', '--lang', 'ko'], { AMGI_HOME: join(t.home, 'file') });
    expectOneLine(file);
    expect(file.stderr).toBe(`amgi: 데이터 폴더(AMGI_HOME)를 쓸 수 없습니다: ${join(t.home, 'file')} — 폴더가 아니라 파일임\n`);
    if (!existsSync('/proc/self')) return;
    const proc = amgiVia(['env'], ['status', '--lang', 'ko'], { AMGI_HOME: '/proc/nope' });
    expectOneLine(proc);
    expect(proc.stderr).toBe('amgi: 데이터 폴더(AMGI_HOME)를 쓸 수 없습니다: /proc/nope — 이곳에는 만들 수 없음: 그런 파일이나 폴더가 없음 (ENOENT)\n');
  });

  test.runIf(asNobody)('a folder the user may not read (chmod 000, as nobody)', () => {
    const home = join(t.home, 'locked');
    mkdirSync(home, { mode: 0o000 });
    for (const [, args] of COMMANDS) expectOneLine(amgiVia(['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'], args, { AMGI_HOME: home }), home, '(EACCES)');
  });

  test.runIf(canMount)('a read-only disk (EROFS)', () => {
    const home = join(t.home, 'ro');
    mkdirSync(home);
    const mountRo = ['unshare', '-m', 'sh', '-c', `mount -t tmpfs -o ro,size=1m tmpfs "${home}" && exec "$@"`, 'sh'];
    for (const [, args] of COMMANDS) expectOneLine(amgiVia(mountRo, args, { AMGI_HOME: home }), home, '(EROFS)');
  });
});

describe('a review log that cannot be read', () => {
  const cases: [string, (file: string) => void, string][] = [
    ['a folder (EISDIR)', (f) => mkdirSync(f), '(EISDIR)'],
    ['a symbolic link loop (ELOOP)', (f) => symlinkSync(f, f), '(ELOOP)'],
    ['a named pipe (hung)', (f) => spawnSync('mkfifo', [f]), 'not a regular file'],
  ];
  for (const [what, make, cause] of cases) {
    test.each(COMMANDS)(`${what}: %s`, (_, args) => {
      const log = join(t.home, 'reviews.jsonl');
      make(log);
      expectOneLine(amgiVia(['env'], args, { AMGI_HOME: t.home }), log, cause);
    });
  }

  test.each(['state.bin', 'settings.json'])('a named pipe called %s is refused, not read (it hung)', (name) => {
    spawnSync('mkfifo', [join(t.home, name)]);
    expectOneLine(amgiVia(['env'], ['status'], { AMGI_HOME: t.home }), join(t.home, name), 'not a regular file');
  });

  test.runIf(asNobody)('a log the user may not read (chmod 000, as nobody: EACCES)', () => {
    const log = join(t.home, 'reviews.jsonl');
    writeFileSync(log, '');
    chmodSync(log, 0o000);
    chownSync(t.home, 65534, 65534);
    for (const [, args] of COMMANDS) expectOneLine(amgiVia(['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'], args, { AMGI_HOME: t.home }), log, '(EACCES)');
  });
});

describe('a full disk (ENOSPC)', () => {
  test.runIf(canMount)('import notes.md --yes: one line naming the deck file, exit 1, nothing written (no deck, no temp file)', () => {
    const home = join(t.home, 'full');
    mkdirSync(home);
    // A 256 KB tmpfs with the decks folder made, then filled: the deck write is what fails.
    const script = `mount -t tmpfs -o size=256k tmpfs "${home}" && mkdir "${home}/decks" && (dd if=/dev/zero of="${home}/filler" bs=4k 2>/dev/null; true) && "$@"; rc=$?; echo LISTING; ls -A "${home}/decks"; exit $rc`;
    const r = amgiVia(['unshare', '-m', 'sh', '-c', script, 'sh'], ['import', `${FIX}obsidian.md`, '--yes'], { AMGI_HOME: home });
    expectOneLine(r, `could not write ${join(home, 'decks', 'obsidian.json')}: no space left on the disk (ENOSPC)`);
    // The listing of decks/ after the run (printed by the script): empty.
    expect(r.stdout.split('LISTING\n')[1]).toBe('');
  });
});

test.runIf(existsSync('/proc/self'))('commands that do not open the store still work with a data folder that cannot be created (no hang)', () => {
  // They fill the deck and search caches there, best effort: the cache folder could not be made either.
  for (const args of [['decks'], ['search', 'docker'], ['validate']]) {
    const r = amgiVia(['env'], args, { AMGI_HOME: '/proc/nope' });
    expect(r.code, r.stderr).toBe(0);
  }
});
