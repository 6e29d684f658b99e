/**
 * `amgi sync [--dir PATH | --off | --git]`: one history across machines through a folder a sync
 * tool carries (store/syncFolder.ts). Without flags: a step now, then what the folder holds.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { flagString } from '../args.js';
import type { CommandContext } from '../commands.js';
import { cliText } from '../../core/messages.js';
import { AmgiError, UsageError } from '../../core/errors.js';
import { amgiHome } from '../../store/paths.js';
import { ensureDir } from '../../store/atomicFile.js';
import { ensureDevice, saveSyncDir, syncDirOf } from '../../store/syncConfig.js';
import { deviceFileName, syncReport, syncStep, type StepResult } from '../../store/syncFolder.js';
import { rebuildSnapshot } from '../../store/ledgerStore.js';
import { SETTINGS_FILE } from '../../store/settings.js';

/** The sync lines of the active catalogue. */
const T = () => cliText().sync;

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length) throw new UsageError(`sync takes no arguments (got "${ctx.args[0]}"); use --dir PATH`);
  const dir = flagString(ctx.flags, 'dir');
  const chosen = [dir !== undefined, ctx.flags.off === true, ctx.flags.git === true].filter(Boolean).length;
  if (chosen > 1) throw new UsageError(T().oneMode);
  const home = amgiHome(ctx.env);
  if (dir !== undefined) return turnOn(ctx, home, dir);
  if (ctx.flags.off) return turnOff(ctx, home);
  if (ctx.flags.git) return gitSync(ctx, home);
  return report(ctx, home, runStep(ctx, home));
}

/** The files that are the learner's, not the machine's: they live in the sync folder when sync is on. */
function userFiles(from: string): string[] {
  const decks = join(from, 'decks');
  let names: string[] = [];
  try {
    names = readdirSync(decks).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    // no decks folder: nothing to carry
  }
  return [...names.map((n) => join('decks', n)), 'aliases.json', SETTINGS_FILE].filter((f) => existsSync(join(from, f)));
}

/** Copy `files` from one folder to another; `replace`: over files already there. Copies made. */
function copyFiles(files: string[], from: string, to: string, replace: boolean): number {
  let n = 0;
  for (const f of files) {
    const target = join(to, f);
    if (!replace && existsSync(target)) continue;
    ensureDir(dirname(target));
    // Through a temp name: a kill mid-copy never leaves half a deck under the real name.
    const tmp = join(dirname(target), `.${f.split('/').pop()}.${process.pid}.tmp`);
    copyFileSync(join(from, f), tmp);
    renameSync(tmp, target);
    n++;
  }
  return n;
}

function runStep(ctx: CommandContext, home: string): StepResult | undefined {
  // A window answering holds the lock for milliseconds: try a few times.
  for (let i = 0; ; i++) {
    const r = syncStep(home, { env: ctx.env, now: ctx.now().getTime() });
    if (!r?.busy || i >= 20) {
      if (r && r.merged > 0) rebuildSnapshot(home, { now: ctx.now });
      return r;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

async function turnOn(ctx: CommandContext, home: string, dirArg: string): Promise<number> {
  const dir = resolve(dirArg);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new AmgiError(T().notFolder(dir));
  if (!existsSync(dir)) {
    if (!existsSync(dirname(dir))) throw new AmgiError(T().parentMissing(dirname(dir)));
    mkdirSync(dir);
  }
  if (resolve(home) === dir) throw new AmgiError(T().isDataFolder);
  // The learner's files first, then the switch: a kill in between leaves sync off and the copies harmless.
  const copied = copyFiles(userFiles(home), home, dir, false);
  saveSyncDir(home, dir);
  if (ctx.env.AMGI_SYNC_DIR && resolve(ctx.env.AMGI_SYNC_DIR) !== dir) ctx.io.err(`amgi: ${T().envOverrides(ctx.env.AMGI_SYNC_DIR)}`);
  if (copied) ctx.io.out(T().copiedIn(copied, dir));
  return report(ctx, home, runStep(ctx, home));
}

async function turnOff(ctx: CommandContext, home: string): Promise<number> {
  const where = syncDirOf(home, ctx.env);
  if (!where) {
    ctx.io.out(T().off);
    return 0;
  }
  if (where.from === 'env') throw new AmgiError(T().envKeepsOn);
  // A last step sends this machine's newest answers; the local log already holds the union.
  runStep(ctx, home);
  const copied = copyFiles(userFiles(where.dir), where.dir, home, true);
  saveSyncDir(home, undefined);
  ctx.io.out(T().turnedOff(home, copied, where.dir));
  return 0;
}

function report(ctx: CommandContext, home: string, step: StepResult | undefined): number {
  const { io } = ctx;
  const { device, name } = ensureDevice(home);
  const where = syncDirOf(home, ctx.env);
  if (!where || !step) {
    io.out(T().offHere(device, name));
    io.out(T().howToTurnOn);
    return 0;
  }
  io.out(T().folder(where.dir, where.from === 'env'));
  io.out(T().thisDevice(device, name));
  io.out(step.busy ? T().busy : T().step(step.merged, step.exported, deviceFileName(device)));
  const devices = syncReport(home, where.dir, device, ctx.now().getTime());
  const problems = [...step.problems];
  let pending = 0;
  io.out(T().devices);
  for (const d of devices) {
    const when = d.lastAnswer ? T().lastAnswer(d.lastAnswer.slice(0, 16).replace('T', ' ')) : T().noAnswers;
    io.out(T().device(d.device, d.name, d.own, d.entries, when, d.conflictCopy ? d.file : undefined));
    if (!d.own && !d.newer) pending += d.pending;
    if (d.torn) problems.push(T().torn(d.file));
    if (d.future) problems.push(T().future(d.file, d.future, d.device));
    if (d.conflictCopy) problems.push(T().conflictCopy(d.file));
  }
  if (devices.length === 0) io.out(T().noDeviceFiles);
  io.out(T().pending(pending));
  io.out(T().problems([...new Set(problems)]));
  return 0;
}

/** `git` in the sync folder: its exit code and first line of output. */
function git(dir: string, args: string[]): { ok: boolean; out: string; line: string } {
  const r = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  const line = out.split('\n').find((l) => /error|fatal|rejected|hint: Updates were rejected/i.test(l)) ?? out.split('\n')[0] ?? '';
  return { ok: r.status === 0, out, line: r.error ? (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? T().gitMissing : r.error.message : line };
}

async function gitSync(ctx: CommandContext, home: string): Promise<number> {
  const { io } = ctx;
  const where = syncDirOf(home, ctx.env);
  if (!where) throw new AmgiError(T().needsFolder);
  const dir = where.dir;
  const inside = git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok || inside.out !== 'true') throw new AmgiError(inside.line === T().gitMissing ? T().gitMissing : T().notGitTree(dir));
  runStep(ctx, home);
  const { device } = ensureDevice(home);
  // Only this machine's file and the learner's files: another machine's file is never committed from here.
  const paths = [deviceFileName(device), ...userFiles(dir)].filter((f) => existsSync(join(dir, f)));
  const ident = git(dir, ['config', 'user.email']).ok ? [] : ['-c', 'user.name=amgi', '-c', `user.email=amgi@${device}`];
  if (paths.length) {
    const add = git(dir, ['add', '--', ...paths]);
    if (!add.ok) throw new AmgiError(T().gitFailed('add', add.line));
    const staged = git(dir, ['diff', '--cached', '--quiet']);
    if (!staged.ok) {
      const commit = git(dir, [...ident, 'commit', '-q', '-m', `amgi: ${device} ${ctx.now().toISOString()}`]);
      if (!commit.ok) throw new AmgiError(T().gitFailed('commit', commit.line));
    }
  }
  const remote = git(dir, ['remote']).out.split('\n').filter(Boolean)[0];
  if (!remote) {
    io.err(`amgi: ${T().noRemote(dir)}`);
    return 1;
  }
  const branch = git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']).out;
  const hasRemoteBranch = git(dir, ['ls-remote', '--exit-code', '--heads', remote, branch]).ok;
  if (hasRemoteBranch) {
    const pull = git(dir, [...ident, 'pull', '-q', '--rebase', remote, branch]);
    if (!pull.ok) {
      git(dir, ['rebase', '--abort']);
      io.err(`amgi: ${T().gitFailed('pull --rebase', pull.line)}`);
      return 1;
    }
  }
  const push = git(dir, ['push', '-q', remote, `HEAD:${branch}`]);
  if (!push.ok) {
    io.err(`amgi: ${T().pushRefused(remote, push.line)}`);
    return 1;
  }
  io.out(T().pushed(deviceFileName(device), remote, branch));
  // What the pull brought: the other machines' files, merged now.
  return report(ctx, home, runStep(ctx, home));
}
