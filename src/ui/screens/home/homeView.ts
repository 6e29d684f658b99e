/**
 * Home's frame as rows, pure: what HomeScreen draws through Ink and what ui/firstFrame.ts writes
 * before Ink has loaded. One function for both, so the first frame and Ink's are the same text.
 */
import { displayWidth, padDisplay, truncateDisplay } from '../../../core/text/width.js';
import { backlogDays, estimateDay } from '../../../core/schedule/estimate.js';
import type { DeckCounts } from '../../../core/schedule/types.js';
import type { Progress, Streak } from '../../../store/types.js';
import type { LoadedDeck } from '../../../core/deck/types.js';
import type { Ui } from '../../context.js';
import { Command } from '../../keymap.js';
import { SCREEN_COMMANDS } from '../../navigation.js';
import { bodyHeight, fitRow, listWindow, seg, wrapRows, type Row } from '../../textLayout.js';
import { MENU, activePlan, deckHeading, deckRows, homeLayout, type DeckRow, type HomePlan, type HomeState } from './homeModel.js';

/** What Home shows, read from the store (HomeScreen recounts it whenever Home is back on top). */
export interface HomeData {
  table: DeckRow[];
  total: DeckCounts;
  streak: Streak;
  msPerAnswer: number;
  reviewLimit: number;
  /** Broken deck files, one line each. */
  problems: readonly string[];
  /** The store's warnings (a damaged cache rebuilt…). */
  notices: readonly string[];
  /** An interview plan under way (activePlan). */
  plan?: HomePlan;
}

export type HomeProgress = Pick<Progress, 'countsByDeck' | 'counts' | 'streak' | 'msPerAnswer' | 'settings' | 'notices' | 'planPreview'>;

/** With several decks the first row already is "All decks": don't count everything twice. */
export function homeTotal(table: DeckRow[], progress: Pick<Progress, 'counts'>): DeckCounts {
  return table.length > 1 ? table[0]!.counts : progress.counts();
}

/** Everything at once, for a frame drawn once (HomeScreen memoises the parts itself). */
export function homeData(decks: LoadedDeck[], progress: HomeProgress, problems: readonly string[], t: Ui['messages']): HomeData {
  const table = deckRows(decks, progress, t.allDecks);
  const plan = activePlan(progress);
  return {
    ...(plan ? { plan } : {}),
    table,
    total: homeTotal(table, progress),
    streak: progress.streak(),
    msPerAnswer: progress.msPerAnswer(),
    reviewLimit: progress.settings.reviewsPerDayAll,
    problems,
    notices: progress.notices,
  };
}

const COUNT_W = 6;

function rightAlign(text: string, width: number): string {
  const cut = truncateDisplay(text, width);
  return ' '.repeat(width - displayWidth(cut)) + cut;
}

/** `focused`: the deck list has the focus, so it shows the cursor (else the chosen deck is only bold). */
function deckTableRows(rows: DeckRow[], selected: number, focused: boolean, height: number, width: number, { messages: t, theme }: Pick<Ui, 'messages' | 'theme'>): Row[] {
  if (height < 2) return [];
  const titleW = Math.max(4, width - 2 - COUNT_W * 3);
  const { start, end } = listWindow(rows.length, selected, height - 1);
  const head: Row = [
    seg(`  ${padDisplay(deckHeading(t, start, rows.length - end), titleW)}`, theme.text.muted),
    seg(rightAlign(t.deckCounts.new, COUNT_W), theme.count.new),
    seg(rightAlign(t.deckCounts.learning, COUNT_W), theme.count.learning),
    seg(rightAlign(t.deckCounts.due, COUNT_W), theme.count.due),
  ];
  const body = rows.slice(start, end).map((r, i): Row => {
    const isSel = start + i === selected;
    return [
      seg(isSel && focused ? '› ' : '  ', theme.selection),
      seg(padDisplay(r.title, titleW), isSel ? (focused ? theme.selection : theme.text.label) : theme.text.primary),
      seg(String(r.counts.new).padStart(COUNT_W), theme.count.new),
      seg(String(r.counts.learning).padStart(COUNT_W), theme.count.learning),
      seg(String(r.counts.review).padStart(COUNT_W), theme.count.due),
    ];
  });
  return [head, ...body].map((r) => fitRow(r, width));
}

/** "today ≈ 34 answers · 6 min", and after missed days "· 480 overdue, spread over 3 days"; empty when nothing is left. */
function todayLine(total: DeckCounts, msPerAnswer: number, reviewLimit: number, t: Ui['messages'], estimate = t.estimate): string {
  const { answers, minutes } = estimateDay(total, msPerAnswer);
  // Nothing left today: no line (the counts say so).
  if (answers === 0) return '';
  const due = total.dueReviews ?? 0;
  const backlog = due > total.review ? ` · ${t.backlog(due, backlogDays(due, total.review, reviewLimit))}` : '';
  return `${estimate(answers, minutes)}${backlog}`;
}

/**
 * Today's load: the daily review's line, or with an interview plan under way one summary under
 * "Today:", the review's row and the plan's (its answers are a cram's, not in the review's count):
 *
 *   Today: Review ≈ 49 answers · 8 min
 *          Cram ≈ 332 answers · interview D-3
 */
function todayRows(data: HomeData, columns: number, { messages: t, theme }: Pick<Ui, 'messages' | 'theme'>): Row[] {
  if (!data.plan) {
    const today = todayLine(data.total, data.msPerAnswer, data.reviewLimit, t);
    return today ? wrapRows(today, columns, theme.text.primary).slice(0, 2) : [];
  }
  const review = todayLine(data.total, data.msPerAnswer, data.reviewLimit, t, t.todayReview);
  const hang = ' '.repeat(displayWidth(t.todayLabel));
  const rows = review ? wrapRows(review, columns, theme.text.primary, t.todayLabel).slice(0, 2) : [];
  const indent = rows.length ? hang : t.todayLabel;
  const { daysLeft, today } = data.plan;
  const full = t.todayPlan(daysLeft, today, false);
  const plan = displayWidth(indent + full) <= columns ? full : t.todayPlan(daysLeft, today, true);
  rows.push(fitRow([seg(indent), seg(plan, theme.text.accent)], columns));
  return rows;
}

export interface HomeView {
  title: Row;
  right: Row;
  footer: Row;
  /** The body, row by row: exactly bodyHeight(rows) rows (blank ones included). */
  body: Row[];
  /** The body above the menu, and the menu (HomeScreen draws it with ink-select-input). */
  top: Row[];
  menu: HomeMenu;
  /** The keys help lists (undefined: the screen kind's list). */
  help?: readonly Command[];
}

/**
 * The menu as ink-select-input draws it in HomeScreen: the labels, the highlighted entry, how
 * many fit (`shown`: with `limit`, ink-select-input shows a window that ends at the highlighted
 * entry once it is past the first window) and the "↓ N more" row under a cut-short list.
 */
export interface HomeMenu {
  labels: string[];
  index: number;
  /** The cursor is drawn only while the menu has the focus. */
  focused: boolean;
  shown: number;
  more?: Row;
  /** Rows the menu takes (blank ones included). */
  height: number;
}

function homeMenu(data: HomeData, state: HomeState, height: number, { messages: t, theme, columns }: Pick<Ui, 'messages' | 'theme' | 'columns'>): HomeMenu {
  const selectedDeck = data.table[Math.min(state.deck, data.table.length - 1)];
  const labels = MENU.map((value) =>
    // Review, Cram and Quiz act on the highlighted deck (Tab): say which.
    truncateDisplay((value === 'review' || value === 'cram' || value === 'quiz') && selectedDeck?.deckId ? `${t.menu[value]} · ${selectedDeck.title}` : t.menu[value], columns - 2),
  );
  // A menu cut short by a small terminal says so (the list scrolls with ↑/↓).
  const shown = height < labels.length ? Math.max(1, height - 1) : labels.length;
  const more = shown < labels.length ? fitRow([seg(t.menu.more(labels.length - shown), theme.text.muted)], columns) : undefined;
  return { labels, index: state.menu, focused: state.focus === 'menu', shown, height, ...(more ? { more } : {}) };
}

/** One menu entry's cells: the cursor (or two blanks) and the label. */
export function menuEntry(label: string, cursor: boolean, theme: Ui['theme']): Row {
  return [seg(cursor ? '› ' : '  ', theme.selection), seg(label, cursor ? theme.selection : theme.text.primary)];
}

/** The menu's rows as ink-select-input lays them out: for the frame drawn before Ink (firstFrame.ts). */
function menuRows(menu: HomeMenu, theme: Ui['theme']): Row[] {
  const start = Math.max(0, menu.index - (menu.shown - 1));
  const rows = menu.labels.slice(start, start + menu.shown).map((label, i) => menuEntry(label, start + i === menu.index && menu.focused, theme));
  if (menu.more) rows.push(menu.more);
  while (rows.length < menu.height) rows.push([]);
  return rows;
}

export function homeView(data: HomeData, state: HomeState, ui: Pick<Ui, 'messages' | 'theme' | 'columns' | 'rows'>): HomeView {
  const { messages: t, theme, columns, rows } = ui;
  const { table, total, streak, problems, notices: storeNotices } = data;
  const firstRun = streak.longest === 0 && total.doneToday === 0;
  const intro: Row[] = firstRun ? wrapRows(t.firstRun, columns, theme.text.accent).slice(0, 2) : [];
  // Today in answers and minutes (all decks, limits applied), a backlog spread over days, a plan's load.
  intro.push(...todayRows(data, columns, ui));
  const notices: Row[] = [];
  if (!state.dismissed && problems.length) {
    notices.push([seg(t.deckProblems(problems.length), theme.status.warn)]);
    for (const p of problems.slice(0, 2)) notices.push(fitRow([seg(`  ${p}`, theme.text.muted)], columns));
  }
  if (!state.dismissed) for (const n of storeNotices.slice(0, 2)) notices.push(fitRow([seg(n, theme.status.warn)], columns));
  if (!table.length) notices.push(...wrapRows(t.noDecks, columns, theme.status.warn));
  // `x` only does something while a notice is shown: help lists it only then.
  const dismissible = !state.dismissed && (problems.length > 0 || storeNotices.length > 0);
  const help = dismissible ? undefined : SCREEN_COMMANDS.home.filter((c) => c !== Command.Dismiss);

  const height = bodyHeight(rows);
  const layout = homeLayout(height, intro.length + notices.length, table.length, MENU.length);
  const top = [...intro, ...notices, ...deckTableRows(table, state.deck, state.focus === 'decks', layout.deckHeight, columns, ui), ...(layout.gap ? [[]] : [])];
  const menu = homeMenu(data, state, layout.menuHeight, ui);
  const body = [...top, ...menuRows(menu, theme)].slice(0, height);
  while (body.length < height) body.push([]);
  return {
    title: [seg(t.appName, theme.text.heading)],
    right: [seg(`${t.streak(streak.current)} · ${t.doneToday(total.doneToday)}`, theme.text.muted)],
    footer: state.quitHint ? [seg(t.footer.quitHint, theme.text.accent)] : [seg(t.footer.home, theme.text.muted)],
    body,
    top,
    menu,
    help,
  };
}
