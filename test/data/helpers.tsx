import { renderHook } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import type { ReachoutDataProvider } from '../../src/core/provider';
import type { Chat, Contact, Page, ReachoutEvent, Ticket, TimelineEvent } from '../../src/core/types';
import { ReachoutProvider } from '../../src/data/ReachoutProvider';
import { contact, ticket } from './fixtures';
import type { ReachoutProviderProps } from '../../src/data/ReachoutProvider';

/** The provider's required methods (optional ones such as `uploadMedia` are left out). */
type MethodName = {
  [K in keyof ReachoutDataProvider]-?: undefined extends ReachoutDataProvider[K] ? never : K;
}[keyof ReachoutDataProvider];

/** A provider whose every method is a `vi.fn`, answering empty unless overridden. */
export type MockProvider = { [K in MethodName]: Mock<ReachoutDataProvider[K]> } & {
  subscribe?: Mock<NonNullable<ReachoutDataProvider['subscribe']>>;
};

const emptyPage = <T,>(): Page<T> => ({ items: [], nextCursor: null });

export function createMockProvider(overrides: Partial<{ [K in MethodName]: ReachoutDataProvider[K] }> = {}): MockProvider {
  return {
    listContacts: vi.fn(overrides.listContacts ?? (async () => emptyPage<Contact>())),
    getContact: vi.fn(overrides.getContact ?? (async ({ id }) => contact({ id }))),
    createContact: vi.fn(overrides.createContact ?? (async ({ input }) => contact({ name: input.name, phone: input.phone }))),
    listSenders: vi.fn(overrides.listSenders ?? (async () => [])),
    listTemplates: vi.fn(overrides.listTemplates ?? (async () => emptyPage())),
    listAgents: vi.fn(overrides.listAgents ?? (async () => [])),
    getActiveChat: vi.fn(overrides.getActiveChat ?? (async () => null)),
    sendNotification: vi.fn(overrides.sendNotification ?? (async ({ input }) => ticket({ contactId: input.contactId }))),
    getTicket: vi.fn(overrides.getTicket ?? (async ({ id }) => ticket({ id }))),
    listTickets: vi.fn(overrides.listTickets ?? (async () => emptyPage<Ticket>())),
    listTimeline: vi.fn(overrides.listTimeline ?? (async () => emptyPage<TimelineEvent>())),
    listChats: vi.fn(overrides.listChats ?? (async () => emptyPage<Chat>())),
  };
}

/** A provider with `subscribe`, and `emit` to push events to its listeners. */
export function withSubscribe(provider: MockProvider) {
  const listeners = new Set<(event: ReachoutEvent) => void>();
  const unsubscribe = vi.fn();
  provider.subscribe = vi.fn((listener: (event: ReachoutEvent) => void) => {
    listeners.add(listener);
    return () => {
      unsubscribe();
      listeners.delete(listener);
    };
  });
  return {
    emit: (event: ReachoutEvent) => listeners.forEach((listener) => listener(event)),
    listeners,
    unsubscribe,
  };
}

export function renderWithProvider<TResult, TProps>(
  hook: (props: TProps) => TResult,
  options: {
    dataProvider: ReachoutDataProvider;
    initialProps?: TProps;
    queryClient?: QueryClient;
  } & Omit<ReachoutProviderProps, 'dataProvider' | 'children' | 'queryClient'>,
) {
  const { initialProps, dataProvider, queryClient, ...providerProps } = options;
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <ReachoutProvider dataProvider={dataProvider} queryClient={queryClient} {...providerProps}>
        {children}
      </ReachoutProvider>
    );
  }
  return renderHook(hook, { wrapper: Wrapper, initialProps });
}

/** A promise with its resolve and reject, to settle requests in a chosen order. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  return { promise, resolve, reject };
}


export { abortError, chat, contact, page, ticket, timelineEvent } from './fixtures';
