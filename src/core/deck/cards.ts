/** Plain-text views of a card, shared by review, search, quiz and the CLI. */
import type { Card } from './types.js';
import type { Direction } from './items.js';

/**
 * A cloze gap, `{{hidden text}}` (no braces inside): the one pattern validation, review, quiz
 * and export share. Global: use it with replace / matchAll / split, never with test().
 */
export const GAP = /\{\{([^{}]+)\}\}/g;

/** The hidden texts of a cloze front, in order. */
export function clozeGaps(front: string): string[] {
  return [...front.matchAll(GAP)].map((m) => m[1]!);
}

/** The question as shown (cloze gaps hidden as [...]; the reverse side of a reversible card). */
export function promptText(card: Card, direction: Direction = 'forward'): string {
  if (card.type === 'reversible' && direction === 'reverse') return card.back;
  if (card.type === 'cloze') return card.front.replace(GAP, '[...]');
  return card.front;
}

/** The answer as one text block. */
export function answerText(card: Card, direction: Direction = 'forward'): string {
  switch (card.type) {
    case 'basic':
      return card.back;
    case 'reversible':
      return direction === 'reverse' ? card.front : card.back;
    case 'cloze': {
      const filled = card.front.replace(GAP, '$1');
      return card.back ? `${filled}\n\n${card.back}` : filled;
    }
    case 'choice':
    case 'typed':
      return card.answer;
    case 'order':
      return card.steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
    case 'interview':
      return card.points.map((p) => `• ${p}`).join('\n');
  }
}

/** The front with cloze markers removed (the full sentence), for indexing. */
export function frontText(card: Card): string {
  return card.type === 'cloze' ? card.front.replace(GAP, '$1') : card.front;
}

/** The first line of the answer, cut to `max` characters, for one-line listings. */
export function shortAnswer(card: Card, max = 60): string {
  const first = answerText(card).split('\n').find((l) => l.trim()) ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
