/**
 * A question view's body: all of it (question, options or field, feedback) as one column of
 * rows, drawn in the frame's body through a scrolling window (components/scrollWindow.ts, as
 * the review screen scrolls a long card). A long question wraps over as many rows as it needs
 * instead of being cut; ↑/↓ (where the view does not use them) and PgUp/PgDn scroll.
 *
 * The view names a focus: the highlighted option, the answer field, the verdict. When the
 * focus changes (its key), the window moves just enough to show it (or the widest of the
 * spans around it that fits); the first frame starts at the top, so the question is read
 * first, unless the focus asks to be shown at once (multiple choice: the number keys answer
 * options, so they must be on screen). Rows a view pins (the field being typed in, the
 * countdown) stay below the window.
 */
import type { Key } from 'ink';
import { useReducer, useRef } from 'react';
import { useUi } from '../../context.js';
import { Command, type MatchOptions } from '../../keymap.js';
import { QUIZ_VIEW_COMMANDS } from '../../navigation.js';
import { clampScroll, fitRow, type Row } from '../../textLayout.js';
import { bodyHeight } from '../../components/Frame.js';
import { fitScroll, moreMarker, scrollDelta, viewport, windowRows, type Span } from '../../components/scrollWindow.js';

export interface Focus extends Span {
  /** Follow the focus when this changes (not on every render: the user may have scrolled away). */
  key: string;
  /** Wider spans holding the focus, widest first: the window shows the first that fits whole. */
  around?: readonly Span[];
  /** Shown on the first frame too (scrolled to), not only when the key changes. */
  atOnce?: boolean;
}

export interface QuizBody {
  /** The rows to draw: exactly what fits the body, every row within the width. */
  rows: Row[];
  /** The body row where row `i` (of all the view's rows) is drawn, or -1 when it is scrolled off. */
  rowOf(i: number): number;
  /** Rows are hidden above: ↑ on a list's first item scrolls instead of wrapping. */
  canScrollUp(): boolean;
  scrollBy(by: number): void;
  /** A scroll key (↑/↓ when `opts` allow them, PgUp/PgDn); true when it was one. */
  handle(input: string, key: Key, opts?: MatchOptions): boolean;
}

/**
 * `all` the view's rows; those from `pinFrom` on (the field being typed in, the think-time
 * countdown) stay under the window, always on screen, and the rest scrolls. When everything
 * fits, all of it shows as is.
 */
export function useQuizBody(all: Row[], focus?: Focus, pinFrom = all.length): QuizBody {
  const { messages: t, theme, columns, rows } = useUi();
  const pinned = all.slice(pinFrom);
  const content = all.slice(0, pinFrom);
  const height = Math.max(1, bodyHeight(rows) - pinned.length);
  const total = content.length;
  // The offset lives in a ref: keys that arrive in one chunk each see the previous one's.
  const state = useRef({ scroll: 0, key: focus?.atOnce ? undefined : focus?.key });
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  if (focus && focus.key !== state.current.key) {
    // A pinned focus is always in view.
    const spans = [...(focus.around ?? []), focus].map((f) => ({ start: f.start, end: Math.min(f.end, total) })).filter((f) => f.start < total);
    state.current = { scroll: fitScroll(state.current.scroll, total, height, spans), key: focus.key };
  }
  const view = viewport(total, state.current.scroll, height);
  const shown = windowRows(content, view, moreMarker(t, theme));

  const scrollBy = (by: number) => {
    const from = clampScroll(state.current.scroll, total, height);
    const to = clampScroll(from + by, total, height);
    if (to === from) return;
    state.current = { ...state.current, scroll: to };
    rerender();
  };
  return {
    rows: [...shown, ...pinned].map((r) => fitRow(r, columns)),
    rowOf: (i) => (i >= pinFrom ? shown.length + i - pinFrom : i >= view.start && i < view.end ? i - view.scroll : -1),
    canScrollUp: () => clampScroll(state.current.scroll, total, height) > 0,
    scrollBy,
    handle(input, key, opts) {
      const by = scrollDelta(input, key, height, opts);
      if (!by) return false;
      scrollBy(by);
      return true;
    },
  };
}

/** A view's help plus the page keys (↑/↓ also scroll where the view does not use them). */
export function withScrollHelp(view: keyof typeof QUIZ_VIEW_COMMANDS): Command[] {
  return [...QUIZ_VIEW_COMMANDS[view], Command.PageUp, Command.PageDown];
}
