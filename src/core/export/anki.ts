/**
 * Decks → Anki "Notes in Plain Text": front, back, tags, note type, deck. Plain text
 * (`#html:false`), so Anki escapes `<` itself; fields with a tab, newline or quote are
 * quoted. Card types Anki lacks become Basic notes whose back is the answer text.
 */
import { GAP } from '../deck/cards.js';
import { answerText } from '../deck/cards.js';
import type { Card, Deck } from '../deck/types.js';

export const ANKI_HEADER = ['#separator:tab', '#html:false', '#tags column:3', '#notetype column:4', '#deck column:5'];

/** Quote a field when a tab, line break or quote (or a leading #, read as a header) is in it. */
export function ankiField(text: string): string {
  return /[\t\n\r"]/.test(text) || text.startsWith('#') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** amgi `{{gap}}` → Anki `{{c1::gap}}`: amgi hides every gap at once, as one Anki card c1 does. */
export function gapsToAnkiCloze(front: string): string {
  return front.replace(GAP, '{{c1::$1}}');
}

/** Anki tags are space-separated words. */
function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_');
}

function noteOf(card: Card): [front: string, back: string, notetype: string] {
  switch (card.type) {
    case 'basic':
      return [card.front, card.back, 'Basic'];
    case 'reversible':
      return [card.front, card.back, 'Basic (and reversed card)'];
    case 'cloze':
      return [gapsToAnkiCloze(card.front), card.back ?? '', 'Cloze'];
    default:
      return [card.front, answerText(card), 'Basic'];
  }
}

export function decksToAnki(decks: Deck[]): string {
  const rows = decks.flatMap((deck) =>
    deck.cards.map((card) => {
      const [front, back, notetype] = noteOf(card);
      const tags = (card.tags ?? []).map(ankiTag).filter(Boolean).join(' ');
      // "::" in a deck name makes an Anki sub-deck; a title is one deck.
      const deckName = deck.title.replace(/::/g, ':');
      return [front, back, tags, notetype, deckName].map(ankiField).join('\t');
    }),
  );
  return `${[...ANKI_HEADER, ...rows].join('\n')}\n`;
}
