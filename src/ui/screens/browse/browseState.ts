/**
 * The card browser's state as a pure reducer: the text filter (a text field), the focused
 * control, each filter's choice (an index into its options), the sort and the highlighted row.
 * Letters always go to the text filter (so typing never changes a filter by surprise); ←/→
 * change the focused filter, or move the cursor when the text filter has the focus.
 */
import { BROWSE_FILTERS, BROWSE_SORTS, type BrowseFilter } from '../../../core/schedule/browse.js';
import { applyTextEdit, type TextEdit, type TextField } from '../../textField.js';

export const FOCUSES = ['query', 'deck', 'tag', 'filter', 'sort'] as const;
export type BrowseFocus = (typeof FOCUSES)[number];

export interface BrowseState {
  query: string;
  /** Cursor in code points of `query`. */
  cursor: number;
  focus: BrowseFocus;
  /** 0: all decks / all tags; i: option i of the screen's list. */
  deck: number;
  tag: number;
  filter: number;
  sort: number;
  selected: number;
}

/** How many choices the deck and tag filters have (all + each). */
export interface BrowseCounts {
  decks: number;
  tags: number;
}

export type BrowseAction =
  | TextEdit
  | { type: 'focus'; by: 1 | -1 }
  | { type: 'option'; by: 1 | -1; counts: BrowseCounts }
  | { type: 'move'; by: number; count: number };

export function initialBrowse(query = '', filter: BrowseFilter = 'all'): BrowseState {
  return { query, cursor: [...query].length, focus: 'query', deck: 0, tag: 0, filter: BROWSE_FILTERS.indexOf(filter), sort: 0, selected: 0 };
}

const wrap = (i: number, n: number) => (n > 0 ? (i + n) % n : 0);

export function browseReducer(state: BrowseState, action: BrowseAction): BrowseState {
  const field = { value: state.query, cursor: state.cursor };
  const edited = (f: TextField): BrowseState => (f === field ? state : { ...state, query: f.value, cursor: f.cursor, selected: 0 });
  switch (action.type) {
    case 'insert':
    case 'backspace':
    case 'clear':
      return edited(applyTextEdit(field, action));
    case 'focus':
      return { ...state, focus: FOCUSES[wrap(FOCUSES.indexOf(state.focus) + action.by, FOCUSES.length)]! };
    case 'option':
      return changeOption(state, action.by, action.counts);
    case 'move':
      if (action.count <= 0) return { ...state, selected: 0 };
      return { ...state, selected: Math.max(0, Math.min(action.count - 1, state.selected + action.by)) };
  }
}

/** ←/→: the focused filter's next or previous choice (back to the first row), or the text cursor. */
function changeOption(state: BrowseState, by: 1 | -1, counts: BrowseCounts): BrowseState {
  switch (state.focus) {
    case 'query':
      return { ...state, cursor: Math.max(0, Math.min([...state.query].length, state.cursor + by)) };
    case 'deck':
      return { ...state, deck: wrap(state.deck + by, counts.decks), selected: 0 };
    case 'tag':
      return { ...state, tag: wrap(state.tag + by, counts.tags), selected: 0 };
    case 'filter':
      return { ...state, filter: wrap(state.filter + by, BROWSE_FILTERS.length), selected: 0 };
    case 'sort':
      return { ...state, sort: wrap(state.sort + by, BROWSE_SORTS.length), selected: 0 };
  }
}
