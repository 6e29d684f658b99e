/**
 * `amgi optimize`: fit FSRS parameters to the user's own history with
 * @open-spaced-repetition/binding (optional, loaded only here), compare log loss and RMSE of
 * the default and fitted parameters on that history, and save the fitted ones.
 */
import { AmgiError } from '../../core/errors.js';
import { cliText } from '../../core/messages.js';
import { padDisplay } from '../../core/text/width.js';
import { countReviews, reviewHistories } from '../../core/schedule/optimizerData.js';
import { amgiHome } from '../../store/paths.js';
import { readLog } from '../../store/log.js';
import { rebuildSnapshot } from '../../store/ledgerStore.js';
import { openSettings, preloadConf } from '../../store/settings.js';
import type { CommandContext } from '../types.js';

const MIN_REVIEWS = 400;

type Binding = typeof import('@open-spaced-repetition/binding');

async function loadBinding(): Promise<Binding | undefined> {
  try {
    return await import('@open-spaced-repetition/binding');
  } catch {
    return undefined;
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  const home = amgiHome(ctx.env);
  // Settings only: the card states are not needed until the fitted weights change them.
  await preloadConf();
  const settings = openSettings(home, ctx.now);
  const { entries } = readLog(home);
  const histories = reviewHistories(entries, settings.settings.dayStartHour);
  const n = countReviews(histories);
  const t = cliText().optimize;
  if (n < MIN_REVIEWS) throw new AmgiError(t.tooFew(MIN_REVIEWS, n));
  const b = await loadBinding();
  if (!b) throw new AmgiError(t.noBinding);
  // One training item per review after the first: the card's history up to and including it.
  const items = [];
  for (const h of histories) {
    for (let i = 1; i < h.reviews.length; i++) {
      const item = new b.FSRSBindingItem(h.reviews.slice(0, i + 1).map((r) => new b.FSRSBindingReview(r.rating, r.deltaT)));
      if (item.longTermReviewCnt() > 0) items.push(item);
    }
  }
  if (items.length === 0) throw new AmgiError(t.noLongTerm);
  const fitted = await b.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 });
  const previous = settings.settings.weights;
  const before = previous ? new b.FSRSBinding(previous).evaluate(items) : undefined;
  const defaults = new b.FSRSBinding().evaluate(items);
  const after = new b.FSRSBinding(fitted).evaluate(items);
  settings.save({ weights: fitted });
  // States depend on the weights: replay the history under them once, now.
  rebuildSnapshot(home, { now: ctx.now });
  const result = { reviews: n, items: items.length };
  ctx.io.out(t.fitted(result.reviews, result.items));
  ctx.io.out(t.header);
  const row = (label: string, m: { logLoss: number; rmseBins: number }) => ctx.io.out(`  ${padDisplay(label, 10)}  ${m.logLoss.toFixed(4)}     ${(m.rmseBins * 100).toFixed(2)}%`);
  row(t.rows.default, defaults);
  if (before) row(t.rows.previous, before);
  row(t.rows.fitted, after);
  ctx.io.out(t.saved);
  return 0;
}
