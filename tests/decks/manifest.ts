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

/**
 * Headings whose section holds nothing but links (a "참고 자료" list): no card can be drawn from
 * them, so the coverage check does not ask for one.
 */
export function linksOnlySections(text: string): string[] {
  const out: string[] = [];
  let heading: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (heading !== undefined && body.length > 0 && body.every((l) => /^[-*]\s+(\[[^\]]*\]\()?https?:\/\//.test(l))) out.push(heading);
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^#{1,6} /.test(line)) {
      flush();
      heading = line.replace(/^#{1,6} /, '').replace(/\*\*/g, '').trim().normalize('NFC');
      body = [];
    } else if (line.trim()) body.push(line.trim());
  }
  flush();
  return out;
}

/** Everything a learner sees on a card, for content assertions. */
export function cardText(card: Card): string {
  const distractors = card.type === 'choice' ? (card.distractors ?? []).join('\n') : '';
  return [frontText(card), answerText(card), distractors].join('\n');
}
