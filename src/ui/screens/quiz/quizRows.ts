/** Pure row builders shared by the quiz views (every row fits the width before Ink sees it). */
import { typedText, type DiffPart } from '../../../core/quiz/charDiff.js';
import type { Question } from '../../../core/quiz/questions.js';
import { frontRows } from '../../cardView.js';
import type { Messages } from '../../i18n/index.js';
import { fitRow, seg, wrapRows, wrapStyledRow, type Row } from '../../textLayout.js';
import type { Span } from '../../components/scrollWindow.js';
import type { Theme } from '../../theme.js';

/** The question, wrapped; a reversible card asked back to front says so (as in review). */
export function promptRows(q: Question, width: number, t: Messages, theme: Theme): Row[] {
  return frontRows(q.item.card, q.item.direction, width, t, theme);
}

/** The one-line notice above the first question (fewer questions than asked), and a blank row after it. */
export function noticeRows(notice: string | undefined, width: number, theme: Theme): Row[] {
  return notice ? [...wrapRows(notice, width, theme.status.warn), []] : [];
}

/** "Note: …" rows, when the card has a note. */
export function noteRows(note: string | undefined, width: number, t: Messages, theme: Theme): Row[] {
  return note ? wrapRows(`${t.quiz.note}: ${note}`, width, theme.text.accent) : [];
}

/**
 * What was typed against the answer: extra characters marked on the first row, missing
 * ones on the second. Styles carry bold/underline, so the marks show without colour.
 */
export function diffRows(parts: readonly DiffPart[], width: number, t: Messages, theme: Theme): Row[] {
  const youLabel = `${t.quiz.you}: `;
  const answerLabel = `${t.quiz.answer}: `;
  const you: Row = [seg(youLabel, theme.text.muted)];
  const answer: Row = [seg(answerLabel, theme.text.muted)];
  for (const p of parts) {
    if (p.op !== 'missing') you.push(seg(typedText(p), p.op === 'extra' ? { ...theme.status.error, underline: true } : undefined));
    if (p.op !== 'extra') answer.push(seg(p.text, p.op === 'missing' ? theme.match : theme.status.ok));
  }
  return [...wrapStyledRow(you, width), ...wrapStyledRow(answer, width)].map((r) => fitRow(r, width));
}

/** A result line (wrapped): ✓ Right! / ✗ Not quite. */
export function verdictRows(correct: boolean, text: string, width: number, theme: Theme): Row[] {
  return wrapRows(correct ? `✓ ${text}` : `✗ ${text}`, width, correct ? theme.status.ok : theme.status.error);
}

/** Content rows in blocks, each block's place kept (a view's focus: an option, the verdict). */
export function stackBlocks(blocks: readonly Row[][]): { rows: Row[]; spans: Span[] } {
  const rows: Row[] = [];
  const spans = blocks.map((b) => {
    const start = rows.length;
    rows.push(...b);
    return { start, end: rows.length };
  });
  return { rows, spans };
}
