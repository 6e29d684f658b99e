/**
 * useReducer whose latest state is readable at once. Keys that arrive in one chunk (a fast
 * "Space 3", "↓ Enter", a paste) are handled one after another before React re-renders;
 * each handler must see the state the previous key left, not the last render's.
 */
import { useCallback, useReducer, useRef } from 'react';

export function useSyncReducer<S, A>(reducer: (s: S, a: A) => S, init: () => S): [S, (a: A) => void, () => S] {
  const ref = useRef<S | undefined>(undefined);
  if (ref.current === undefined) ref.current = init();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const dispatch = useCallback(
    (a: A) => {
      const next = reducer(ref.current as S, a);
      if (next !== ref.current) {
        ref.current = next;
        rerender();
      }
    },
    [reducer],
  );
  const get = useCallback(() => ref.current as S, []);
  return [ref.current, dispatch, get];
}
