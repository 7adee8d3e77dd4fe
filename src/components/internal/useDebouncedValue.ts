import { useEffect, useState } from 'react';

/**
 * `value`, once it has stopped changing for `delayMs`: server searches run on pauses, not
 * keystrokes. With `delayMs <= 0`, or when `isImmediate(value)` says nothing more is coming,
 * the new value is returned in the same render (no timer, no render later).
 */
export function useDebouncedValue<Value>(
  value: Value,
  delayMs: number,
  isImmediate?: (value: Value) => boolean,
): Value {
  const [debounced, setDebounced] = useState(value);
  const immediate = delayMs <= 0 || (isImmediate?.(value) ?? false);
  // Adjusting state while rendering (React's documented pattern): the render that sees the
  // immediate value already answers it.
  if (immediate && !Object.is(debounced, value)) setDebounced(value);
  useEffect(() => {
    if (Object.is(value, debounced)) return;
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, debounced, delayMs]);
  return immediate ? value : debounced;
}

const isEmpty = (query: string) => query === '';

/**
 * A search box's text as the query to send: trimmed, after `delayMs` of quiet typing, but at
 * once when the box is emptied (the full list comes back without waiting).
 */
export function useDebouncedSearch(search: string, delayMs: number): { query: string; isSettling: boolean } {
  const typed = search.trim();
  const query = useDebouncedValue(typed, delayMs, isEmpty);
  return { query, isSettling: query !== typed };
}
