/**
 * `amgi optimize`: fit FSRS parameters to the user's own history with
 * @open-spaced-repetition/binding (optional, loaded only here), compare log loss and RMSE of
 * the default and fitted parameters on that history, and save the fitted ones.
 */
import { AmgiError } from '../../core/errors.js';
import { countReviews, reviewHistories } from '../../core/schedule/optimizerData.js';
import { amgiHome } from '../../store/paths.js';
import { readLog } from '../../store/log.js';
import { rebuildSnapshot } from '../../store/ledgerStore.js';
import { openSettings, preloadConf } from '../../store/settings.js';
import type { CommandContext } from '../commands.js';

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
  if (n < MIN_REVIEWS) throw new AmgiError(`optimize needs at least ${MIN_REVIEWS} reviews to fit parameters reliably; you have ${n}. Keep reviewing and try again later.`);
  const b = await loadBinding();
  if (!b) throw new AmgiError('optimize needs the optional package @open-spaced-repetition/binding, which is not installed (npm install @open-spaced-repetition/binding)');
  // One training item per review after the first: the card's history up to and including it.
  const items = [];
  for (const h of histories) {
    for (let i = 1; i < h.reviews.length; i++) {
      const item = new b.FSRSBindingItem(h.reviews.slice(0, i + 1).map((r) => new b.FSRSBindingReview(r.rating, r.deltaT)));
      if (item.longTermReviewCnt() > 0) items.push(item);
    }
  }
  if (items.length === 0) throw new AmgiError('your history has no reviews a day or more apart yet; optimize needs those');
  const fitted = await b.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 });
  const previous = settings.settings.weights;
  const before = previous ? new b.FSRSBinding(previous).evaluate(items) : undefined;
  const defaults = new b.FSRSBinding().evaluate(items);
  const after = new b.FSRSBinding(fitted).evaluate(items);
  settings.save({ weights: fitted });
  // States depend on the weights: replay the history under them once, now.
  rebuildSnapshot(home, { now: ctx.now });
  const result = { reviews: n, items: items.length };
  ctx.io.out(`Fitted FSRS parameters to ${result.reviews} reviews (${result.items} training items).`);
  ctx.io.out(`              log loss   RMSE`);
  const row = (label: string, m: { logLoss: number; rmseBins: number }) => ctx.io.out(`  ${label.padEnd(10)}  ${m.logLoss.toFixed(4)}     ${(m.rmseBins * 100).toFixed(2)}%`);
  row('default', defaults);
  if (before) row('previous', before);
  row('fitted', after);
  ctx.io.out('Saved to settings: future intervals use your parameters.');
  return 0;
}
