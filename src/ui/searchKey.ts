/**
 * The Search key (`/`) on screens that open search. Text that arrived in the same chunk after it
 * (a fast typist, a macro: `/레이어` as one input) starts the query instead of being lost.
 */
import type { Key } from 'ink';
import { Command, matches } from './keymap.js';
import type { Shell } from './shell.js';

/** The query typed with the Search key (empty for `/` alone), or undefined when it is not the Search key. */
export function searchKey(input: string, key: Key): string | undefined {
  if (matches(Command.Search, input, key)) return '';
  if (input.length > 1 && matches(Command.Search, input.charAt(0), key)) return input.slice(1);
  return undefined;
}

/** Opens search when the key is the Search key; true when it did. */
export function pushSearch(shell: Pick<Shell, 'push'>, input: string, key: Key): boolean {
  const query = searchKey(input, key);
  if (query === undefined) return false;
  shell.push(query ? { kind: 'search', query } : { kind: 'search' });
  return true;
}
