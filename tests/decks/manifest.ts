/** Reading decks/sources.json and the seed headings it must match (test helper). */
import { readFileSync } from 'node:fs';
import { answerText, frontText } from '../../src/core/deck/cards.js';
import type { Card } from '../../src/core/deck/types.js';

export interface Manifest {
  seeds: { file: string; title: string; sections: string[] }[];
}

export function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** A section is a Markdown heading line with its #s and ** emphasis stripped and trimmed. */
export function headingSections(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#{1,6} /, '').replace(/\*\*/g, '').trim().normalize('NFC'));
}

/** Everything a learner sees on a card, for content assertions. */
export function cardText(card: Card): string {
  const distractors = card.type === 'choice' ? (card.distractors ?? []).join('\n') : '';
  return [frontText(card), answerText(card), distractors].join('\n');
}
