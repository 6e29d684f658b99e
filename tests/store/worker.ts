/**
 * A child process for the crash and two-terminal tests: answers cards through the real store
 * and prints `OK <entry id>` after each answer() returned and the next card was picked
 * (the moment the UI would show the next card). Bundled by the tests with esbuild.
 * env: AMGI_HOME, WORKER_START (ISO), WORKER_COUNT (answers, 0 = until killed), WORKER_SEED,
 * WORKER_NO_UNDO (never undo: exact answer counts).
 */
import { openProgress } from '../../src/store/progress.js';
import { deck } from './fixtures.js';
import type { Grade } from '../../src/core/schedule/types.js';

const home = process.env.AMGI_HOME!;
let t = Date.parse(process.env.WORKER_START!);
const count = Number(process.env.WORKER_COUNT ?? 0);
let seed = Number(process.env.WORKER_SEED ?? 1);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const now = () => new Date(t);

const p = openProgress({ home, decks: [deck('crash', 60, { reversible: 10 })], now, fuzz: true });
let done = 0;
let session = p.startCram({ reschedule: true });
while (count === 0 || done < count) {
  let cur = session.current();
  if (!cur) {
    session = rand() < 0.5 ? p.startReview() : p.startCram({ reschedule: rand() < 0.5, weakest: true });
    cur = session.current();
    if (!cur) {
      t += 3_600_000;
      continue;
    }
  }
  const r = rand();
  if (r < 0.05 && done > 0 && !process.env.WORKER_NO_UNDO) {
    session.undo();
  } else if (r < 0.07) {
    p.saveSnapshot(); // kills also land inside snapshot writes
  } else {
    // Not recorded when the other terminal answered this card since it was drawn (skipped, said so).
    const res = session.answer((1 + Math.floor(rand() * 4)) as Grade, 500);
    session.current();
    if (!res.otherWindow) {
      done++;
      process.stdout.write(`OK ${p.ledger.recent.at(-1)?.id}\n`);
    }
  }
  t += 20_000 + Math.floor(rand() * 600_000);
}
p.close();
const total = [...p.ledger.days.values()].reduce((n, d) => n + d.n, 0);
process.stdout.write(`DONE ${total}\n`);
