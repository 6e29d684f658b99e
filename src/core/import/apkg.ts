/**
 * An Anki collection's notes and reviews → amgi. Pure: the store reads the package.
 * Notes: Basic, Basic (and reversed card), Basic (type in the answer) (→ typed) and Cloze become cards
 * (HTML turned into text); other note types keep their first two fields as front and back.
 * Reviews: revlog rows of cards amgi exported (their note GUID is an amgi card id's, see
 * core/export/apkg.ts) become answer entries whose ids come from the revlog row, so importing
 * the same file twice adds nothing.
 */
import { crc32 } from 'node:zlib';
import type { AnswerEntry, Grade } from '../schedule/types.js';
import { guidFor, keyOfCard } from '../export/apkg.js';
import { ankiClozeToGaps } from './anki.js';
import type { DraftCard, ImportParse } from './draft.js';
import { htmlToText } from './html.js';

export interface AnkiNote {
  guid: string;
  mid: number;
  tags: string[];
  fields: string[];
  /** Deck of its first card. */
  deck?: string;
}

export interface AnkiNoteType {
  name: string;
  /** Question templates (two: a reversed card too). */
  qfmts: string[];
  cloze: boolean;
}

/** The note type amgi exports choice cards as: Question, Options, Marked (the right one with class=right). */
const CHOICE_MODEL = 'amgi Choice';

/** amgi's own choice card: its answer is the option marked right (core/export/apkg.ts), not the list. */
function choiceAnswer(marked: string): string {
  const right = /<li class=right>([\s\S]*?)<\/li>/.exec(marked);
  return (right ? htmlToText(right[1]!).replace(/\s*✔$/, '') : htmlToText(marked)).trim();
}

/** A note that is not a cloze: its amgi card type and answer. */
function plainNote(m: AnkiNoteType | undefined, n: AnkiNote, text: (k: number) => string): { type: 'basic' | 'typed' | 'reversible'; back: string } {
  if (m?.name === CHOICE_MODEL) return { type: 'basic', back: choiceAnswer(n.fields[2] ?? '') };
  // A `{{type:Field}}` on the question asks for the answer to be typed: an amgi typed card.
  const type = m?.qfmts.some((q) => /\{\{type:/.test(q)) ? 'typed' : (m?.qfmts.length ?? 1) >= 2 ? 'reversible' : 'basic';
  return { type, back: text(1) };
}

export function notesToDrafts(notes: AnkiNote[], models: Map<number, AnkiNoteType>): ImportParse {
  const cards: DraftCard[] = [];
  const skipped: ImportParse['skipped'] = [];
  const decks = new Map<string, number>();
  notes.forEach((n, i) => {
    const line = i + 1;
    const m = models.get(n.mid);
    const text = (k: number) => htmlToText(n.fields[k] ?? '').trim();
    if (n.deck) decks.set(n.deck, (decks.get(n.deck) ?? 0) + 1);
    const tags = { ...(n.tags.length ? { tags: n.tags } : {}), ...(n.guid ? { guid: n.guid } : {}) };
    if (m?.cloze || /\{\{c\d+::/.test(n.fields[0] ?? '')) {
      const front = ankiClozeToGaps(text(0));
      if (!/\{\{[^{}]+\}\}/.test(front)) return skipped.push({ line, text: front.slice(0, 60), reason: 'a cloze note without a gap' });
      cards.push({ type: 'cloze', line, front, ...(text(1) ? { back: text(1) } : {}), ...tags });
      return;
    }
    if (!m) skipped.push({ line, text: text(0).slice(0, 60), reason: 'unknown note type; read as Basic' });
    cards.push({ ...plainNote(m, n, text), line, front: text(0), ...tags });
  });
  // The deck most notes are in names the amgi deck.
  const title = [...decks].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { cards, skipped, ignoredLines: [], ...(title ? { title } : {}) };
}

/**
 * The notes as one draft deck per Anki deck (the deck of each note's first card), in name order:
 * a package of several decks (amgi's own export of every deck) is several amgi decks, not one.
 * Line numbers stay the note's place in the whole package. `all`: notesToDrafts of the same notes.
 */
export function draftsByDeck(notes: AnkiNote[], all: ImportParse): { name: string; parsed: ImportParse }[] {
  const deckOf = (line: number) => notes[line - 1]?.deck ?? '';
  const names = [...new Set(notes.map((n) => n.deck ?? ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => ({
    name,
    parsed: { cards: all.cards.filter((c) => deckOf(c.line) === name), skipped: all.skipped.filter((k) => deckOf(k.line) === name), ignoredLines: [], ...(name ? { title: name } : {}) },
  }));
}

export interface RevlogRow {
  id: number;
  cid: number;
  ease: number;
  time: number;
  type: number;
  /** Ease factor after the review; 0 on a filtered-deck answer that did not reschedule. */
  factor: number;
}

export interface KnownCard {
  cardId: string;
  deckId: string;
}

/** amgi cards by the GUID their notes get on export. */
export function cardsByGuid(decks: { id: string; cards: { id: string }[] }[]): Map<string, KnownCard> {
  const out = new Map<string, KnownCard>();
  for (const d of decks) for (const c of d.cards) out.set(guidFor(c.id), { cardId: c.id, deckId: d.id });
  return out;
}

/** Revlog type 4 (manual: set due date, reset) and 5 (rescheduled) are no answers. */
const ANSWER_TYPES = new Set([0, 1, 2, 3]);

export function revlogToEntries(revlog: RevlogRow[], cardOf: (cid: number) => { guid: string; ord: number } | undefined, known: Map<string, KnownCard>, maxMs: number): { entries: AnswerEntry[]; unknown: number } {
  const entries: AnswerEntry[] = [];
  let unknown = 0;
  for (const r of revlog) {
    if (!ANSWER_TYPES.has(r.type) || r.ease < 1 || r.ease > 4) continue;
    const c = cardOf(r.cid);
    const k = c && known.get(c.guid);
    if (!c || !k) {
      unknown++;
      continue;
    }
    const key = keyOfCard(k.cardId, c.ord);
    // Deterministic: the review's time and a checksum of (card, review id).
    const id = `${r.id.toString(36).padStart(9, '0')}-a${(crc32(`${key}:${r.id}`) >>> 0).toString(16).padStart(8, '0')}`;
    // Type 3 with factor 0 is Anki's cramming, a filtered deck not rescheduling (rslib/src/revlog/mod.rs:115 is_cramming): amgi's cram answer.
    const cram = r.type === 3 && r.factor === 0;
    entries.push({ v: 1, id, at: new Date(r.id).toISOString(), op: 'answer', key, deck: k.deckId, grade: r.ease as Grade, ms: Math.max(0, Math.min(r.time, maxMs)), kind: cram ? 'cram' : 'review', reschedule: !cram });
  }
  return { entries, unknown };
}
