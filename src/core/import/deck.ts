/**
 * Draft cards → a normal amgi deck: ids from the normalised front, duplicates dropped,
 * texts normalised like any deck text, language guessed.
 */
import { hasHangul } from '../search/hangul.js';
import { cliText } from '../messages.js';
import { MAX_TEXT } from '../deck/spec.js';
import type { Card, Deck } from '../deck/types.js';
import { normalizeDeckText } from '../text/sanitize.js';
import type { DraftCard, ImportParse, SkippedLine } from './draft.js';
import { cardIdFor, normalizeForId } from './ids.js';

export interface DeckMeta {
  id: string;
  title: string;
  description: string;
  /** `$schema` to write into the deck, if any. */
  schema?: string;
}

export interface BuiltDeck {
  deck: Deck;
  /** Cards dropped while building (duplicates, too long), with their lines. */
  skipped: SkippedLine[];
}


/** `ko` when any card text has Hangul, else `en`. */
export function guessLanguage(texts: Iterable<string>): string {
  for (const t of texts) if (hasHangul(t)) return 'ko';
  return 'en';
}

const clean = (s: string | undefined) => (s === undefined ? undefined : normalizeDeckText(s).trim());

export function buildDeck(parse: Pick<ImportParse, 'cards'>, meta: DeckMeta): BuiltDeck {
  const skipped: SkippedLine[] = [];
  const seen = new Map<string, { line: number; back?: string; type: string; count: number }>();
  const cards: Card[] = [];
  for (const draft of parse.cards) {
    const front = clean(draft.front)!;
    const back = clean(draft.back);
    const tooLong = [front, back, draft.topic].find((t) => t !== undefined && t.length > MAX_TEXT);
    if (!front || (draft.type !== 'cloze' && !back)) {
      skipped.push({ line: draft.line, text: front, reason: cliText().import.reasons.empty });
      continue;
    }
    if (tooLong !== undefined) {
      skipped.push({ line: draft.line, text: front.slice(0, 60), reason: cliText().import.reasons.tooLong(MAX_TEXT) });
      continue;
    }
    const key = normalizeForId(front);
    const prev = seen.get(key);
    if (prev && prev.type === draft.type && normalizeForId(prev.back ?? '') === normalizeForId(back ?? '')) {
      skipped.push({ line: draft.line, text: front, reason: cliText().import.reasons.duplicate(prev.line) });
      continue;
    }
    const occurrence = (prev?.count ?? 0) + 1;
    seen.set(key, { line: prev?.line ?? draft.line, back: prev?.back ?? back, type: prev?.type ?? draft.type, count: occurrence });
    cards.push(toCard(draft, cardIdFor(meta.id, front, occurrence), front, back));
  }
  const language = guessLanguage(cards.flatMap((c) => [c.front, 'back' in c && c.back ? c.back : '']));
  const deck: Deck = {
    ...(meta.schema ? { $schema: meta.schema } : {}),
    id: meta.id,
    title: clean(meta.title) || meta.id,
    description: clean(meta.description) || meta.id,
    language,
    cards,
  };
  return { deck, skipped };
}

function toCard(draft: DraftCard, id: string, front: string, back: string | undefined): Card {
  const tags = [...new Set((draft.tags ?? []).map((t) => clean(t)!).filter(Boolean))];
  const topic = clean(draft.topic);
  const extra = { ...(tags.length ? { tags } : {}), ...(topic ? { topic } : {}) };
  if (draft.type === 'cloze') return { id, type: 'cloze', front, ...(back ? { back } : {}), ...extra };
  if (draft.type === 'typed') return { id, type: 'typed', front, answer: back!, ...extra };
  return { id, type: draft.type, front, back: back!, ...extra };
}
