/**
 * Every string of a deck passes through here: NFC-normalised and stripped of control characters,
 * and remembered where the first control character or invisible character was, for one warning each.
 */
import { hasControlCharacters, normalizeDeckText } from '../text/sanitize.js';
import type { JsonPath } from './jsonloc.js';
import { deckText as t, type Report } from './problems.js';

/**
 * Characters that show as nothing: Unicode TAG characters (U+E0000–E007F, "ASCII smuggling":
 * text a reader cannot see but a program reads) and zero-width ones (U+200B–U+200D, U+2060,
 * U+FEFF inside text). Kept in the deck (an emoji sequence joins with U+200D) but warned about.
 */
const TAG = /\uDB40[\uDC00-\uDC7F]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
/** One test per string (most have none); which kinds only on a hit. */
const INVISIBLE = /\uDB40[\uDC00-\uDC7F]|[\u200B-\u200D\u2060\uFEFF]/;

function invisibleKinds(s: string): string[] {
  if (!INVISIBLE.test(s)) return [];
  return [TAG.test(s) && 'Unicode TAG characters', ZERO_WIDTH.test(s) && 'zero-width characters'].filter((k): k is string => !!k);
}

/** A deck string at a JSON path → its clean text. */
export type CleanText = (s: string, at: JsonPath) => string;

export class TextCleaner {
  private cleanedAt?: JsonPath;
  private invisibleAt?: JsonPath;
  private readonly invisible = new Set<string>();

  readonly clean: CleanText = (s, at) => {
    if (!this.cleanedAt && hasControlCharacters(s)) this.cleanedAt = at;
    const kinds = invisibleKinds(s);
    if (kinds.length) {
      this.invisibleAt ??= at;
      for (const k of kinds) this.invisible.add(k);
    }
    return normalizeDeckText(s);
  };

  /** One warning for removed control characters, one for invisible characters, at the first of each. */
  warn(report: Report): void {
    if (this.cleanedAt) report(this.cleanedAt, t().controlRemoved, t().controlRemovedHint, 'warning');
    if (this.invisibleAt) report(this.invisibleAt, t().invisibleCharacters([...this.invisible].join(', ')), t().invisibleHint, 'warning');
  }
}
