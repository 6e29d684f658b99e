/**
 * `amgi optimize`: fit FSRS parameters to the user's own history (store/fitWeights.ts), then
 * print log loss and RMSE of the default, previous and fitted parameters.
 */
import { cliText } from '../../core/messages.js';
import { padDisplay } from '../../core/text/width.js';
import { amgiHome } from '../../store/paths.js';
import { fitWeights, type FitMetrics } from '../../store/fitWeights.js';
import type { CommandContext } from '../types.js';

export async function run(ctx: CommandContext): Promise<number> {
  const r = await fitWeights(amgiHome(ctx.env), ctx.now);
  const t = cliText().optimize;
  ctx.io.out(t.fitted(r.reviews, r.items));
  ctx.io.out(t.header);
  const row = (label: string, m: FitMetrics) => ctx.io.out(`  ${padDisplay(label, 10)}  ${m.logLoss.toFixed(4)}     ${(m.rmseBins * 100).toFixed(2)}%`);
  row(t.rows.default, r.defaults);
  if (r.previous) row(t.rows.previous, r.previous);
  row(t.rows.fitted, r.fitted);
  ctx.io.out(t.saved);
  return 0;
}
