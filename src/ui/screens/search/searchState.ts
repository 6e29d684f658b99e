/**
 * The search box and result highlight as a pure reducer. Text arrives whole when pasted or
 * committed by an IME (one multi-character `input`), so `insert` takes any string.
 */
import { sanitizeText } from '../../../core/text/sanitize.js';

export interface SearchState {
  query: string;
  /** Cursor position in code points of `query`. */
  cursor: number;
  selected: number;
}

export type SearchAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'clear' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'move'; by: number; count: number };

export function initialSearch(query = ''): SearchState {
  return { query, cursor: [...query].length, selected: 0 };
}

/** Typed or pasted text as one line: control characters and newlines dropped. */
function cleanInput(text: string): string {
  return sanitizeText(text).replace(/[\n\t]+/g, ' ').normalize('NFC');
}

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  const chars = [...state.query];
  switch (action.type) {
    case 'insert': {
      // Keys that arrive in one chunk (held Backspace, fast typing) come as one string:
      // DEL / BS inside it still delete.
      if (/[\u007f\b]/.test(action.text)) {
        return action.text
          .split(/([\u007f\b])/)
          .reduce<SearchState>((s, part) => (part === '\u007f' || part === '\b' ? searchReducer(s, { type: 'backspace' }) : part ? searchReducer(s, { type: 'insert', text: part }) : s), state);
      }
      const add = [...cleanInput(action.text)];
      if (!add.length) return state;
      chars.splice(state.cursor, 0, ...add);
      return { query: chars.join(''), cursor: state.cursor + add.length, selected: 0 };
    }
    case 'backspace':
      if (state.cursor === 0) return state;
      chars.splice(state.cursor - 1, 1);
      return { query: chars.join(''), cursor: state.cursor - 1, selected: 0 };
    case 'clear':
      return initialSearch();
    case 'left':
      return { ...state, cursor: Math.max(0, state.cursor - 1) };
    case 'right':
      return { ...state, cursor: Math.min(chars.length, state.cursor + 1) };
    case 'move':
      if (action.count <= 0) return { ...state, selected: 0 };
      return { ...state, selected: Math.max(0, Math.min(action.count - 1, state.selected + action.by)) };
  }
}
