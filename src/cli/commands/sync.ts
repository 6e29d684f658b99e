/**
 * `amgi sync [--dir PATH | --off | --git]`: one history across machines through a folder a sync
 * tool carries. Flags parsed and results printed here; the work is store/syncControl.ts and
 * store/syncGit.ts. Without flags: a step now, then what the folder holds.
 */
import { flagString } from '../args.js';
import type { CommandContext } from '../types.js';
import { UsageError } from '../../core/errors.js';
import { cliText } from '../../core/messages.js';
import { amgiHome } from '../../store/paths.js';
import { deviceFileName, type StepResult } from '../../store/syncFolder.js';
import { syncNow, syncStatus, turnSyncOff, turnSyncOn } from '../../store/syncControl.js';
import { gitSync } from '../../store/syncGit.js';

export async function run(ctx: CommandContext): Promise<number> {
  const t = cliText().sync;
  if (ctx.args.length) throw new UsageError(t.noArguments(ctx.args[0]!));
  const dir = flagString(ctx.flags, 'dir');
  const chosen = [dir !== undefined, ctx.flags.off === true, ctx.flags.git === true].filter(Boolean).length;
  if (chosen > 1) throw new UsageError(t.oneOf);
  const home = amgiHome(ctx.env);
  const { io } = ctx;
  if (dir !== undefined) {
    const on = turnSyncOn(home, ctx.env, dir, ctx.now);
    if (on.envOverride) io.err(`amgi: ${t.envOverrides(on.envOverride)}`);
    if (on.copied) io.out(t.copiedIn(on.copied, on.dir));
    return report(ctx, home, on.step);
  }
  if (ctx.flags.off) {
    const off = turnSyncOff(home, ctx.env, ctx.now);
    io.out(off ? t.turnedOff(home, off.copied, off.dir) : t.off);
    return 0;
  }
  if (ctx.flags.git) {
    const r = gitSync(home, ctx.env, ctx.now);
    switch (r.done) {
      case 'no-remote':
        io.err(`amgi: ${t.noRemote(r.dir)}`);
        return 1;
      case 'pull-failed':
        io.err(`amgi: ${t.gitFailed('pull --rebase', r.line)}`);
        return 1;
      case 'push-refused':
        io.err(`amgi: ${t.pushRefused(r.remote, r.line)}`);
        return 1;
      case 'pushed':
        io.out(t.pushed(r.file, r.remote, r.branch));
        return report(ctx, home, r.step);
    }
  }
  return report(ctx, home, syncNow(home, ctx.env, ctx.now));
}

function report(ctx: CommandContext, home: string, step: StepResult | undefined): number {
  const { io } = ctx;
  const t = cliText().sync;
  const s = syncStatus(home, ctx.env, step, ctx.now);
  if (!s.where || !step) {
    io.out(t.offHere(s.device, s.name));
    io.out(t.howToTurnOn);
    return 0;
  }
  io.out(t.folder(s.where.dir, s.where.from === 'env'));
  io.out(t.thisDevice(s.device, s.name));
  io.out(step.busy ? t.busy : t.step(step.merged, step.exported, deviceFileName(s.device)));
  io.out(t.devices);
  for (const d of s.devices) io.out(t.device({ ...d, ...(d.lastAnswer ? { lastAnswer: d.lastAnswer.slice(0, 16).replace('T', ' ') } : {}) }));
  if (s.devices.length === 0) io.out(t.noDevices);
  io.out(t.pending(s.pending));
  io.out(s.problems.length ? `${t.problems}\n${s.problems.map((p) => `  ${p}`).join('\n')}` : t.noProblems);
  return 0;
}
