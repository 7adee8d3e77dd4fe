import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ReachoutDataProvider } from '../core/provider';
import type { Ticket } from '../core/types';
import { applyReachoutEvent } from './applyReachoutEvent';
import { createReachoutQueryClient } from './createReachoutQueryClient';
import { ReachoutContext } from './internal/context';
import type { ReachoutContextValue } from './internal/context';
import type { MessageKey, ReachoutMessages } from './messages';
import { reachoutKeys } from './reachoutKeys';

export interface ReachoutProviderProps {
  /**
   * The host's backend behind the Reachout contract. Keep it stable (create it once, or
   * memoize it): a new object re-subscribes to live updates and refetches every Reachout query.
   */
  dataProvider: ReachoutDataProvider;
  /** Overrides for any of the English `defaultMessages`, merged over them. */
  messages?: ReachoutMessages;
  /**
   * BCP 47 locale for plurals, numbers and dates.
   * @default 'en'
   */
  locale?: string;
  /**
   * The host's TanStack Query client. Reachout's queries live under `reachoutKeys.all` and are
   * passed this client explicitly, so the host's own `QueryClientProvider` is left untouched.
   * Its defaults apply to Reachout's queries too: build it with `createReachoutQueryClient()` to
   * get Reachout's retry rules (TanStack's default retries every error three times).
   * When omitted, each provider creates its own client with `createReachoutQueryClient()`.
   */
  queryClient?: QueryClient;
  /**
   * How often a ticket that is still verifying is fetched again, when the data provider has no
   * `subscribe` (with `subscribe`, updates arrive live and nothing polls).
   * @default 2000
   */
  pollIntervalMs?: number;
  /** The widgets. */
  children?: ReactNode;
}

const noOverrides: ReachoutMessages = {};

/** The host's overrides that are strings (a host's `undefined` keeps the default). */
function stringOverrides(overrides: ReachoutMessages | undefined): ReachoutMessages {
  if (!overrides) return noOverrides;
  const strings: ReachoutMessages = {};
  for (const [key, text] of Object.entries(overrides) as [MessageKey, string | undefined][]) {
    if (typeof text === 'string') strings[key] = text;
  }
  return strings;
}

/**
 * Gives every Reachout widget and hook below it the data provider, the query cache, the
 * messages and the locale. Renders no markup of its own; safe to render on the server.
 *
 * @example
 * <ReachoutProvider dataProvider={createRestProvider({ baseUrl: '/api' })} locale="pt-BR">
 *   <ContactsInbox />
 * </ReachoutProvider>
 */
export function ReachoutProvider({
  dataProvider,
  messages,
  locale = 'en',
  queryClient,
  pollIntervalMs = 2000,
  children,
}: ReachoutProviderProps) {
  const [ownClient] = useState(() => (queryClient ? null : createReachoutQueryClient()));
  // Creates a client in render only if a host stops passing its own after mount: rare enough
  // for a memo.
  const client = useMemo(
    () => queryClient ?? ownClient ?? createReachoutQueryClient(),
    [queryClient, ownClient],
  );
  const [sendsInFlight] = useState(() => new Map<string, Promise<Ticket>>());

  // What QueryClientProvider does, without taking over the host's QueryClient context:
  // mounting connects the client to focus and online events (counted, so a host's own mount stays).
  useEffect(() => {
    client.mount();
    return () => client.unmount();
  }, [client]);

  useEffect(() => {
    if (!dataProvider.subscribe) return undefined;
    return dataProvider.subscribe((event) => applyReachoutEvent(client, event));
  }, [dataProvider, client]);

  const previousProvider = useRef(dataProvider);
  useEffect(() => {
    if (previousProvider.current === dataProvider) return;
    previousProvider.current = dataProvider;
    // Answers from another backend must not linger in the cache.
    void client.resetQueries({ queryKey: reachoutKeys.all });
  }, [dataProvider, client]);

  const overrides = useMemo(() => stringOverrides(messages), [messages]);

  const value = useMemo<ReachoutContextValue>(
    () => ({
      dataProvider,
      queryClient: client,
      locale,
      messages: overrides,
      pollIntervalMs,
      sendsInFlight,
    }),
    [dataProvider, client, locale, overrides, pollIntervalMs, sendsInFlight],
  );

  return <ReachoutContext.Provider value={value}>{children}</ReachoutContext.Provider>;
}
