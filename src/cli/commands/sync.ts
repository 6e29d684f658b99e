/**
 * `amgi sync [--dir PATH | --off | --git]`: one history across machines through a folder a sync
 * tool carries. Flags parsed and results printed here; the work is store/syncControl.ts and
 * store/syncGit.ts. Without flags: a step now, then what the folder holds.
 */
import { flagString } from '../args.js';
import type { CommandContext } from '../commands.js';
import { plural } from '../io.js';
import { UsageError } from '../../core/errors.js';
import { amgiHome } from '../../store/paths.js';
import { deviceFileName, type StepResult } from '../../store/syncFolder.js';
import { syncNow, syncStatus, turnSyncOff, turnSyncOn } from '../../store/syncControl.js';
import { gitSync } from '../../store/syncGit.js';

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length) throw new UsageError(`sync takes no arguments (got "${ctx.args[0]}"); use --dir PATH`);
  const dir = flagString(ctx.flags, 'dir');
  const chosen = [dir !== undefined, ctx.flags.off === true, ctx.flags.git === true].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('give one of --dir PATH, --off, --git');
  const home = amgiHome(ctx.env);
  const { io } = ctx;
  if (dir !== undefined) {
    const on = turnSyncOn(home, ctx.env, dir, ctx.now);
    if (on.envOverride) io.err(`amgi: note: AMGI_SYNC_DIR (${on.envOverride}) overrides the saved folder while it is set`);
    if (on.copied) io.out(`copied ${plural(on.copied, 'file')} (your decks, aliases, settings) into ${on.dir}`);
    return report(ctx, home, on.step);
  }
  if (ctx.flags.off) {
    const off = turnSyncOff(home, ctx.env, ctx.now);
    io.out(off ? `sync is off; the review history stays in ${home}${off.copied ? ` (${plural(off.copied, 'file')} copied back from ${off.dir})` : ''}` : 'sync is off');
    return 0;
  }
  if (ctx.flags.git) {
    const r = gitSync(home, ctx.env, ctx.now);
    switch (r.done) {
      case 'no-remote':
        io.err(`amgi: committed in ${r.dir}, but the repository has no remote to push to (add one: git -C ${r.dir} remote add origin URL)`);
        return 1;
      case 'pull-failed':
        io.err(`amgi: git pull --rebase failed: ${r.line}`);
        return 1;
      case 'push-refused':
        io.err(`amgi: git push to ${r.remote} was refused: ${r.line}`);
        return 1;
      case 'pushed':
        io.out(`pushed ${r.file} to ${r.remote}/${r.branch}`);
        return report(ctx, home, r.step);
    }
  }
  return report(ctx, home, syncNow(home, ctx.env, ctx.now));
}

function report(ctx: CommandContext, home: string, step: StepResult | undefined): number {
  const { io } = ctx;
  const s = syncStatus(home, ctx.env, step, ctx.now);
  if (!s.where || !step) {
    io.out(`sync is off (this device: ${s.device}, ${s.name})`);
    io.out('turn it on with: amgi sync --dir PATH   (a folder Syncthing, Dropbox, iCloud Drive, OneDrive or git carries)');
    return 0;
  }
  io.out(`sync folder: ${s.where.dir}${s.where.from === 'env' ? ' (from AMGI_SYNC_DIR)' : ''}`);
  io.out(`this device: ${s.device} (${s.name})`);
  if (step.busy) io.out('another amgi window is syncing right now; run amgi sync again to see its result');
  else io.out(`this step: ${plural(step.merged, 'entry', 'entries')} merged from other devices, ${plural(step.exported, 'entry', 'entries')} written to ${deviceFileName(s.device)}`);
  io.out('devices:');
  for (const d of s.devices) {
    const when = d.lastAnswer ? `last answer ${d.lastAnswer.slice(0, 16).replace('T', ' ')} UTC` : 'no answers yet';
    io.out(`  ${d.device}${d.name ? ` (${d.name})` : ''}${d.own ? ', this device' : ''}: ${plural(d.entries, 'entry', 'entries')}, ${when}${d.conflictCopy ? ` — conflict copy ${d.file}, merged as a union` : ''}`);
  }
  if (s.devices.length === 0) io.out('  (no device files yet)');
  io.out(`not yet replayed here: ${plural(s.pending, 'entry', 'entries')}`);
  io.out(s.problems.length ? `problems:\n${s.problems.map((p) => `  ${p}`).join('\n')}` : 'problems: none');
  return 0;
}
