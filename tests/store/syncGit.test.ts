/** store/syncGit.ts: commit this machine's file, pull --rebase, push — one call, a result per outcome. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { deck } from './fixtures.js';
import { rng, study } from './syncHarness.js';
import { readSyncConfig, saveSyncDir } from '../../src/store/syncConfig.js';
import { deviceFileName } from '../../src/store/syncFolder.js';
import { gitSync } from '../../src/store/syncGit.js';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ home: root, cleanup } = tmpHome('amgi-git-')));
afterEach(() => cleanup());

const decks = [deck('g', 10)];
const now = () => new Date(Date.UTC(2026, 2, 1, 10));
function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
function machine(folder: string) {
  const home = join(root, 'home');
  saveSyncDir(home, folder);
  const m = { home, folder, device: readSyncConfig(home).device!, skew: 0 };
  study(m, decks, Date.UTC(2026, 2, 1, 9), 3, rng(1));
  return m;
}

test('sync off, or a folder that is no work tree: one clear error', () => {
  expect(() => gitSync(join(root, 'home'), {}, now)).toThrow(/sync is off/);
  const folder = join(root, 'plain');
  mkdirSync(folder);
  const m = machine(folder);
  expect(() => gitSync(m.home, {}, now)).toThrow(/is not a git work tree/);
});

test('no remote: committed, and said so; with a bare remote: pushed, this machine’s file only', () => {
  const folder = join(root, 'repo');
  mkdirSync(folder);
  git(folder, 'init', '-q', '-b', 'main');
  const m = machine(folder);
  expect(gitSync(m.home, {}, now)).toEqual({ done: 'no-remote', dir: folder });
  expect(git(folder, 'log', '--name-only', '--format=').split('\n').filter(Boolean)).toEqual([deviceFileName(m.device)]);
  const remote = join(root, 'remote.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(folder, 'remote', 'add', 'origin', remote);
  expect(gitSync(m.home, {}, now)).toMatchObject({ done: 'pushed', file: deviceFileName(m.device), remote: 'origin', branch: 'main' });
  expect(git(remote, 'log', '--format=%s', 'main')).toMatch(new RegExp(`^amgi: ${m.device} `));
});
