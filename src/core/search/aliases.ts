/**
 * Korean ↔ English aliases (`도커` ↔ `Docker`). Groups of terms that mean the same; a query word that
 * is one term of a group is also searched as every other term. Deck authors extend decks/aliases.json,
 * users $AMGI_HOME/aliases.json; groups that share a term are merged. `groups` are also one answer
 * to the typed-answer judge; `searchOnly` groups only widen a search.
 */
import { isChoseongOnly, toChoseong, toJamo } from './hangul.js';
import { tokenize } from './tokenize.js';

/** Groups of equivalent terms, e.g. `[["도커", "Docker"], ["가상머신", "VM", "virtual machine"]]`. */
export type AliasTable = string[][];

export interface AliasProblem {
  message: string;
}

/** The words of a term, lower-case and as jamo (how the index compares words). */
function termWords(term: string): string[] {
  return tokenize(term.normalize('NFC')).map((t) => toJamo(t.key));
}

/** A term with its spaces removed: `가상 머신` and `가상머신` are the same key. */
export function termKey(term: string): string {
  return termWords(term).join('');
}

/** Read the alias file's JSON (`{"groups": [[...], ...]}` or a bare array of groups); bad entries are reported and skipped. */
export function parseAliasFile(data: unknown): { table: AliasTable; searchOnly: AliasTable; problems: AliasProblem[] } {
  const problems: AliasProblem[] = [];
  const groups = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as { groups?: unknown }).groups : undefined;
  if (!Array.isArray(groups)) return { table: [], searchOnly: [], problems: [{ message: 'expected {"groups": [["도커", "Docker"], ...]}' }] };
  const table = parseGroups(groups, 'group', problems);
  // Related words a search should also find, though they are not the same answer (`toomanyrequests` → rate limit).
  const more = data && typeof data === 'object' && !Array.isArray(data) ? (data as { searchOnly?: unknown }).searchOnly : undefined;
  const searchOnly = Array.isArray(more) ? parseGroups(more, 'searchOnly group', problems) : [];
  return { table, searchOnly, problems };
}

function parseGroups(groups: readonly unknown[], what: string, problems: AliasProblem[]): AliasTable {
  const table: AliasTable = [];
  groups.forEach((g, i) => {
    const terms = Array.isArray(g) ? g.filter((t): t is string => typeof t === 'string' && termKey(t) !== '') : [];
    if (terms.length < 2) problems.push({ message: `${what} ${i + 1}: needs at least two non-empty terms` });
    else table.push(terms.map((t) => t.normalize('NFC')));
  });
  return table;
}

/** One table from several: groups sharing a term (compared without case and spaces) become one group. */
export function mergeAliasTables(...tables: AliasTable[]): AliasTable {
  const groupOf = new Map<string, number>();
  const groups: Array<Map<string, string> | undefined> = [];
  for (const table of tables) {
    for (const terms of table) {
      const keys = terms.map(termKey);
      const hit = [...new Set(keys.map((k) => groupOf.get(k)).filter((g): g is number => g !== undefined))];
      const target = hit[0] ?? groups.push(new Map()) - 1;
      for (const other of hit.slice(1)) {
        for (const [k, t] of groups[other]!) {
          groups[target]!.set(k, t);
          groupOf.set(k, target);
        }
        groups[other] = undefined;
      }
      terms.forEach((t, i) => {
        if (!groups[target]!.has(keys[i]!)) groups[target]!.set(keys[i]!, t);
        groupOf.set(keys[i]!, target);
      });
    }
  }
  return groups.filter((g): g is Map<string, string> => g !== undefined).map((g) => [...g.values()]);
}

/** Term key → the word lists of the other terms in its group. */
export type AliasLookup = Map<string, string[][]>;

export function aliasLookup(table: AliasTable): AliasLookup {
  const lookup: AliasLookup = new Map();
  for (const terms of mergeAliasTables(table)) {
    const words = terms.map(termWords);
    const keys = words.map((w) => w.join(''));
    // Merged groups never share a key, so each key is set once.
    for (const k of keys) lookup.set(k, words.filter((_, j) => keys[j] !== k));
  }
  return lookup;
}

/** A Hangul term by its initial consonants (`ㅇㅌㄹㅍㅇㅌ` → 엔트리포인트): its key and the other terms of its group. */
export type AliasInitials = Map<string, Array<{ key: string; others: string[][] }>>;

/**
 * Initials find a card's own words; a term the cards never write (엔트리포인트, while they say
 * ENTRYPOINT) is reached by its initials only through its group (queryPlan.ts asks, for such terms only).
 */
export function aliasInitials(table: AliasTable): AliasInitials {
  const out: AliasInitials = new Map();
  for (const terms of mergeAliasTables(table)) {
    const words = terms.map(termWords);
    const keys = words.map((w) => w.join(''));
    terms.forEach((term, i) => {
      const initials = toChoseong(term.replace(/\s+/g, ''));
      if (initials.length < 2 || !isChoseongOnly(initials)) return;
      const entry = { key: keys[i]!, others: words.filter((_, j) => keys[j] !== keys[i]) };
      out.set(initials, [...(out.get(initials) ?? []), entry]);
    });
  }
  return out;
}
