/**
 * The one switch that renders the top screen. Home is imported eagerly (it is the first
 * frame); every other screen is a lazily loaded chunk, so start-up parses only Home.
 */
import { lazy, type ComponentType } from 'react';
import type { Screen } from '../navigation.js';
import { HomeScreen } from './home/HomeScreen.js';

/**
 * A lazily loaded screen that, once its chunk is in memory (prefetched after the first
 * frame), renders at once instead of suspending for a tick: no blank fallback frame, and a
 * key pressed right after Enter or `/` reaches the screen.
 */
function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per screen at module load, not in a render.
  function Screen(props: P) {
    const C = loaded ?? Lazy;
    return <C {...props} />;
  }
  return { Screen, preload };
}

const review = preloadable(() => import('./review/ReviewScreen.js').then((m) => m.ReviewScreen));
const search = preloadable(() => import('./search/SearchScreen.js').then((m) => m.SearchScreen));
// The card browser too: a suspense frame before its list would make Ink throttle the real one.
const browse = preloadable(() => import('./browse/BrowseScreen.js').then((m) => m.BrowseScreen));
const card = preloadable(() => import('./card/CardScreen.js').then((m) => m.CardScreen));
const settings = preloadable(() => import('./settings/SettingsScreen.js').then((m) => m.SettingsScreen));
const stats = preloadable(() => import('./stats/StatsScreen.js').then((m) => m.StatsScreen));
const quizPicker = preloadable(() => import('./pickers/QuizPicker.js').then((m) => m.QuizPicker));
const cramPicker = preloadable(() => import('./pickers/CramPicker.js').then((m) => m.CramPicker));
const quiz = preloadable(() => import('./quiz/QuizScreen.js').then((m) => m.QuizScreen));
const ReviewScreen = review.Screen;
const SearchScreen = search.Screen;
const BrowseScreen = browse.Screen;
const CardScreen = card.Screen;
const SettingsScreen = settings.Screen;
const StatsScreen = stats.Screen;
const QuizPicker = quizPicker.Screen;
const CramPicker = cramPicker.Screen;
const QuizScreen = quiz.Screen;

/**
 * After the first frame: load every screen's code, the ones Home leads to most first. Resolves
 * when all are in (or failed: a screen that cannot load says so when opened).
 */
export function prefetchScreens(): Promise<void> {
  const all = [review, search, browse, cramPicker, quizPicker, quiz, stats, card, settings];
  return Promise.allSettled(all.map((s) => s.preload())).then(() => {});
}

export function ScreenSwitch({ screen }: { screen: Screen }) {
  switch (screen.kind) {
    case 'home':
      return <HomeScreen />;
    case 'review':
      return <ReviewScreen mode="review" deckId={screen.deckId} />;
    case 'cram':
      return <ReviewScreen mode="cram" options={screen.options} />;
    case 'search':
      return <SearchScreen initialQuery={screen.query} />;
    case 'card':
      return <CardScreen deckId={screen.deckId} cardId={screen.cardId} itemKey={screen.key} />;
    case 'browse':
      return <BrowseScreen query={screen.query} filter={screen.filter} />;
    case 'quizPicker':
      return <QuizPicker deckId={screen.deckId} />;
    case 'cramPicker':
      return <CramPicker deckId={screen.deckId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'stats':
      return <StatsScreen />;
    case 'quiz':
      return <QuizScreen params={screen} />;
    default: {
      // A new Screen kind without a case here fails to compile.
      const unhandled: never = screen;
      return unhandled;
    }
  }
}
