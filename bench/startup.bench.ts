/**
 * Non-interactive start-up: `amgi --version`, `amgi status` and `amgi decks` wall time against a
 * node process that prints one line, in turns (same run). Target ≤ 1.3× each. The title gives
 * the load average at the start: on a busy machine the times are inflated, the ratios less.
 */
import { loadavg } from 'node:os';
import { BIN, fmt, median, percentile, table, timeCommandsInTurns } from './lib.js';

const RUNS = 21;
const env = { AMGI_HOME: '/tmp/amgi-bench-home' };
const at = loadavg()[0]!.toFixed(1);
const [base, ...rest] = timeCommandsInTurns(
  [
    { cmd: process.execPath, args: ['-e', "console.log('ready')"] },
    { cmd: process.execPath, args: [BIN, '--version'], env },
    { cmd: process.execPath, args: [BIN, 'status'], env },
    { cmd: process.execPath, args: [BIN, 'decks'], env },
  ],
  RUNS,
);
const mb = median(base!);
const rows: (string | number)[][] = [['node printing one line', fmt(mb), fmt(percentile(base!, 90)), '1.00×', '']];
(['amgi --version', 'amgi status', 'amgi decks'] as const).forEach((label, i) => {
  const m = median(rest[i]!);
  rows.push([label, fmt(m), fmt(percentile(rest[i]!, 90)), `${(m / mb).toFixed(2)}×`, '≤ 1.3×']);
});
table(`Start-up (median of ${RUNS}, commands in turns, ms; load ${at})`, ['command', 'median ms', 'p90 ms', 'ratio to node', 'target'], rows);
