/** Shared benchmark helpers: medians and percentiles, timing commands, a Markdown table. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/dist-bench\/?$/, '/').replace(/\/$/, '');
export const BIN = `${ROOT}/bin/amgi`;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export interface Timed {
  cmd: string;
  args: string[];
  env?: Record<string, string>;
}

/**
 * Wall times of several commands, run in turns (a, b, c, a, b, c, …) after one warm-up round:
 * a ratio between two of them then compares runs taken moments apart, where timing each
 * command's runs in a block let machine load drift between blocks (a 0.93× ratio of a cached
 * `amgi status` to `node -e 0` was seen that way).
 */
export function timeCommandsInTurns(commands: Timed[], runs: number): number[][] {
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i <= runs; i++) {
    commands.forEach((c, j) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(c.cmd, c.args, { env: { ...process.env, ...c.env }, stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0 && r.status !== 1) throw new Error(`${c.cmd} ${c.args.join(' ')} exited ${r.status}: ${r.stderr}`);
      if (i > 0) times[j]!.push(ms);
    });
  }
  return times;
}

/** Wall time of a whole command, in ms, `runs` times (after one warm-up). */
export function timeCommand(cmd: string, args: string[], runs: number, env: Record<string, string> = {}): number[] {
  return timeCommandsInTurns([{ cmd, args, env }], runs)[0]!;
}

/** Time a function `runs` times, in ms. */
export function timeFn(fn: () => unknown, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times;
}

export const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export function table(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n### ${title}\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}
