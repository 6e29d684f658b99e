/**
 * The query language: free words, `"an exact phrase"`, `#tag` and `deck:id`.
 * Anything else, including `"` alone, `#`, `deck:` or regex metacharacters, is plain text.
 */

export interface ParsedQuery {
  /** Free text left after filters and phrases were taken out. */
  text: string;
  /** Quoted phrases, lower-case: each must appear as written. */
  phrases: string[];
  /** `#tag` filters, lower-case: the card must carry a tag starting with each. */
  tags: string[];
  /** `deck:id` filters, lower-case: the card's deck id must start with one of them. */
  decks: string[];
}

/** Longer queries are cut: nobody types more, and a pasted 10 kB text must still answer at once. */
const MAX_QUERY_CHARS = 200;

export function parseQuery(raw: string): ParsedQuery {
  const q = raw.normalize('NFC').slice(0, MAX_QUERY_CHARS);
  const phrases: string[] = [];
  const tags: string[] = [];
  const decks: string[] = [];
  const free: string[] = [];
  // An unclosed quote runs to the end, so a phrase being typed already filters.
  const withoutPhrases = q.replace(/"([^"]*)("|$)/g, (_m, p: string) => {
    const phrase = p.trim().toLowerCase();
    if (phrase) phrases.push(phrase);
    return ' ';
  });
  for (const chunk of withoutPhrases.split(/\s+/)) {
    if (!chunk) continue;
    const lower = chunk.toLowerCase();
    if (lower.length > 1 && lower.startsWith('#')) tags.push(lower.slice(1));
    else if (lower.length > 5 && lower.startsWith('deck:')) decks.push(lower.slice(5));
    else free.push(chunk);
  }
  return { text: free.join(' '), phrases, tags, decks };
}
