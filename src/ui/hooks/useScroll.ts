/** Scrolling a block of rows with the keymap's scroll keys (card screen). */
import type { Key } from 'ink';
import { useState } from 'react';
import { Command, matches } from '../keymap.js';
import { clampScroll } from '../layout.js';

export function useScroll(total: number, height: number) {
  const [offset, setOffset] = useState(0);
  const scroll = clampScroll(offset, total, height);
  const handle = (input: string, key: Key): boolean => {
    const by = matches(Command.ScrollDown, input, key)
      ? 1
      : matches(Command.ScrollUp, input, key)
        ? -1
        : matches(Command.PageDown, input, key)
          ? Math.max(1, height - 1)
          : matches(Command.PageUp, input, key)
            ? -Math.max(1, height - 1)
            : 0;
    if (!by) return false;
    // From the latest offset, not this render's: several keys can arrive in one chunk.
    setOffset((o) => clampScroll(clampScroll(o, total, height) + by, total, height));
    return true;
  };
  return { scroll, handle };
}
