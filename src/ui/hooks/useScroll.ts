/** Scrolling a block of rows with the keymap's scroll keys (card screen, stats panels), drawn with ↑/↓ markers. */
import type { Key } from 'ink';
import { useState } from 'react';
import { scrollDelta, viewport, windowRows } from '../components/scrollWindow.js';
import { clampScroll, type Row } from '../textLayout.js';

/**
 * `resetOn`: when it changes (another stats panel), the window starts again from the top.
 * `hidden` says whether anything is scrolled off, for a footer that mentions the scroll keys.
 */
export function useScroll(content: readonly Row[], height: number, marker: (dir: 'up' | 'down', hidden: number) => Row, resetOn?: unknown) {
  const [state, setState] = useState({ offset: 0, on: resetOn });
  const total = content.length;
  const fresh = !Object.is(state.on, resetOn);
  // Stored at once (React's "adjust state while rendering"): going back to a panel starts at its top too.
  if (fresh) setState({ offset: 0, on: resetOn });
  const offset = fresh ? 0 : state.offset;
  const handle = (input: string, key: Key): boolean => {
    const by = scrollDelta(input, key, height);
    if (!by) return false;
    // From the latest offset, not this render's: several keys can arrive in one chunk.
    setState((s) => {
      const from = Object.is(s.on, resetOn) ? s.offset : 0;
      return { offset: clampScroll(clampScroll(from, total, height) + by, total, height), on: resetOn };
    });
    return true;
  };
  return { rows: windowRows(content, viewport(total, offset, height), marker), handle, scrollable: total > height };
}
