/** Scrolling a block of rows with the keymap's scroll keys (card screen), drawn with ↑/↓ markers. */
import type { Key } from 'ink';
import { useState } from 'react';
import { scrollDelta, viewport, windowRows } from '../components/scrollWindow.js';
import { clampScroll, type Row } from '../layout.js';

export function useScroll(content: readonly Row[], height: number, marker: (dir: 'up' | 'down', hidden: number) => Row) {
  const [offset, setOffset] = useState(0);
  const total = content.length;
  const handle = (input: string, key: Key): boolean => {
    const by = scrollDelta(input, key, height);
    if (!by) return false;
    // From the latest offset, not this render's: several keys can arrive in one chunk.
    setOffset((o) => clampScroll(clampScroll(o, total, height) + by, total, height));
    return true;
  };
  return { rows: windowRows(content, viewport(total, offset, height), marker), handle };
}
