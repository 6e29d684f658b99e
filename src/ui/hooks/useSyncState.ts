/**
 * State whose latest value key handlers can read at once (useSyncReducer with "replace" as the
 * reducer). Keys can arrive faster than React re-renders (a paste, a fast typist, a test): a
 * handler that read the rendered value would act on the state before the previous key.
 */
import { useSyncReducer } from './useSyncReducer.js';

type Update<T> = T | ((prev: T) => T);

/** One reducer for every caller: the dispatch function keeps its identity across renders. */
function replace<T>(prev: T, next: Update<T>): T {
  return typeof next === 'function' ? (next as (prev: T) => T)(prev) : next;
}

export function useSyncState<T>(initial: T | (() => T)): [T, (next: Update<T>) => void, () => T] {
  return useSyncReducer<T, Update<T>>(replace, () => (typeof initial === 'function' ? (initial as () => T)() : initial));
}
