/**
 * `amgi sync --git` as one call: a step, this machine's device file and the learner's files
 * committed in the sync folder's git work tree, pull --rebase, push, and a step again for what
 * the pull brought. Each machine commits only its own device file, so the rebase never conflicts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AmgiError } from '../core/errors.js';
import { cliText } from '../core/messages.js';
import { ensureDevice, syncDirOf } from './syncConfig.js';
import { deviceFileName, type StepResult } from './syncFolder.js';
import { syncNow, userFiles } from './syncControl.js';

/** `git` in the sync folder: its exit code and first line of output. */
function git(dir: string, args: string[]): { ok: boolean; out: string; line: string; missing: boolean } {
  const r = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  const line = out.split('\n').find((l) => /error|fatal|rejected|hint: Updates were rejected/i.test(l)) ?? out.split('\n')[0] ?? '';
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: r.status === 0, out, line: r.error ? (missing ? cliText().sync.gitMissing : r.error.message) : line, missing };
}

export type GitSyncResult =
  | { done: 'no-remote'; dir: string }
  | { done: 'pull-failed'; line: string }
  | { done: 'push-refused'; remote: string; line: string }
  | { done: 'pushed'; file: string; remote: string; branch: string; step?: StepResult };

export function gitSync(home: string, env: NodeJS.ProcessEnv, now: () => Date): GitSyncResult {
  const where = syncDirOf(home, env);
  if (!where) throw new AmgiError(cliText().sync.gitOff);
  const dir = where.dir;
  const inside = git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok || inside.out !== 'true') throw new AmgiError(inside.missing ? cliText().sync.gitMissing : cliText().sync.notGitTree(dir));
  syncNow(home, env, now);
  const { device } = ensureDevice(home);
  // Only this machine's file and the learner's files: another machine's file is never committed from here.
  const paths = [deviceFileName(device), ...userFiles(dir)].filter((f) => existsSync(join(dir, f)));
  const ident = git(dir, ['config', 'user.email']).ok ? [] : ['-c', 'user.name=amgi', '-c', `user.email=amgi@${device}`];
  if (paths.length) {
    const add = git(dir, ['add', '--', ...paths]);
    if (!add.ok) throw new AmgiError(cliText().sync.gitFailed('add', add.line));
    const staged = git(dir, ['diff', '--cached', '--quiet']);
    if (!staged.ok) {
      const commit = git(dir, [...ident, 'commit', '-q', '-m', `amgi: ${device} ${now().toISOString()}`]);
      if (!commit.ok) throw new AmgiError(cliText().sync.gitFailed('commit', commit.line));
    }
  }
  const remote = git(dir, ['remote']).out.split('\n').filter(Boolean)[0];
  if (!remote) return { done: 'no-remote', dir };
  const branch = git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']).out;
  if (git(dir, ['ls-remote', '--exit-code', '--heads', remote, branch]).ok) {
    const pull = git(dir, [...ident, 'pull', '-q', '--rebase', remote, branch]);
    if (!pull.ok) {
      git(dir, ['rebase', '--abort']);
      return { done: 'pull-failed', line: pull.line };
    }
  }
  const push = git(dir, ['push', '-q', remote, `HEAD:${branch}`]);
  if (!push.ok) return { done: 'push-refused', remote, line: push.line };
  // What the pull brought: the other machines' files, merged now.
  const step = syncNow(home, env, now);
  return { done: 'pushed', file: deviceFileName(device), remote, branch, ...(step ? { step } : {}) };
}
