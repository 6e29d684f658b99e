/**
 * Entries written outside a study session: a card flagged from the browser or search (suspend,
 * bury, forget…), one entry undone by id, the newest entry of any process undone; and the ids
 * every entry gets.
 */
import { nodeCrypto } from '../core/crypto.js';
import type { FlagEntry, UndoEntry } from '../core/schedule/types.js';
import type { SessionHost } from './types.js';

/** Time-sortable unique id: base-36 milliseconds, then random bits (two terminals never clash). */
function newEntryId(at: number): string {
  return `${at.toString(36).padStart(9, '0')}-${nodeCrypto().randomBytes(5).toString('hex')}`;
}

/** What every log entry starts with, stamped `at` (epoch ms). */
export function entryBase(at: number): { v: 1; id: string; at: string } {
  return { v: 1, id: newEntryId(at), at: new Date(at).toISOString() };
}

type Recorder = Pick<SessionHost, 'ledger' | 'item' | 'refresh' | 'record' | 'entryBase'>;

/** Flag a card by key (its deck from the decks, or from its history if the deck is gone); the entry id. */
export function flagCard(host: Recorder, key: string, op: FlagEntry['op']): string {
  const deck = host.item(key)?.deckId ?? host.ledger.items.get(key)?.deck;
  if (!deck) throw new Error(`unknown card "${key}"`);
  const e: FlagEntry = { ...host.entryBase(), op, key, deck };
  host.record([e]);
  return e.id;
}

/** Undo a specific entry (by id); the key lets replays find it without searching. */
export function undoEntry(host: Recorder, target: string, key: string): void {
  const e: UndoEntry = { ...host.entryBase(), op: 'undo', target, key };
  host.record([e]);
}

/**
 * Undo the newest entry in the log still in effect (any process, any deck); its item key, or
 * undefined if none. A labelled action of its own ("undo my last answer from before"): a
 * session's `u` only undoes that session's answers.
 */
export function undoNewest(host: Recorder): string | undefined {
  host.refresh();
  const last = host.ledger.recent.at(-1);
  if (!last) return undefined;
  undoEntry(host, last.id, last.key);
  return last.key;
}
