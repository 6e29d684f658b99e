/** Issue 2: `amgi --version` and `amgi decks` wall time against `node -e 0`, same run. */
import { BIN, fmt, median, table, timeCommand } from './lib.js';

const RUNS = 21;
const base = median(timeCommand(process.execPath, ['-e', '0'], RUNS));
const rows: (string | number)[][] = [['node -e 0', fmt(base), '1.00×', '']];
for (const [label, args] of [
  ['amgi --version', ['--version']],
  ['amgi decks', ['decks']],
] as const) {
  const m = median(timeCommand(process.execPath, [BIN, ...args], RUNS, { AMGI_HOME: '/tmp/amgi-bench-home' }));
  rows.push([label, fmt(m), `${(m / base).toFixed(2)}×`, '≤ 2×']);
}
table(`Start-up (median of ${RUNS}, ms)`, ['command', 'median ms', 'ratio to node -e 0', 'target'], rows);
