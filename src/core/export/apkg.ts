/**
 * Decks → the rows of an Anki collection in the legacy schema (`collection.anki2`, schema 11:
 * every current Anki and AnkiDroid imports it). Layout from Anki's rslib/src/storage/schema11.sql
 * and genanki (apkg_schema.py, apkg_col.py, model.py). Pure: the store writes it with SQLite.
 *
 * Note types: basic → Basic; reversible → Basic (and reversed card); cloze → Cloze; typed →
 * Basic (type in the answer); choice → amgi Choice (the options, the answer marked on the back);
 * order and interview → Basic with the steps / the model answer as a list. Every note carries
 * the card's `note` and its source. A note's GUID comes from the amgi card id, so exporting
 * again updates the notes in Anki instead of adding copies, and reviews come back matched by it.
 */
import { createHash } from 'node:crypto';
import { GAP } from '../deck/cards.js';
import type { Card, CardSource, Deck } from '../deck/types.js';
import { isSeedSource } from '../deck/types.js';
import { dayStart, studyDay } from '../schedule/day.js';
import type { ItemState } from '../schedule/ledger.js';

/** 64-bit FNV-1a of a string, as a bigint (ids and GUIDs that do not change between exports). */
function hash64(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  const bytes = Buffer.from(s, 'utf8');
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

/** Anki's GUID alphabet (base91, as anki.utils.base91 / genanki's guid_for). */
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

export function guidFor(cardId: string): string {
  let n = hash64(`amgi:${cardId}`);
  let out = '';
  do {
    out = BASE91[Number(n % 91n)] + out;
    n /= 91n;
  } while (n > 0n);
  return out;
}

/** An id in Anki's range (milliseconds since 1970 in 2020–2050) from a name: the same on every export. */
function ankiId(name: string): number {
  return 1_600_000_000_000 + Number(hash64(name) % 900_000_000_000n);
}

export interface AnkiModel {
  id: number;
  name: string;
  cloze: boolean;
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
}

const EXTRA = '{{#Note}}<div class=note>{{Note}}</div>{{/Note}}{{#Source}}<div class=source>{{Source}}</div>{{/Source}}';
/** The note types' stylesheet (col.models `css`). */
export const MODEL_CSS = '.card { font-family: sans-serif; font-size: 20px; text-align: left; } .note, .source { font-size: 14px; color: #666; margin-top: 1em; } .right { font-weight: bold; color: #080; }';

function model(name: string, fields: string[], templates: [string, string, string][], cloze = false): AnkiModel {
  return { id: ankiId(`amgi-model:${name}`), name, cloze, fields: [...fields, 'Note', 'Source'], templates: templates.map(([n, q, a]) => ({ name: n, qfmt: q, afmt: a })) };
}

const MODELS = {
  basic: model('amgi Basic', ['Front', 'Back'], [['Card 1', '{{Front}}', `{{FrontSide}}<hr id=answer>{{Back}}${EXTRA}`]]),
  reversible: model('amgi Basic (and reversed card)', ['Front', 'Back'], [
    ['Card 1', '{{Front}}', `{{FrontSide}}<hr id=answer>{{Back}}${EXTRA}`],
    ['Card 2', '{{Back}}', `{{FrontSide}}<hr id=answer>{{Front}}${EXTRA}`],
  ]),
  typed: model('amgi Basic (type in the answer)', ['Front', 'Back'], [['Card 1', '{{Front}}<br>{{type:Back}}', `{{Front}}<hr id=answer>{{type:Back}}${EXTRA}`]]),
  cloze: model('amgi Cloze', ['Text', 'Back Extra'], [['Cloze', '{{cloze:Text}}', `{{cloze:Text}}<br>{{Back Extra}}${EXTRA}`]], true),
  choice: model('amgi Choice', ['Question', 'Options', 'Marked'], [['Card 1', '{{Question}}{{Options}}', `{{Question}}<hr id=answer>{{Marked}}${EXTRA}`]]),
} satisfies Record<string, AnkiModel>;

/** Plain amgi text as HTML: escaped, line breaks kept, `code` as <code>. */
function textToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>');
}

const list = (tag: 'ol' | 'ul', items: string[], mark?: (s: string) => boolean) =>
  `<${tag}>${items.map((s) => `<li${mark?.(s) ? ' class=right' : ''}>${textToHtml(s)}${mark?.(s) ? ' ✔' : ''}</li>`).join('')}</${tag}>`;

function sourceHtml(s: CardSource | undefined): string {
  if (!s) return '';
  return isSeedSource(s) ? textToHtml(`${s.seed} § ${s.section}`) : `<a href="${textToHtml(s.url)}">${textToHtml(s.title)}</a>`;
}

/** The options in a fixed order (by text): the same on every export, the answer not always first. */
function options(answer: string, distractors: string[] = []): string[] {
  return [answer, ...distractors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function noteFor(card: Card): { model: AnkiModel; fields: string[] } {
  const tail = [card.note ? textToHtml(card.note) : '', sourceHtml(card.source)];
  switch (card.type) {
    case 'basic':
      return { model: MODELS.basic, fields: [textToHtml(card.front), textToHtml(card.back), ...tail] };
    case 'reversible':
      return { model: MODELS.reversible, fields: [textToHtml(card.front), textToHtml(card.back), ...tail] };
    case 'typed':
      // {{type:Back}} compares what is typed with the field's text: plain text, no markup.
      return { model: MODELS.typed, fields: [textToHtml(card.front), card.answer.replace(/[<>&]/g, ''), ...tail] };
    case 'cloze':
      // amgi hides every gap at once: one Anki card, c1.
      return { model: MODELS.cloze, fields: [textToHtml(card.front).replace(GAP, '{{c1::$1}}'), textToHtml(card.back ?? ''), ...tail] };
    case 'choice': {
      const opts = options(card.answer, card.distractors);
      return { model: MODELS.choice, fields: [textToHtml(card.front), list('ol', opts), list('ol', opts, (s) => s === card.answer), ...tail] };
    }
    case 'order':
      return { model: MODELS.basic, fields: [textToHtml(card.front), list('ol', card.steps), ...tail] };
    case 'interview':
      return { model: MODELS.basic, fields: [textToHtml(card.front), list('ul', card.points), ...tail] };
  }
}

/** Study item key of an Anki card of this note: ord 1 of a reversed note is the reverse sibling. */
export function keyOfCard(cardId: string, ord: number): string {
  return ord === 1 ? `${cardId}~rev` : cardId;
}

export interface AnkiCollection {
  crt: number;
  /** Anki's col.conf `rollover` (the study day's start hour) and `creationOffset` (minutes west of UTC at crt). */
  rollover: number;
  creationOffset: number;
  mod: number;
  models: AnkiModel[];
  decks: { id: number; name: string; desc: string }[];
  notes: { id: number; guid: string; mid: number; tags: string; flds: string; sfld: string; csum: number }[];
  cards: { id: number; nid: number; did: number; ord: number; type: number; queue: number; due: number; ivl: number; factor: number; reps: number; lapses: number; left: number; data: string }[];
}

export interface ScheduleSource {
  state(key: string): ItemState | undefined;
  dayStartHour: number;
  retention: number;
  /** FSRS-6 decay (w[20]) of the weights in use: Anki reads a card's recall curve from it. */
  decay: number;
}

/** Collection creation: a fixed day long ago, at the day's start hour (review dues count days from it). */
export function collectionStart(dayStartHour: number): number {
  return Math.floor(dayStart(studyDay(Date.UTC(2020, 0, 2), dayStartHour), dayStartHour).getTime() / 1000);
}

/**
 * The first field as Anki's sort field: tags stripped, entities decoded (rslib/src/text.rs:227
 * strip_html; amgi's HTML holds only &amp; &lt; &gt;, decoded in one pass as htmlescape does).
 */
function sortField(html: string): string {
  const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt);/g, (_, e: string) => ENT[e]!).normalize('NFC');
}

/** Anki's notes.csum: the first 4 bytes of the SHA-1 of the sort field, big-endian (rslib/src/notes/mod.rs:320 field_checksum). */
export function fieldChecksum(text: string): number {
  return createHash('sha1').update(text, 'utf8').digest().readUInt32BE(0);
}

/** ASCII control characters but \n and \t: Anki drops them from fields (rslib/src/notes/mod.rs:350), and a 0x1f would split one. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

export function buildCollection(decks: Deck[], nowMs: number, schedule?: ScheduleSource): AnkiCollection {
  const dayStartHour = schedule?.dayStartHour ?? 4;
  const crt = collectionStart(dayStartHour);
  const crtDay = studyDay(crt * 1000, dayStartHour);
  const used = new Set<number>();
  const unique = (id: number) => {
    while (used.has(id)) id++;
    used.add(id);
    return id;
  };
  const col: AnkiCollection = { crt, rollover: dayStartHour, creationOffset: new Date(crt * 1000).getTimezoneOffset(), mod: nowMs, models: Object.values(MODELS), decks: [], notes: [], cards: [] };
  let position = 0;
  for (const deck of decks) {
    // "::" in a deck name makes an Anki sub-deck; a title is one deck.
    const did = unique(ankiId(`amgi-deck:${deck.id}`));
    col.decks.push({ id: did, name: deck.title.replace(/::/g, ':'), desc: deck.description });
    for (const card of deck.cards) {
      const { model: m, fields: raw } = noteFor(card);
      const fields = raw.map((f) => f.replace(CONTROL, ''));
      const guid = guidFor(card.id);
      const nid = unique(ankiId(`amgi-note:${card.id}`));
      const tags = (card.tags ?? []).map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean);
      const sfld = sortField(fields[0]!);
      col.notes.push({ id: nid, guid, mid: m.id, tags: tags.length ? ` ${tags.join(' ')} ` : '', flds: fields.join('\x1f'), sfld, csum: fieldChecksum(sfld) });
      const ords = m.cloze ? [0] : m.templates.map((_, i) => i);
      for (const ord of ords) {
        const s = schedule?.state(keyOfCard(card.id, ord));
        col.cards.push({ id: unique(ankiId(`amgi-card:${card.id}/${ord}`)), nid, did, ord, ...cardSchedule(s, position++, (ms) => studyDay(ms, dayStartHour) - crtDay, schedule?.retention ?? 0.9, schedule?.decay ?? 0.1542) });
      }
    }
  }
  return col;
}

type Sched = Pick<AnkiCollection['cards'][number], 'type' | 'queue' | 'due' | 'ivl' | 'factor' | 'reps' | 'lapses' | 'left' | 'data'>;

/**
 * Anki's card columns for an amgi state. type/queue: 0 new, 1 learning, 2 review, 3 relearning
 * (queue −1 suspended). due: new → position; (re)learning → epoch seconds; review → days since
 * the collection's creation. data: FSRS memory state under Anki's keys and roundings
 * (rslib/src/storage/card/data.rs:20-107): s, d, dr, decay (without it Anki assumes FSRS-5's
 * 0.5, a different recall curve) and lrt, the last review in epoch seconds.
 */
export function cardSchedule(s: ItemState | undefined, position: number, dayIndex: (ms: number) => number, retention: number, decay: number): Sched {
  if (!s || s.st === 0) return { type: 0, queue: s?.susp ? -1 : 0, due: position, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: '' };
  const round = (v: number, places: number) => Number(v.toFixed(places));
  const data = JSON.stringify({ s: round(s.s, 4), d: round(s.d, 3), dr: round(retention, 2), decay: round(decay, 3), ...(s.last !== undefined ? { lrt: Math.floor(s.last / 1000) } : {}) });
  const base = { reps: s.reps, lapses: s.lapses, factor: 2500, data };
  if (s.st === 2) {
    return { ...base, type: 2, queue: s.susp ? -1 : 2, due: Math.max(0, dayIndex(s.due)), ivl: Math.max(1, s.sch), left: 0 };
  }
  // left: the steps still ahead, Anki's index being steps − left (rslib/src/scheduler/states/steps.rs:23);
  // amgi's steps are 1m 10m and 10m relearning (fsrs.ts), as the package's deck options.
  const steps = s.st === 3 ? 1 : 2;
  return { ...base, type: s.st === 3 ? 3 : 1, queue: s.susp ? -1 : 1, due: Math.floor(s.due / 1000), ivl: s.st === 3 ? Math.max(1, s.sch) : 0, left: Math.max(1, steps - s.step) };
}
