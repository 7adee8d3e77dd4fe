import { useCallback, useReducer, useState } from 'react';
import { flushSync } from 'react-dom';
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/react-virtual';
import type { VirtualizerOptions } from '@tanstack/react-virtual';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect';

type ListVirtualizerOptions = Omit<
  VirtualizerOptions<HTMLDivElement, HTMLDivElement>,
  'observeElementRect' | 'observeElementOffset' | 'scrollToFn' | 'onChange'
>;

/**
 * TanStack Virtual's React adapter, with one difference: when `isolated`, a moving window does
 * not re-render the owner but the subscribers (the Grid), so scrolling leaves the Root, the
 * toolbar and the context's other readers alone.
 */
export function useListVirtualizer(options: ListVirtualizerOptions, isolated: boolean) {
  const [, rerender] = useReducer((version: number) => version + 1, 0);
  const [listeners] = useState(() => new Set<(sync: boolean) => void>());
  // Measuring happens in a ref callback, during React's commit, where flushSync is not allowed.
  const [measuring] = useState(() => ({ now: false }));
  const resolved: VirtualizerOptions<HTMLDivElement, HTMLDivElement> = {
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    ...options,
    onChange: (_instance, sync) => {
      const flush = sync && !measuring.now;
      if (!isolated) {
        if (flush) flushSync(rerender);
        else rerender();
      }
      listeners.forEach((listener) => listener(flush));
    },
  };
  const [virtualizer] = useState(() => {
    const instance = new Virtualizer<HTMLDivElement, HTMLDivElement>(resolved);
    const measureElement = instance.measureElement;
    instance.measureElement = (node) => {
      measuring.now = true;
      try {
        measureElement(node);
      } finally {
        measuring.now = false;
      }
    };
    return instance;
  });
  virtualizer.setOptions(resolved);
  useIsomorphicLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useIsomorphicLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  const subscribe = useCallback(
    (listener: (sync: boolean) => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    [listeners],
  );
  return { virtualizer, subscribe };
}

