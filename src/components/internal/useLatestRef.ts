import { useRef } from 'react';
import type { RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

/**
 * A ref that always holds the latest `value`, for stable callbacks (memoized rows, effects that
 * must not re-run) that call a host's handler: the handler may change on every render, the
 * callback's identity must not. Updated in a layout effect, before any event can read it.
 */
export function useLatestRef<Value>(value: Value): RefObject<Value> {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
