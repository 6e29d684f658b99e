/**
 * `amgi sync --git`: two machines share a git repository through a local bare remote (no
 * network). Each commits only its own device file; pull --rebase never conflicts; a missing
 * remote and a refused push are one clear line.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { amgi } from '../helpers/cli.js';
import { deck } from '../store/fixtures.js';
import { rng, study, type Machine } from '../store/syncHarness.js';
import { readSyncConfig, saveSyncDir } from '../../src/store/syncConfig.js';
import { readLog } from '../../src/store/log.js';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ home: root, cleanup } = tmpHome('amgi-git-')));
afterEach(() => cleanup());

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
const decks = [deck('g', 20)];

function machine(name: string, remote?: string): Machine {
  const home = join(root, `home-${name}`);
  const folder = join(root, `repo-${name}`);
  if (remote) git(root, 'clone', '-q', remote, folder);
  else {
    mkdirSync(folder);
    git(folder, 'init', '-q', '-b', 'main');
  }
  saveSyncDir(home, folder);
  return { home, folder, device: readSyncConfig(home).device!, skew: 0 };
}
const sync = (m: Machine) => amgi(['sync', '--git'], { AMGI_HOME: m.home, AMGI_SYNC_DIR: undefined, ...GIT_ENV });

test('two machines through a bare remote: both end with every answer', () => {
  const remote = join(root, 'remote.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  const a = machine('a', remote);
  const b = machine('b', remote);
  const t = Date.UTC(2026, 2, 1, 9);
  const ida = study(a, decks, t, 5, rng(1));
  const idb = study(b, decks, t, 4, rng(2));
  const ra = sync(a);
  expect(ra.code, ra.stderr).toBe(0);
  expect(ra.stdout).toMatch(/pushed .*\.jsonl to origin\/main/);
  const rb = sync(b);
  expect(rb.code, rb.stderr).toBe(0);
  expect(rb.stdout).toMatch(/5 entries merged/);
  expect(sync(a).code).toBe(0);
  for (const m of [a, b]) {
    const ids = new Set(readLog(m.home).entries.map((e) => e.id));
    for (const id of [...ida, ...idb]) expect(ids.has(id)).toBe(true);
  }
  // Each commit touched only its machine's own file.
  const files = git(a.folder, 'log', '--name-only', '--format=').split('\n').filter(Boolean);
  expect(new Set(files)).toEqual(new Set([`${a.device}.jsonl`, `${b.device}.jsonl`]));
});

test('no remote, a refused push, not a work tree: one clear line each, exit 1', () => {
  const lone = machine('lone');
  study(lone, decks, Date.UTC(2026, 2, 1), 2, rng(3));
  const r = sync(lone);
  expect(r.code).toBe(1);
  expect(r.stderr.trim()).toMatch(/^amgi: committed in .*, but the repository has no remote to push to/);
  // A remote that refuses every push (a hook), as a protected branch would.
  const remote = join(root, 'refusing.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  writeFileSync(join(remote, 'hooks', 'pre-receive'), '#!/bin/sh\necho "protected branch" >&2\nexit 1\n', { mode: 0o755 });
  git(lone.folder, 'remote', 'add', 'origin', remote);
  const refused = sync(lone);
  expect(refused.code).toBe(1);
  expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  expect(refused.stderr).toMatch(/git push to origin was refused/);
  const plain = join(root, 'plain');
  mkdirSync(plain);
  const home = join(root, 'home-plain');
  saveSyncDir(home, plain);
  const nt = amgi(['sync', '--git'], { AMGI_HOME: home, AMGI_SYNC_DIR: undefined });
  expect(nt.code).toBe(1);
  expect(nt.stderr.trim()).toMatch(/is not a git work tree/);
});
