/** The statistics screen's report over every deck: forecast, heatmap, retention, mastery, time spent. */
import type { LoadedDeck } from '../core/deck/types.js';
import type { StudyItem } from '../core/deck/items.js';
import { computeStats, type StatsReport } from '../core/stats/index.js';
import type { SessionHost } from './types.js';

export function statsReport(host: Pick<SessionHost, 'ledger' | 'settings' | 'now' | 'items'>, decks: readonly LoadedDeck[]): StatsReport {
  // Items grouped by deck in one pass, not one filter over every item per deck.
  const byDeck = new Map<string, StudyItem[]>(decks.map((d) => [d.deck.id, []]));
  for (const it of host.items()) byDeck.get(it.deckId)?.push(it);
  const rows = decks.map((d) => ({ id: d.deck.id, title: d.deck.title, items: byDeck.get(d.deck.id)! }));
  return computeStats({ ledger: host.ledger, decks: rows, now: host.now(), dayStartHour: host.settings.dayStartHour });
}
