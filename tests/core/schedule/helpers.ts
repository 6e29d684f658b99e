/** Building ledgers from entries for pure scheduling tests (fixed clocks, fuzz off). */
import { deckItems } from '../../../src/core/deck/items.js';
import type { Card, Deck } from '../../../src/core/deck/types.js';
import { ledgerContext } from '../../../src/core/schedule/context.js';
import { replay, type Ledger } from '../../../src/core/schedule/ledger.js';
import { DEFAULT_SETTINGS, type AnswerEntry, type FlagEntry, type Grade, type Settings } from '../../../src/core/schedule/types.js';

export function testDeck(id: string, n: number, reversible = 0): Deck {
  const cards: Card[] = [];
  for (let i = 0; i < n; i++) {
    const cid = `${id}-${i}`;
    cards.push(i < reversible ? { id: cid, type: 'reversible', front: `f${i}`, back: `b${i}` } : { id: cid, type: 'basic', front: `f${i}`, back: `b${i}` });
  }
  return { id, title: id, description: '', language: 'ko', cards };
}

export const itemsOf = (...decks: Deck[]) => decks.flatMap(deckItems);

let seq = 0;
export function ans(key: string, at: number, grade: Grade, extra: Partial<AnswerEntry> = {}): AnswerEntry {
  return { v: 1, id: `e${++seq}`, at: new Date(at).toISOString(), op: 'answer', key, deck: key.split('-')[0]!, grade, ms: 1000, kind: 'review', reschedule: true, ...extra };
}

export function flag(key: string, at: number, op: FlagEntry['op']): FlagEntry {
  return { v: 1, id: `e${++seq}`, at: new Date(at).toISOString(), op, key, deck: key.split('-')[0]! };
}

export function ctxOf(patch: Partial<Settings> = {}, fuzz = false) {
  return ledgerContext({ ...DEFAULT_SETTINGS, ...patch }, fuzz);
}

export function ledgerWith(entries: (AnswerEntry | FlagEntry)[], patch: Partial<Settings> = {}): Ledger {
  // The reference fold: entries in log order, whatever order the test lists them in.
  return replay(entries, ctxOf(patch));
}

export const MIN = 60_000;
export const DAY = 86_400_000;

/** Every card a queue offers, in order (a learning card is offered until answered: stop at a repeat). */
export function drain(q: { next(now: number): { kind: string; item: { key: string } } | undefined }, now: number): string[] {
  const out: string[] = [];
  for (let e = q.next(now); e; e = q.next(now)) {
    const k = `${e.kind}:${e.item.key}`;
    if (out.includes(k)) break;
    out.push(k);
  }
  return out;
}
