/** What a deck check reports: a problem with its file, severity, place and hint, in the active language. */
import { formatDeckProblem, type Location } from '../errors.js';
import { cliText } from '../messages.js';
import type { JsonPath } from './jsonloc.js';
import type { Deck } from './types.js';

/** Deck problems in the active language (core/i18n/cliEn.ts `deck`). */
export const deckText = () => cliText().deck;

export type Severity = 'error' | 'warning';

export interface DeckProblem {
  file: string;
  severity: Severity;
  message: string;
  location?: Location;
  hint?: string;
}

export interface DeckParseResult {
  deck?: Deck;
  problems: DeckProblem[];
}

/** Records a problem at a JSON path (the caller locates it in the text). */
export type Report = (path: JsonPath, message: string, hint?: string, severity?: Severity) => void;

export function formatProblem(p: DeckProblem): string {
  return formatDeckProblem(p.file, `${p.severity === 'warning' ? deckText().warning : ''}${p.message}`, p.location, p.hint);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON value's kind as the active language names it (object, array, null, string…). */
export function typeName(v: unknown): string {
  const kind = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  return deckText().types[kind] ?? kind;
}
