/** A study item as display rows: the prompt, and the answer with note and source. Pure. */
import { answerText, GAP, promptText } from '../core/deck/cards.js';
import { isSeedSource, type Card } from '../core/deck/types.js';
import type { Direction } from '../core/deck/items.js';
import type { Messages } from './i18n/index.js';
import type { Theme } from './theme.js';
import { seg, wrapRows, wrapStyledRow, type Row } from './textLayout.js';
import { hashSeed, mulberry32, shuffle } from '../core/quiz/random.js';


export function frontRows(card: Card, direction: Direction, width: number, t: Messages, theme: Theme): Row[] {
  const rows: Row[] = [];
  if (direction === 'reverse') rows.push([seg(`(${t.review.reverse})`, theme.text.muted)]);
  rows.push(...wrapRows(promptText(card, direction), width, theme.text.heading));
  return rows;
}

/**
 * A choice card's own options (the answer and its distractors), in an order fixed per card.
 * Many choice prompts ("…이 아닌 것은?", "가장 알맞은 것은?") cannot be answered without
 * them. Once revealed, the right one is marked ✓ (a mark, so it shows without colour).
 */
export function choiceOptionRows(card: Card, width: number, theme: Theme, revealed: boolean): Row[] {
  if (card.type !== 'choice' || !card.distractors?.length) return [];
  const options = shuffle([card.answer, ...card.distractors], mulberry32(hashSeed(card.id)));
  return options.flatMap((o) => {
    const right = revealed && o === card.answer;
    return wrapRows(o, width, right ? theme.status.ok : theme.text.primary, right ? '✓ ' : '• ');
  });
}

/** The cloze sentence with its gaps filled and highlighted. */
function clozeFilled(card: Card & { type: 'cloze' }, theme: Theme): Row {
  const row: Row = [];
  let at = 0;
  for (const m of card.front.matchAll(GAP)) {
    if (m.index! > at) row.push(seg(card.front.slice(at, m.index)));
    row.push(seg(m[1]!, theme.match));
    at = m.index! + m[0].length;
  }
  if (at < card.front.length) row.push(seg(card.front.slice(at)));
  return row;
}

/**
 * The back, and how many of its rows are the answer itself (before the note and source):
 * review scrolls those into view on reveal. 0 for a choice card with its options shown.
 * `seedTitle`: the title of the note a `source.seed` names (AppServices.seedTitle).
 */
export function backBlock(card: Card, direction: Direction, width: number, t: Messages, theme: Theme, seedTitle: (seed: string) => string = (s) => s): { rows: Row[]; answer: number } {
  const rows: Row[] = [];
  const label = (text: string) => rows.push([seg(text, theme.text.label)]);
  switch (card.type) {
    case 'cloze':
      label(t.review.answerLabel);
      rows.push(...wrapStyledRow(clozeFilled(card, theme), width));
      if (card.back) rows.push([], ...wrapRows(card.back, width));
      break;
    case 'order':
      label(t.review.stepsLabel);
      card.steps.forEach((s, i) => rows.push(...wrapRows(s, width, theme.text.primary, `${i + 1}. `)));
      break;
    case 'interview':
      label(t.review.pointsLabel);
      for (const p of card.points) rows.push(...wrapRows(p, width, theme.text.primary, '• '));
      break;
    case 'choice':
      // With its options shown (choiceOptionRows), the ✓ option is the answer already.
      if (card.distractors?.length) break;
      label(t.review.choiceLabel);
      rows.push(...wrapRows(answerText(card, direction), width, theme.status.ok));
      break;
    case 'typed':
      label(t.review.typedLabel);
      rows.push(...wrapRows(answerText(card, direction), width, theme.status.ok));
      if (card.aliases?.length) rows.push(...wrapRows(`= ${card.aliases.join(', ')}`, width, theme.text.muted));
      break;
    default:
      label(t.review.answerLabel);
      rows.push(...wrapRows(answerText(card, direction), width));
  }
  const answer = rows.length;
  if (card.note) {
    if (rows.length) rows.push([]);
    rows.push(...wrapRows(`${t.review.noteLabel}: ${card.note}`, width, theme.text.accent));
  }
  if (card.source) {
    const where = isSeedSource(card.source) ? `${seedTitle(card.source.seed)} § ${card.source.section}` : `${card.source.title} <${card.source.url}>`;
    rows.push(...wrapRows(`${t.review.sourceLabel}: ${where}`, width, theme.text.muted));
  }
  return { rows, answer };
}

/** Everything about a card (the card screen opened from search). */
export function fullCardRows(card: Card, deckTitle: string, width: number, t: Messages, theme: Theme, seedTitle?: (seed: string) => string): Row[] {
  const options = choiceOptionRows(card, width, theme, true);
  const rows = [...frontRows(card, 'forward', width, t, theme), ...(options.length ? [[], ...options] : []), [], ...backBlock(card, 'forward', width, t, theme, seedTitle).rows];
  rows.push([]);
  rows.push(...wrapRows(`${t.card.deck}: ${deckTitle}`, width, theme.text.muted));
  if (card.tags?.length) rows.push(...wrapRows(`${t.card.tags}: ${card.tags.join(', ')}`, width, theme.text.muted));
  return rows;
}
