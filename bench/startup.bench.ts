/** Issue 2: `amgi --version` and `amgi decks` wall time against `node -e 0`, same run, in turns. */
import { BIN, fmt, median, table, timeCommandsInTurns } from './lib.js';

const RUNS = 21;
const env = { AMGI_HOME: '/tmp/amgi-bench-home' };
const [base, ...rest] = timeCommandsInTurns(
  [
    { cmd: process.execPath, args: ['-e', '0'] },
    { cmd: process.execPath, args: [BIN, '--version'], env },
    { cmd: process.execPath, args: [BIN, 'decks'], env },
  ],
  RUNS,
).map(median);
const rows: (string | number)[][] = [['node -e 0', fmt(base!), '1.00×', '']];
(['amgi --version', 'amgi decks'] as const).forEach((label, i) => rows.push([label, fmt(rest[i]!), `${(rest[i]! / base!).toFixed(2)}×`, '≤ 2×']));
table(`Start-up (median of ${RUNS}, commands in turns, ms)`, ['command', 'median ms', 'ratio to node -e 0', 'target'], rows);
