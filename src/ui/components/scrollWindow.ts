/**
 * A window of `height` rows over pre-laid-out content, scrolled the way the review screen
 * scrolls a long card: a row cut off below is replaced by "↓ N more", and (new here) a row
 * cut off above by "↑ N more", N counting the marker's own row. Pure, so a screen keeps the
 * offset wherever it likes (state, reducer) and only asks what to draw and where to go.
 */
import type { Key } from 'ink';
import { Command, matches, type MatchOptions } from '../keymap.js';
import type { Messages } from '../i18n/index.js';
import { clampScroll, seg, type Row } from '../textLayout.js';
import type { Theme } from '../theme.js';

/** Content rows [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** What a window shows at one offset: content rows [start, end), and which markers. */
export interface Viewport extends Span {
  /** The offset, clamped: content row `scroll` is the window's first row (maybe under ↑). */
  scroll: number;
  up: boolean;
  down: boolean;
}

export function viewport(total: number, scroll: number, height: number): Viewport {
  const s = clampScroll(scroll, total, height);
  // Two markers in a window of two rows would leave no content: ↑ needs three.
  const up = s > 0 && height >= 3;
  const down = s + height < total;
  return { scroll: s, start: s + (up ? 1 : 0), end: Math.min(total, s + height) - (down ? 1 : 0), up, down };
}

/** The "↑ N more" / "↓ N more" rows every scrolling screen draws. */
export function moreMarker(t: Messages, theme: Theme): (dir: 'up' | 'down', hidden: number) => Row {
  return (dir, n) => [seg(dir === 'up' ? t.review.moreAbove(n) : t.review.more(n), theme.text.muted)];
}

/** The same markers counting entries, not lines ("↓ 3 more", "↓ 3개 더"): a list of one-row entries (Settings). */
export function itemMarker(t: Messages, theme: Theme): (dir: 'up' | 'down', hidden: number) => Row {
  return (dir, n) => [seg(t.deckCounts.hidden(`${dir === 'up' ? '↑' : '↓'} ${n}`), theme.text.muted)];
}

/** The rows to draw: the shown content with its markers (`marker` makes one from its count). */
export function windowRows(content: readonly Row[], view: Viewport, marker: (dir: 'up' | 'down', hidden: number) => Row): Row[] {
  const rows = content.slice(view.start, view.end);
  if (view.up) rows.unshift(marker('up', view.start));
  if (view.down) rows.push(marker('down', content.length - view.end));
  return rows;
}

/**
 * The offset nearest `scroll` that shows `focus` (the highlighted option, the answer field,
 * the verdict). A focus taller than the window shows from its first row.
 */
export function followScroll(scroll: number, total: number, height: number, focus: Span): number {
  const now = viewport(total, scroll, height);
  if (focus.start >= now.start && focus.end <= now.end) return now.scroll;
  // At the top: just under the ↑ marker.
  const top = viewport(total, Math.max(0, focus.start - (height >= 3 ? 1 : 0)), height).scroll;
  if (focus.start < now.start) return top;
  // At the bottom: the ↓ marker (if any) over the row after it.
  const bottom = viewport(total, focus.end >= total ? total : focus.end + 1 - height, height);
  return bottom.start <= focus.start ? bottom.scroll : top;
}

/**
 * The offset nearest `scroll` that shows the first of `spans` the window can show whole
 * (widest first: the options with the question's last line, then the options alone); when
 * none fits, the last as followScroll places it.
 */
export function fitScroll(scroll: number, total: number, height: number, spans: readonly Span[]): number {
  for (const span of spans) {
    const to = followScroll(scroll, total, height, span);
    const view = viewport(total, to, height);
    if (span.start >= view.start && span.end <= view.end) return to;
  }
  const last = spans[spans.length - 1];
  return last ? followScroll(scroll, total, height, last) : scroll;
}

const STEPS: readonly [Command, (page: number) => number][] = [
  [Command.ScrollDown, () => 1],
  [Command.ScrollUp, () => -1],
  [Command.PageDown, (page) => page],
  [Command.PageUp, (page) => -page],
];

/**
 * How far a key scrolls a window of `height` rows (0: not a scroll key). A page keeps the
 * row that was under the ↓ marker in view, just under the ↑ marker.
 */
export function scrollDelta(input: string, key: Key, height: number, opts?: MatchOptions): number {
  const step = STEPS.find(([command]) => matches(command, input, key, opts));
  return step ? step[1](Math.max(1, height - 2)) : 0;
}
