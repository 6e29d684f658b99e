/** The real store in a temporary AMGI_HOME behind the app (screen tests that check what was saved). */
import type { LoadedDeck } from '../../src/core/deck/types.js';
import { openProgress } from '../../src/store/progress.js';
import type { Progress } from '../../src/store/types.js';
import type { AppServices } from '../../src/ui/context.js';
import { tmpHome } from '../helpers/tmpHome.js';

/** `now` is the test's clock (FSRS fuzz off); close() closes the store and removes the home. */
export function openRealStore(decks: LoadedDeck[], now: () => Date): { progress: Progress; services: AppServices; close(): void } {
  const home = tmpHome();
  const progress = openProgress({ home: home.home, decks, now, fuzz: false });
  const services: AppServices = { progress, decks, problems: [], now, loadSearch: () => Promise.reject(new Error('no search in these tests')) };
  return {
    progress,
    services,
    close() {
      progress.close();
      home.cleanup();
    },
  };
}
