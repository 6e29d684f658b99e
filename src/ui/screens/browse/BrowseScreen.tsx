/**
 * The card browser: every card with its state, narrowed by deck, tag, a state filter (new /
 * learning / due today / suspended / leeches / buried) and a text filter (the search engine),
 * sorted by due, recall, lapses or deck order. Only a window of rows is drawn (10k cards cost
 * what 20 do); Enter opens the card view, where the card can be suspended, buried, reset or
 * studied. The facts are read again whenever the browser comes back on top.
 */
import { useCursor, type Key } from 'ink';
import { useMemo, useRef } from 'react';
import { promptText } from '../../../core/deck/cards.js';
import type { StudyItem } from '../../../core/deck/items.js';
import { BROWSE_FILTERS, BROWSE_SORTS, filterCards, sortCards, tagsOf, type BrowseFilter, type BrowseSort, type CardInfo } from '../../../core/schedule/browse.js';
import { displayWidth, padDisplay, truncateDisplay } from '../../../core/text/width.js';
import { fieldWindow } from '../../textField.js';
import { useServices, useUi, type Ui } from '../../context.js';
import { useSearchEngine } from '../../hooks/useSearchEngine.js';
import { formatSpan } from '../../format.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { useSyncReducer } from '../../hooks/useSyncReducer.js';
import { Command, matches, splitChunk } from '../../keymap.js';
import { fitRow, listWindow, oneLine, packRows, seg, type Row } from '../../textLayout.js';
import { useShell } from '../../shell.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { browseReducer, initialBrowse, type BrowseAction, type BrowseCounts, type BrowseState } from './browseState.js';

/** Text-filter hits asked of the search engine (its ranking stage costs per candidate). */
const SEARCH_LIMIT = 100;
const PROMPT = '› ';
const TF = { textField: true };

/** Keys that only change the browser's state: the action each dispatches (`count`: the list's length). */
const STATE_KEYS: readonly [Command, (count: number, counts: BrowseCounts) => BrowseAction][] = [
  [Command.FocusPrev, () => ({ type: 'focus', by: -1 })],
  [Command.FocusNext, () => ({ type: 'focus', by: 1 })],
  [Command.ListDown, (count) => ({ type: 'move', by: 1, count })],
  [Command.ListUp, (count) => ({ type: 'move', by: -1, count })],
  [Command.PageDown, (count) => ({ type: 'move', by: 10, count })],
  [Command.PageUp, (count) => ({ type: 'move', by: -10, count })],
  [Command.OptionNext, (_, counts) => ({ type: 'option', by: 1, counts })],
  [Command.OptionPrev, (_, counts) => ({ type: 'option', by: -1, counts })],
  [Command.DeleteBack, () => ({ type: 'backspace' })],
  [Command.ClearField, () => ({ type: 'clear' })],
];

export interface BrowseOptions {
  decks: readonly (string | undefined)[];
  tags: readonly (string | undefined)[];
}

/** What the state selects: deck and tag ids, the filter and the sort. */
function selection(state: BrowseState, opts: BrowseOptions) {
  return { deckId: opts.decks[state.deck], tag: opts.tags[state.tag], filter: BROWSE_FILTERS[state.filter]!, sort: BROWSE_SORTS[state.sort]! };
}

/**
 * The rows the list shows, in order. `hits`: card id → search rank for the text filter (undefined: no
 * text filter). `sorted`: all of `rows` in the state's sort, kept by the screen: without a text
 * filter the list is those filtered, in the same order (the sort is stable and total), so a change
 * of deck, tag or Show sorts nothing.
 */
export function listCards(rows: readonly CardInfo[], state: BrowseState, opts: BrowseOptions, hits?: ReadonlyMap<string, number>, sorted?: SortedCards): CardInfo[] {
  const sel = selection(state, opts);
  const query = { deckId: sel.deckId, tag: sel.tag, filter: sel.filter, cardIds: hits };
  if (!hits && sorted?.rows === rows && sorted.sort === sel.sort) return filterCards(sorted.list, query);
  return sortCards(filterCards(rows, query), sel.sort, hits);
}

/** All of `rows` in one sort. */
export interface SortedCards {
  rows: readonly CardInfo[];
  sort: BrowseSort;
  list: CardInfo[];
}

export function sortedCards(rows: readonly CardInfo[], sort: BrowseSort): SortedCards {
  return { rows, sort, list: sortCards(rows, sort) };
}

/** "Deck all · Tag #image · Show suspended · Sort due": the focused one marked ‹ ›. */
function controlRows(state: BrowseState, opts: BrowseOptions, deckTitle: (id: string) => string, ui: Pick<Ui, 'messages' | 'theme' | 'columns'>): Row[] {
  const { messages: t, theme, columns } = ui;
  const sel = selection(state, opts);
  const values = {
    deck: sel.deckId === undefined ? t.browser.any : deckTitle(sel.deckId),
    tag: sel.tag === undefined ? t.browser.any : `#${sel.tag}`,
    filter: t.browser.filters[sel.filter],
    sort: t.browser.sorts[sel.sort],
  };
  const labels = { deck: t.browser.deck, tag: t.browser.tag, filter: t.browser.show, sort: t.browser.sort };
  const items = (['deck', 'tag', 'filter', 'sort'] as const).map((k): Row => {
    const on = state.focus === k;
    return [seg(`${labels[k]} `, theme.text.muted), seg(on ? `‹${values[k]}›` : values[k], on ? { ...theme.selection, inverse: true } : theme.text.primary)];
  });
  return packRows(items, columns, seg(' · ', theme.text.muted));
}

const KIND_W = 5;
const DUE_W = 5;
const R_W = 5;
const LAPSE_W = 5;

/** A header cell: at least one space before the next column, whatever the language. */
const cell = (label: string, width: number) => padDisplay(truncateDisplay(label, width - 1), width);

/** One card's row: kind, flags, due, recall, lapses and its prompt. */
function cardRow(c: CardInfo, on: boolean, items: ReadonlyMap<string, StudyItem>, now: number, ui: Pick<Ui, 'messages' | 'theme' | 'columns'>): Row {
  const { messages: t, theme, columns } = ui;
  const b = t.browser;
  const flags = `${c.suspended ? b.flagLetters.suspended : ' '}${c.buried ? b.flagLetters.buried : ' '}${c.leech ? b.flagLetters.leech : ' '}`;
  const due = c.due === undefined ? '-' : c.due <= now ? t.time.now : formatSpan(c.due - now, t);
  const recall = c.kind === 'new' ? '-' : `${Math.round(c.retrievability * 100)}%`;
  const item = items.get(c.key);
  const text = item ? oneLine(promptText(item.card, item.direction)) : c.key;
  return fitRow(
    [
      seg(on ? '› ' : '  ', theme.selection),
      seg(padDisplay(b.kinds[c.kind], KIND_W), c.kind === 'new' ? theme.count.new : c.kind === 'learning' ? theme.count.learning : theme.count.due),
      seg(`${flags}`, theme.status.warn),
      // One segment for the three number columns: fewer Ink nodes per row (every ↓ redraws the window).
      seg(`${padDisplay(due, DUE_W)}${padDisplay(recall, R_W)}${padDisplay(String(c.lapses), LAPSE_W)}`, theme.text.muted),
      seg(text, on ? theme.selection : theme.text.primary),
    ],
    columns,
  );
}

/** The list: a header and a window of card rows around the highlighted one; `keys` name each row's card (Rows). */
function cardRows(list: readonly CardInfo[], selected: number, height: number, items: ReadonlyMap<string, StudyItem>, now: number, ui: Pick<Ui, 'messages' | 'theme' | 'columns'>): { rows: Row[]; keys: string[] } {
  const { messages: t, theme, columns } = ui;
  if (height < 1) return { rows: [], keys: [] };
  const b = t.browser;
  const head: Row = [
    seg(`  ${cell(b.head.state, KIND_W + 3)}${cell(b.head.due, DUE_W)}${cell(b.head.recall, R_W)}${cell(b.head.lapses, LAPSE_W)}${b.head.card}`, theme.text.muted),
  ];
  const { start, end } = listWindow(list.length, selected, height - 1);
  const rows: Row[] = [fitRow(head, columns)];
  const keys = ['head'];
  for (let i = start; i < end; i++) {
    const c = list[i]!;
    keys.push(`card/${c.key}`);
    rows.push(cardRow(c, i === selected, items, now, ui));
  }
  return { rows, keys };
}

/** Per store: the items by key and the filter choices. The decks do not change while the app runs, so each opening reuses them. */
const LOOKUPS = new WeakMap<object, { items: Map<string, StudyItem>; opts: BrowseOptions }>();
function lookups(progress: { items(): StudyItem[] }, decks: readonly { deck: { id: string } }[]) {
  let l = LOOKUPS.get(progress);
  if (!l) {
    const all = progress.items();
    l = { items: new Map(all.map((it) => [it.key, it])), opts: { decks: [undefined, ...decks.map((d) => d.deck.id)], tags: [undefined, ...tagsOf(all)] } };
    LOOKUPS.set(progress, l);
  }
  return l;
}

export function BrowseScreen({ query, filter }: { query?: string; filter?: BrowseFilter }) {
  const services = useServices();
  const { progress, decks } = services;
  const ui = useUi();
  const { messages: t, theme, columns, rows } = ui;
  const shell = useShell();
  const [state, dispatch, current] = useSyncReducer(browseReducer, () => initialBrowse(query, filter));
  const { setCursorPosition } = useCursor();

  // Read the facts again whenever the browser is back on top (the card view below changed a card).
  const shown = useRef({ active: shell.active, times: 0 });
  if (shell.active && !shown.current.active) shown.current.times++;
  shown.current.active = shell.active;
  const infos = useMemo(() => progress.cardInfos(), [progress, shown.current.times]);
  const { items, opts } = useMemo(() => lookups(progress, decks), [progress, decks]);
  const titles = useMemo(() => new Map(decks.map((d) => [d.deck.id, d.deck.title])), [decks]);

  // The text filter needs the search index: built on first use, as the search screen does.
  const wantsIndex = state.query.trim() !== '';
  const engine = useSearchEngine(wantsIndex);

  const deckId = opts.decks[state.deck];
  const hitsFor = (s: BrowseState) => {
    if (!s.query.trim() || !engine) return undefined;
    const found = new Map<string, number>();
    engine.search(s.query, { limit: SEARCH_LIMIT, deckId: opts.decks[s.deck] }).forEach((h, i) => found.has(h.card.id) || found.set(h.card.id, i));
    return found;
  };
  const hits = useMemo(() => hitsFor(state), [engine, state.query, deckId]);
  const sort = BROWSE_SORTS[state.sort]!;
  // Only sorted when the rows or the sort change, and only when a list without a text filter needs it.
  const sortedRef = useRef<SortedCards>(undefined);
  const sortedFor = (s: BrowseSort) => {
    if (sortedRef.current?.rows !== infos || sortedRef.current.sort !== s) sortedRef.current = sortedCards(infos, s);
    return sortedRef.current;
  };
  const list = useMemo(() => listCards(infos, state, opts, hits, hits ? undefined : sortedFor(sort)), [infos, opts, hits, state.deck, state.tag, state.filter, sort]);

  const counts = { decks: opts.decks.length, tags: opts.tags.length };
  /** Enter opens the highlighted card; keys in one chunk ("↓ Enter") act on the state the previous key left. */
  const open = () => {
    const now = current();
    const nowHits = now.query === state.query && now.deck === state.deck ? hits : hitsFor(now);
    const shownList = now === state ? list : listCards(infos, now, opts, nowHits, nowHits ? undefined : sortedFor(BROWSE_SORTS[now.sort]!));
    const c = shownList[now.selected];
    if (c) shell.push({ kind: 'card', deckId: c.deckId, cardId: c.cardId, key: c.key });
  };
  const handler = (input: string, key: Key): boolean => {
    // Several keys in one chunk ("Tab Tab →" sent at once) act one by one, never as text.
    const keys = splitChunk(input);
    if (keys) {
      for (const k of keys) handler(k.input, k.key);
      return true;
    }
    const change = STATE_KEYS.find(([command]) => matches(command, input, key, TF));
    if (change) dispatch(change[1](list.length, counts));
    else if (matches(Command.Open, input, key, TF)) open();
    // With an empty text filter nobody is typing "?": it opens help like everywhere else.
    else if (!current().query && matches(Command.Help, input, key)) shell.openHelp();
    else if (input && !key.ctrl && !key.meta && !key.escape && !key.tab && !key.return) dispatch({ type: 'insert', text: input });
    else return false;
    return true;
  };
  useScreenInput(handler, { textField: true });

  // A query longer than the row scrolls to the cursor, as the answer fields do.
  const box = fieldWindow({ value: state.query, cursor: state.cursor }, columns - displayWidth(PROMPT));
  const focusQuery = state.focus === 'query';
  const inputRow: Row = [
    seg(PROMPT, focusQuery ? theme.selection : theme.text.muted),
    state.query ? seg(box.text) : seg(t.browser.placeholder, theme.text.muted),
  ];
  setCursorPosition(shell.active && focusQuery ? { x: Math.min(columns - 1, displayWidth(PROMPT) + box.cursor), y: 1 } : undefined);

  const controls = controlRows(state, opts, (id) => titles.get(id) ?? id, ui);
  const status: Row = wantsIndex && !engine ? [seg(t.browser.loading, theme.text.muted)] : !list.length ? [seg(t.browser.empty, theme.status.warn)] : hits && hits.size >= SEARCH_LIMIT ? [seg(t.browser.capped(SEARCH_LIMIT), theme.text.muted)] : [];
  const top: Row[] = [fitRow(inputRow, columns), ...controls, ...(status.length ? [fitRow(status, columns)] : [])];
  const listHeight = Math.max(0, bodyHeight(rows) - top.length);
  const right: Row = [seg(t.browser.count(list.length, infos.length), theme.text.muted)];
  return (
    <Frame title={[seg(t.browser.title, theme.text.heading)]} right={right} footer={[seg(t.browser.hint, theme.text.muted)]}>
      <Rows rows={top} />
      <Rows {...cardRows(list, Math.min(state.selected, Math.max(0, list.length - 1)), listHeight, items, services.now().getTime(), ui)} />
    </Frame>
  );
}
