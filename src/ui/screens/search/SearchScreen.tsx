/**
 * Search as you type: results with the match highlighted, ↑/↓ to move, Enter opens the card.
 * The real cursor sits at the insertion point (useCursor), where the IME draws the syllable
 * being composed.
 */
import { renderToString, useCursor } from 'ink';
import { useMemo } from 'react';
import { answerText, frontText } from '../../../core/deck/cards.js';
import { completeFilter, filterChoices, pendingFilter, type FilterChoice } from '../../../core/search/facets.js';
import { displayWidth } from '../../../core/text/width.js';
import { fieldWindow } from '../../textField.js';
import { useServices, useUi, type SearchEngine, type SearchHit, type SearchResult, type Ui } from '../../context.js';
import { useSearchEngine } from '../../hooks/useSearchEngine.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, matches } from '../../keymap.js';
import { fitRow, highlightSegments, listWindow, scrollToMatch, seg, type Row } from '../../textLayout.js';
import { useShell } from '../../shell.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { initialSearch, searchReducer, type SearchAction } from './searchState.js';
import { useSyncReducer } from '../../hooks/useSyncReducer.js';

const LIMIT = 100;
/**
 * Hits ranked for the first screenful: the engine ranks max(limit, 32) candidates (its CANDIDATES),
 * so asking for a page instead of LIMIT costs a third less per key, most of it fuse.js and focus
 * (docs/BENCHMARKS.md, Search). The page is the CLI's own 20, so both list the same cards first.
 */
const PAGE = 20;
const PROMPT = '› ';
/** Whether this process has drawn result rows through Ink once (see the warm-up in SearchScreen). */
let inkWarmed = false;
const TF = { textField: true };

/** Keys that only change the box or the highlight: the action each dispatches (`count`: the list's length). */
const STATE_KEYS: readonly [Command, (count: number) => SearchAction][] = [
  [Command.ListDown, (count) => ({ type: 'move', by: 1, count })],
  [Command.ListUp, (count) => ({ type: 'move', by: -1, count })],
  [Command.PageDown, (count) => ({ type: 'move', by: 10, count })],
  [Command.PageUp, (count) => ({ type: 'move', by: -10, count })],
  [Command.DeleteBack, () => ({ type: 'backspace' })],
  [Command.ClearField, () => ({ type: 'clear' })],
  [Command.CursorLeft, () => ({ type: 'left' })],
  [Command.CursorRight, () => ({ type: 'right' })],
  [Command.CursorStart, () => ({ type: 'start' })],
  [Command.CursorEnd, () => ({ type: 'end' })],
];

/** One line of card text with the hit's ranges highlighted and the first match in view. */
function hitLine(text: string, ranges: [number, number][], width: number, ui: Pick<Ui, 'theme'>, plain = ui.theme.text.primary): Row {
  // Newlines become spaces (same length), so the engine's offsets still point at the match.
  const flat = text.replace(/[\n\t]/g, ' ');
  return fitRow(scrollToMatch(highlightSegments(flat, ranges, ui.theme.match, plain), width, ui.theme.match), width);
}

/** Result rows: two per hit (front; deck and answer) when there is room, else one; `keys` name each row's hit (Rows). */
function resultRows(hits: SearchHit[], selected: number, height: number, ui: Pick<Ui, 'theme' | 'columns'>): { rows: Row[]; keys: string[] } {
  const { theme, columns } = ui;
  const perHit = hitRows(height);
  const { start, end } = listWindow(hits.length, selected, Math.floor(height / perHit));
  const rows: Row[] = [];
  const keys: string[] = [];
  for (let i = start; i < end; i++) {
    const hit = hits[i]!;
    const isSel = i === selected;
    const marker = seg(isSel ? '› ' : '  ', theme.selection);
    const key = `${hit.deckId}/${hit.card.id}`;
    rows.push([marker, ...hitLine(frontText(hit.card), hit.highlights.front, columns - 2, ui, isSel ? theme.selection : theme.text.primary)]);
    keys.push(`${key}/front`);
    if (perHit === 2) {
      const deck = `${hit.deckTitle} · `;
      rows.push(fitRow([seg(`  ${deck}`, theme.text.muted), ...hitLine(answerText(hit.card), hit.highlights.back, columns - 2 - displayWidth(deck), ui, theme.text.muted)], columns));
      keys.push(`${key}/back`);
    }
  }
  return { rows, keys };
}

/** The tags or decks a pending `#` / `deck:` can take, one row each, with how many cards. */
function choiceRows(choices: FilterChoice[], selected: number, height: number, ui: Pick<Ui, 'theme' | 'columns' | 'messages'>): Row[] {
  const { theme, columns, messages: t } = ui;
  const { start, end } = listWindow(choices.length, selected, height);
  return choices.slice(start, end).map((c, k) => {
    const isSel = start + k === selected;
    const about = [c.title, t.search.cards(c.count)].filter(Boolean).join(' · ');
    return fitRow([seg(isSel ? '› ' : '  ', theme.selection), seg(c.value, isSel ? theme.selection : theme.text.primary), seg(`  ${about}`, theme.text.muted)], columns);
  });
}

/** Hits a list of `height` rows shows: two rows each (front; deck and answer) when there is room. */
const hitRows = (height: number) => (height >= 10 ? 2 : 1);

/** Whether the window of a list of `height` rows, `selected` highlighted, could reach the end of the first page. */
const pastFirstPage = (selected: number, height: number) => selected + Math.floor(height / hitRows(height)) >= Math.max(PAGE, height);

/**
 * The hits to list: the first page (at least a window's worth), and `more`: the rest of LIMIT
 * after it. The first page stays as it was drawn (the longer ranking may order its first cards
 * otherwise), so moving down never reorders what was shown.
 */
function hitsFor(engine: SearchEngine, query: string, more: boolean, height: number): SearchResult {
  const page = Math.max(PAGE, height);
  const first = engine.find(query, { limit: page });
  if (!more || first.hits.length < page) return first;
  const id = (h: SearchHit) => `${h.deckId}/${h.card.id}`;
  const shown = new Set(first.hits.map(id));
  const rest = engine.find(query, { limit: Math.max(LIMIT, page) }).hits.filter((h) => !shown.has(id(h)));
  return { ...first, hits: [...first.hits, ...rest] };
}

export function SearchScreen({ initialQuery }: { initialQuery?: string }) {
  const ui = useUi();
  const { decks } = useServices();
  const shell = useShell();
  const { messages: t, theme, columns, rows } = ui;
  // The warm-up's hits are laid out as rows, and the first of them, once a process, drawn through
  // Ink offscreen (renderToString): React, Ink's layout and its output code are then compiled when
  // the first key brings a list (a session's first key 13–21 ms instead of 15–44; docs/BENCHMARKS.md).
  const engine = useSearchEngine(true, (hits) => {
    const drawn = resultRows(hits, 0, Math.max(1, bodyHeight(rows) - 2), ui);
    if (inkWarmed) return;
    inkWarmed = true;
    renderToString(<Rows {...drawn} />, { columns });
  });
  const [state, dispatch, current] = useSyncReducer(searchReducer, () => initialSearch(initialQuery));
  const { setCursorPosition } = useCursor();

  // `#` or `deck:` alone at the end: list what it can name instead of searching.
  const pending = pendingFilter(state.query);
  const choices = useMemo(() => (pending ? filterChoices(decks, pending) : undefined), [decks, pending]);
  const listHeight = Math.max(1, bodyHeight(rows) - 2);
  const more = pastFirstPage(state.selected, listHeight);
  const found = useMemo(
    () => (!choices && engine && state.query.trim() ? hitsFor(engine, state.query, more, listHeight) : undefined),
    [choices, engine, state.query, more, listHeight],
  );
  const hits = found?.hits ?? [];
  const count = choices?.length ?? hits.length;

  /** Enter: a pending filter takes the highlighted choice; otherwise the highlighted hit opens. */
  const open = () => {
    const now = current();
    const kind = pendingFilter(now.query);
    if (kind) {
      const choice = filterChoices(decks, kind)[now.selected];
      if (choice) dispatch({ type: 'replace', query: completeFilter(now.query, choice) });
      return;
    }
    const hit = (now.query === state.query ? hits : engine ? hitsFor(engine, now.query, pastFirstPage(now.selected, listHeight), listHeight).hits : [])[now.selected];
    if (hit) shell.push({ kind: 'card', deckId: hit.deckId, cardId: hit.card.id });
  };

  useScreenInput((input, key) => {
    const change = STATE_KEYS.find(([command]) => matches(command, input, key, TF));
    if (change) dispatch(change[1](count));
    else if (matches(Command.Open, input, key, TF)) open();
    else if (matches(Command.BrowseResults, input, key, TF)) shell.push({ kind: 'browse', query: current().query });
    // With an empty box nobody is searching for "?": it opens help like everywhere else.
    else if (!current().query && matches(Command.Help, input, key)) shell.openHelp();
    else if (input && !key.ctrl && !key.meta && !key.escape && !key.tab && !key.return) dispatch({ type: 'insert', text: input });
    else return false;
    return true;
  }, TF);

  // A query longer than the row scrolls to the cursor, as the answer fields do.
  const box = fieldWindow({ value: state.query, cursor: state.cursor }, columns - displayWidth(PROMPT));
  const inputRow: Row = state.query
    ? [seg(PROMPT, theme.text.accent), seg(box.text)]
    : [seg(PROMPT, theme.text.accent), seg(t.search.placeholder, theme.text.muted)];
  // Header row is row 0 of the frame, the box row 1.
  setCursorPosition(shell.active ? { x: Math.min(columns - 1, displayWidth(PROMPT) + box.cursor), y: 1 } : undefined);

  const none = Boolean(engine && !choices && state.query.trim() && !hits.length);
  const status: Row = !engine
    ? [seg(t.search.indexing, theme.text.muted)]
    : choices
      ? [seg(t.search.choose, theme.text.muted)]
      : none
        ? [seg(t.search.noResults, theme.status.warn)]
        : [];
  // How many cards matched in all: the list stops at LIMIT, the count does not.
  const right: Row = found ? [seg(t.search.results(found.total, found.atLeast), theme.text.muted)] : [];

  return (
    <Frame title={[seg(t.search.title, theme.text.heading)]} right={right} footer={[seg(t.search.hint, theme.text.muted)]}>
      <Rows rows={[fitRow(inputRow, columns), fitRow(status, columns)]} />
      {choices ? (
        <Rows rows={choiceRows(choices, state.selected, listHeight, ui)} />
      ) : none ? (
        // What to try instead, where the hits would be.
        <Rows rows={[fitRow([seg(t.cli.search.tryHint, theme.text.muted)], columns)]} />
      ) : (
        <Rows {...resultRows(hits, state.selected, listHeight, ui)} />
      )}
    </Frame>
  );
}
