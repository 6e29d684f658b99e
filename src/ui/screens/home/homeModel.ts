/** Home's data and layout, pure: deck rows with counts, the menu, how rows are shared out. */
import type { LoadedDeck } from '../../../core/deck/types.js';
import { deckRanks } from '../../../core/schedule/order.js';
import type { DeckCounts } from '../../../core/schedule/types.js';
import type { Progress } from '../../../store/types.js';
import type { Screen } from '../../navigation.js';
import type { Messages } from '../../i18n/index.js';
import { parseScope } from '../pickers/pickerModel.js';

export interface DeckRow {
  /** undefined: all decks together. */
  deckId?: string;
  title: string;
  counts: DeckCounts;
}

const NONE: DeckCounts = { new: 0, learning: 0, review: 0, suspended: 0, doneToday: 0 };

export function deckRows(decks: LoadedDeck[], progress: Pick<Progress, 'countsByDeck'>, allTitle: string): DeckRow[] {
  const counts = progress.countsByDeck();
  // In curriculum order, the order new cards come in (fundamentals first).
  const rank = deckRanks(decks.map((d) => d.deck));
  const sorted = [...decks].sort((a, b) => rank.get(a.deck.id)! - rank.get(b.deck.id)!);
  const rows: DeckRow[] = sorted.map((d) => ({ deckId: d.deck.id, title: d.deck.title, counts: counts.decks.get(d.deck.id) ?? NONE }));
  // "All decks" only helps when there is more than one.
  return rows.length > 1 ? [{ title: allTitle, counts: counts.all }, ...rows] : rows;
}

/** An interview plan under way: days to the interview, answers it asks today (the cram's header and picker say the same). */
export interface HomePlan {
  daysLeft: number;
  today: number;
}

/**
 * The interview plan last started (the store records it: `amgi cram --until` or the cram picker),
 * while it is under way: its date not past and a card answered in it. The store's preview, so
 * Home, the picker and the session agree.
 */
export function activePlan(progress: Pick<Progress, 'settings' | 'planPreview'>): HomePlan | undefined {
  const last = progress.settings.pickers?.cram;
  // Settings from before the store recorded plans: the picker's last choice was the plan.
  const plan = progress.settings.plan ?? (last?.until ? { ...parseScope(last.scope ?? ''), until: last.until } : undefined);
  if (!plan) return undefined;
  const p = progress.planPreview({ ...plan, startedOnly: true });
  return p.ok && p.started ? { daysLeft: p.daysLeft, today: p.today } : undefined;
}

/** "Deck", or "Deck ↑ 1 ↓ 5 more" when the window hides decks above / below (it costs no row). */
export function deckHeading(t: Messages, above: number, below: number): string {
  const arrows = [above ? `↑ ${above}` : '', below ? `↓ ${below}` : ''].filter(Boolean).join(' ');
  return arrows ? `${t.deckCounts.deck} ${t.deckCounts.hidden(arrows)}` : t.deckCounts.deck;
}

export const MENU = ['review', 'cram', 'quiz', 'browse', 'search', 'stats', 'settings', 'help', 'quit'] as const;
export type MenuValue = (typeof MENU)[number];

export type MenuTarget = { screen: Screen } | { help: true } | { quit: true };

/** What a menu entry opens, for the highlighted deck (undefined: all decks). */
export function menuTarget(value: MenuValue, deckId: string | undefined): MenuTarget {
  switch (value) {
    case 'review':
      return { screen: { kind: 'review', deckId } };
    // Quiz and Cram open their pickers (mode, count, tag, weakest first, interview date).
    case 'cram':
      return { screen: { kind: 'cramPicker', deckId } };
    case 'quiz':
      return { screen: { kind: 'quizPicker', deckId } };
    case 'browse':
      return { screen: { kind: 'browse' } };
    case 'search':
      return { screen: { kind: 'search' } };
    case 'stats':
      return { screen: { kind: 'stats' } };
    case 'settings':
      return { screen: { kind: 'settings' } };
    case 'help':
      return { help: true };
    case 'quit':
      return { quit: true };
  }
}

export interface HomeLayout {
  /** Rows for the deck table, its header row included. */
  deckHeight: number;
  menuHeight: number;
  /** An empty row between the deck table and the menu. */
  gap: boolean;
}

/**
 * Share the body between the deck table and the menu. The menu keeps at least three
 * rows (it scrolls); the deck table at least its header and one deck.
 */
export function homeLayout(body: number, used: number, decks: number, menuItems: number): HomeLayout {
  const free = Math.max(0, body - used);
  const wantDecks = decks + 1;
  const menuHeight = Math.max(Math.min(3, menuItems), Math.min(menuItems, free - Math.min(wantDecks, 2) - 1));
  let deckHeight = Math.max(0, Math.min(wantDecks, free - menuHeight));
  const gap = free - menuHeight - deckHeight >= 1;
  // Give spare rows back to the menu first.
  const spare = free - menuHeight - deckHeight - (gap ? 1 : 0);
  const extraMenu = Math.max(0, Math.min(spare, menuItems - menuHeight));
  if (deckHeight === 1) deckHeight = 0; // a header without a deck says nothing
  return { deckHeight, menuHeight: menuHeight + extraMenu, gap };
}

export interface HomeState {
  menu: number;
  deck: number;
  dismissed: boolean;
  /** Where ↑/↓ and Enter act; only the focused list shows its cursor. */
  focus: 'decks' | 'menu';
  /** Esc was pressed: the footer says q quits (Esc does not, on Home). Gone with the next key. */
  quitHint?: boolean;
}

export const initialHome: HomeState = { menu: 0, deck: 0, dismissed: false, focus: 'menu' };

export type HomeAction = { type: 'menu'; by: 1 | -1 } | { type: 'deck'; by: 1 | -1; count: number } | { type: 'focus' } | { type: 'dismiss' } | { type: 'quitHint'; shown: boolean };

/** Both lists wrap around; Tab and Shift+Tab switch between the two. */
export function homeReducer(state: HomeState, action: HomeAction): HomeState {
  switch (action.type) {
    case 'menu':
      return { ...state, menu: (state.menu + action.by + MENU.length) % MENU.length };
    case 'deck':
      return { ...state, deck: action.count ? (state.deck + action.by + action.count) % action.count : 0 };
    case 'focus':
      return { ...state, focus: state.focus === 'menu' ? 'decks' : 'menu' };
    case 'dismiss':
      return { ...state, dismissed: true };
    case 'quitHint':
      return { ...state, quitHint: action.shown };
  }
}
