/**
 * `amgi optimize` as one call: fit FSRS parameters to this history with
 * @open-spaced-repetition/binding (optional, loaded only here), measure log loss and RMSE of the
 * default, previous and fitted parameters on that history, save the fitted ones and replay the
 * history under them.
 */
import { AmgiError } from '../core/errors.js';
import { cliText } from '../core/messages.js';
import { countReviews, reviewHistories } from '../core/schedule/optimizerData.js';
import { readLog } from './log.js';
import { rebuildSnapshot } from './ledgerStore.js';
import { openSettings, preloadConf } from './settings.js';

const MIN_REVIEWS = 400;

type Binding = typeof import('@open-spaced-repetition/binding');

export interface FitMetrics {
  logLoss: number;
  rmseBins: number;
}

export interface FitResult {
  reviews: number;
  /** Training items: one per review after a card's first. */
  items: number;
  defaults: FitMetrics;
  /** Weights fitted before, if any, measured on today's history. */
  previous?: FitMetrics;
  fitted: FitMetrics;
  weights: number[];
}

async function loadBinding(): Promise<Binding | undefined> {
  try {
    return await import('@open-spaced-repetition/binding');
  } catch {
    return undefined;
  }
}

export async function fitWeights(home: string, now: () => Date, binding: () => Promise<Binding | undefined> = loadBinding): Promise<FitResult> {
  // Settings only: the card states are not needed until the fitted weights change them.
  await preloadConf();
  const settings = openSettings(home, now);
  const histories = reviewHistories(readLog(home).entries, settings.settings.dayStartHour);
  const reviews = countReviews(histories);
  const t = cliText().optimize;
  if (reviews < MIN_REVIEWS) throw new AmgiError(t.tooFew(MIN_REVIEWS, reviews));
  const b = await binding();
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
  const weights = await b.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 });
  const previousWeights = settings.settings.weights;
  const previous = previousWeights ? new b.FSRSBinding(previousWeights).evaluate(items) : undefined;
  const defaults = new b.FSRSBinding().evaluate(items);
  const fitted = new b.FSRSBinding(weights).evaluate(items);
  settings.save({ weights });
  // States depend on the weights: replay the history under them once, now.
  rebuildSnapshot(home, { now });
  return { reviews, items: items.length, defaults, ...(previous ? { previous } : {}), fitted, weights };
}
