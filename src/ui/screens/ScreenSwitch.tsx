/**
 * The one switch that renders the top screen. Home is imported eagerly (it is the first
 * frame); every other screen is a lazily loaded chunk, so start-up parses only Home.
 */
import { lazy } from 'react';
import type { Screen } from '../navigation.js';
import { HomeScreen } from './home/HomeScreen.js';

const loadReview = () => import('./review/ReviewScreen.js');
const loadSearch = () => import('./search/SearchScreen.js');
const ReviewScreen = lazy(() => loadReview().then((m) => ({ default: m.ReviewScreen })));
const SearchScreen = lazy(() => loadSearch().then((m) => ({ default: m.SearchScreen })));

/**
 * After the first frame: load the screens Home leads to most, so a key pressed right after
 * Enter or `/` does not arrive before the screen that should take it.
 */
export function prefetchScreens(): void {
  void loadReview().catch(() => {});
  void loadSearch().catch(() => {});
}
const CardScreen = lazy(() => import('./card/CardScreen.js').then((m) => ({ default: m.CardScreen })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen.js').then((m) => ({ default: m.SettingsScreen })));
const StatsScreen = lazy(() => import('./stats/StatsScreen.js').then((m) => ({ default: m.StatsScreen })));
const QuizScreen = lazy(() => import('./quiz/QuizScreen.js').then((m) => ({ default: m.QuizScreen })));

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
      return <CardScreen deckId={screen.deckId} cardId={screen.cardId} />;
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
