/**
 * The search box and result highlight as a pure reducer. Text arrives whole when pasted or
 * committed by an IME (one multi-character `input`), so `insert` takes any string.
 */
import { EMPTY_FIELD, applyTextEdit, insertText, type TextEdit, type TextField } from '../../textField.js';

export interface SearchState {
  query: string;
  /** Cursor position in code points of `query`. */
  cursor: number;
  selected: number;
}

export type SearchAction =
  | TextEdit
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'start' }
  | { type: 'end' }
  | { type: 'move'; by: number; count: number }
  /** A chosen tag or deck filled into the query (facets.ts). */
  | { type: 'replace'; query: string };

/** The box holding `query` as if typed: it may be the raw rest of a key chunk (`/레이어`, see searchKey). */
export function initialSearch(query = ''): SearchState {
  const field = insertText(EMPTY_FIELD, query);
  return { query: field.value, cursor: field.cursor, selected: 0 };
}

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  const field = { value: state.query, cursor: state.cursor };
  const edited = (f: TextField): SearchState => (f === field ? state : { query: f.value, cursor: f.cursor, selected: 0 });
  switch (action.type) {
    case 'insert':
    case 'backspace':
    case 'clear':
      return edited(applyTextEdit(field, action));
    case 'left':
      return { ...state, cursor: Math.max(0, state.cursor - 1) };
    case 'right':
      return { ...state, cursor: Math.min([...state.query].length, state.cursor + 1) };
    case 'start':
      return { ...state, cursor: 0 };
    case 'end':
      return { ...state, cursor: [...state.query].length };
    case 'replace':
      return initialSearch(action.query);
    case 'move':
      if (action.count <= 0) return { ...state, selected: 0 };
      return { ...state, selected: Math.max(0, Math.min(action.count - 1, state.selected + action.by)) };
  }
}
