/** Pure row builders shared by the quiz views (every row fits the width before Ink sees it). */
import { typedText, type DiffPart } from '../../../core/quiz/diff.js';
import type { Question } from '../../../core/quiz/questions.js';
import { frontRows } from '../../cardView.js';
import { displayWidth, truncateDisplay } from '../../../core/text/width.js';
import type { Messages } from '../../i18n/index.js';
import { fitRow, seg, wrapRows, wrapStyledRow, type Row } from '../../layout.js';
import type { Theme } from '../../theme.js';

/**
 * The body: `bottom` (options, input, feedback) always shows; `top` (the prompt) gets the
 * rows left and ends with … when cut. On 40×12 a long question must not push the options
 * off the screen.
 */
export function fitBody(top: Row[], bottom: Row[], height: number, width: number): Row[] {
  return placeBody(top, bottom, height).map((row) => fitRow(row, width));
}

function placeBody(top: Row[], bottom: Row[], height: number): Row[] {
  // The question's first line stays even when the rest must give way (what was asked?).
  const room = Math.max(Math.min(1, top.length, height), height - bottom.length);
  const cut = bottom.length > height - room;
  bottom = bottom.slice(0, height - room);
  // Feedback cut on a small terminal (a long note): say so rather than stop mid-sentence.
  if (cut && bottom.length) bottom = [...bottom.slice(0, -1), [...bottom[bottom.length - 1]!, seg(' …')]];
  if (top.length <= room) return [...top, ...bottom];
  const kept = top.slice(0, room);
  const last = kept[kept.length - 1];
  const lastSeg = last?.[last.length - 1];
  const textDropped = top.slice(room).some((row) => row.some((sg) => sg.text.trim()));
  if (last && lastSeg && textDropped) {
    // Padding makes truncateDisplay cut the text and end it with "…" within the same width.
    const text = truncateDisplay(`${lastSeg.text}  `, Math.max(1, displayWidth(lastSeg.text)));
    kept[kept.length - 1] = [...last.slice(0, -1), { ...lastSeg, text }];
  }
  return [...kept, ...bottom];
}

/** The question, wrapped; a reversible card asked back to front says so (as in review). */
export function promptRows(q: Question, width: number, t: Messages, theme: Theme): Row[] {
  return frontRows(q.item.card, q.item.direction, width, t, theme);
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
