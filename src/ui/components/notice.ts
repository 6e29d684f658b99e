/**
 * A notice wrapped whole over the footer (review, card screen): at 40 columns it takes rows
 * rather than being cut with "…", which lost the unsuspend command and a prompt's y/n.
 */
import { displayWidth } from '../../core/text/width.js';
import type { Ui } from '../context.js';
import { wrapRows, type Row } from '../textLayout.js';

export interface Notice {
  text: string;
  tone: 'ok' | 'warn' | 'info';
  /** A suspended card's key: how to bring it back later follows, its id never cut. */
  unsuspend?: string;
}

/**
 * The notice's rows; after a suspend, how to bring the card back later with its whole id
 * (walkthrough B10) — the card browser too when that fits one row (not at 40 columns).
 */
export function noticeRows(notice: Notice, { messages: t, theme, columns }: Ui): Row[] {
  const rows = wrapRows(notice.text, columns, theme.status[notice.tone]);
  if (!notice.unsuspend) return rows;
  const full = t.review.unsuspendLater(notice.unsuspend);
  // Narrower, the command alone; a long id wraps whole onto the next row.
  const later = displayWidth(full) <= columns ? full : `${t.review.later} amgi unsuspend ${notice.unsuspend}`;
  return [...rows, ...wrapRows(later, columns, theme.text.muted)];
}
