import { useState } from 'react';
import type { ReactNode } from 'react';
import { ReachoutProvider } from '../../src/data';
import type { ReachoutProviderProps } from '../../src/data';
import { createMemoryProvider } from '../../src/testing';

export type MemoryProvider = ReturnType<typeof createMemoryProvider>;
export type MemoryProviderOptions = NonNullable<Parameters<typeof createMemoryProvider>[0]>;

export interface ReachoutStoryProps extends Omit<ReachoutProviderProps, 'dataProvider' | 'children'> {
  /** Options for the memory provider created once for this story. */
  options?: MemoryProviderOptions;
  /** Runs once on the new provider (e.g. `control.failNext(...)`) before anything renders. */
  setup?: (provider: MemoryProvider) => void;
  children: ReactNode | ((provider: MemoryProvider) => ReactNode);
}

/** Wraps a story in `<ReachoutProvider>` over its own memory provider, created once per mount. */
export function ReachoutStory({ options, setup, children, ...providerProps }: ReachoutStoryProps) {
  const [provider] = useState(() => {
    const created = createMemoryProvider(options);
    setup?.(created);
    return created;
  });
  return (
    <ReachoutProvider dataProvider={provider} {...providerProps}>
      {typeof children === 'function' ? children(provider) : children}
    </ReachoutProvider>
  );
}
