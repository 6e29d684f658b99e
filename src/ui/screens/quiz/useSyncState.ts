/**
 * State whose latest value key handlers can read at once. Keys can arrive faster than
 * React re-renders (a paste, a fast typist, a test): a handler that read the rendered
 * value would act on the state before the previous key. The ref is updated synchronously.
 */
import { useCallback, useRef, useState } from 'react';

export function useSyncState<T>(initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void, () => T] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  const get = useCallback(() => ref.current, []);
  return [value, set, get];
}
