/** Cloze questions: each `{{gap}}` is typed (checked like a typed answer) or revealed. */
import { GAP } from '../deck/cards.js';
import type { ClozeCard } from '../deck/types.js';
import { cliFlagForms } from './cliFlags.js';
import { checkTyped, type AliasKeys, type TypedCheck } from './typedAnswer.js';

export type ClozePart = { kind: 'text'; text: string } | { kind: 'gap'; index: number; answer: string };

/** The front as text and gaps in reading order. */
export function clozeParts(front: string): ClozePart[] {
  const pieces = front.split(GAP);
  const parts: ClozePart[] = [];
  let gap = 0;
  pieces.forEach((piece, i) => {
    // split() with one capture group puts the gap texts at odd indices.
    if (i % 2 === 1) parts.push({ kind: 'gap', index: gap++, answer: piece });
    else if (piece) parts.push({ kind: 'text', text: piece });
  });
  return parts;
}

export function clozeAnswers(parts: readonly ClozePart[]): string[] {
  return parts.flatMap((p) => (p.kind === 'gap' ? [p.answer] : []));
}

/**
 * Check one gap. The card's aliases apply only to a single-gap card: with several
 * gaps there is no way to know which gap an alias belongs to.
 */
export function checkGap(card: ClozeCard, answers: readonly string[], index: number, typed: string, groups?: AliasKeys): TypedCheck {
  return checkTyped(typed, gapAnswers(card, answers, index), groups);
}

/** What a gap accepts: its answer, the card's aliases (single gap only), their CLI flag spellings. */
export function gapAnswers(card: ClozeCard, answers: readonly string[], index: number): string[] {
  const aliases = answers.length === 1 ? (card.aliases ?? []) : [];
  return cliFlagForms([answers[index] ?? '', ...aliases], card.front);
}
