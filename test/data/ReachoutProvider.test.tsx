import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReachoutProvider } from '../../src/data/ReachoutProvider';
import { reachoutKeys } from '../../src/data/reachoutKeys';
import { useContacts } from '../../src/data/useContacts';
import { useMessages } from '../../src/data/useMessages';
import { useReachout } from '../../src/data/useReachout';
import { useTicket } from '../../src/data/useTicket';
import { contact, createMockProvider, page, renderWithProvider, ticket, withSubscribe } from './helpers';

afterEach(cleanup);

describe('ReachoutProvider', () => {
  it('makes hooks used outside it fail with a message naming the hook', () => {
    expect(() => renderHook(() => useContacts())).toThrow('useContacts must be used inside <ReachoutProvider>');
    expect(() => renderHook(() => useMessages())).toThrow('useMessages must be used inside <ReachoutProvider>');
  });

  it('uses the query client the host passes', async () => {
    const queryClient = new QueryClient();
    const dataProvider = createMockProvider({ listContacts: async () => page([contact({ id: 'c1' })]) });
    const { result } = renderWithProvider(() => ({ contacts: useContacts(), reachout: useReachout() }), {
      dataProvider,
      queryClient,
    });

    await waitFor(() => expect(result.current.contacts.contacts).toHaveLength(1));
    expect(result.current.reachout.queryClient).toBe(queryClient);
    expect(queryClient.getQueryData(reachoutKeys.contacts.list(''))).toMatchObject({ pages: [{ items: [{ id: 'c1' }] }] });
  });

  it('creates one client per provider instance and keeps it across renders', async () => {
    const dataProvider = createMockProvider();
    const { result, rerender } = renderWithProvider(() => useReachout().queryClient, { dataProvider });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);

    const other = renderWithProvider(() => useReachout().queryClient, { dataProvider });
    expect(other.result.current).not.toBe(first);
  });

  it('gives its own client sensible defaults: no refetch on window focus, data fresh for a while', () => {
    const { result } = renderWithProvider(() => useReachout().queryClient, { dataProvider: createMockProvider() });
    const defaults = result.current.getDefaultOptions().queries;
    expect(defaults?.refetchOnWindowFocus).toBe(false);
    expect(defaults?.staleTime).toBeGreaterThan(0);
  });

  it('subscribes once to live updates, applies them, and unsubscribes on unmount', async () => {
    const dataProvider = createMockProvider({ getTicket: async ({ id }) => ticket({ id, status: 'verifying' }) });
    const live = withSubscribe(dataProvider);
    const { result, rerender, unmount } = renderWithProvider(() => useTicket('ticket-1'), { dataProvider });
    await waitFor(() => expect(result.current.data?.status).toBe('verifying'));
    rerender();
    expect(dataProvider.subscribe).toHaveBeenCalledTimes(1);

    live.emit({ type: 'ticket.updated', ticket: ticket({ id: 'ticket-1', status: 'assigned' }) });

    await waitFor(() => expect(result.current.data?.status).toBe('assigned'));
    expect(dataProvider.getTicket).toHaveBeenCalledTimes(1);
    unmount();
    expect(live.unsubscribe).toHaveBeenCalledTimes(1);
    expect(live.listeners.size).toBe(0);
  });

  it('leaves one subscription under StrictMode\'s double effects', () => {
    const dataProvider = createMockProvider();
    const live = withSubscribe(dataProvider);
    render(
      <StrictMode>
        <ReachoutProvider dataProvider={dataProvider}>content</ReachoutProvider>
      </StrictMode>,
    );
    expect(live.listeners.size).toBe(1);
  });

  it('refetches from the new data provider when it changes', async () => {
    const first = createMockProvider({ listContacts: async () => page([contact({ name: 'From first' })]) });
    const second = createMockProvider({ listContacts: async () => page([contact({ name: 'From second' })]) });
    function Names() {
      const { contacts } = useContacts();
      return <p>{contacts.map((item) => item.name).join(', ')}</p>;
    }
    const view = render(
      <ReachoutProvider dataProvider={first}>
        <Names />
      </ReachoutProvider>,
    );
    await screen.findByText('From first');

    view.rerender(
      <ReachoutProvider dataProvider={second}>
        <Names />
      </ReachoutProvider>,
    );

    await screen.findByText('From second');
    expect(second.listContacts).toHaveBeenCalledTimes(1);
  });

  it('renders its children and no markup of its own', () => {
    const { container } = render(
      <ReachoutProvider dataProvider={createMockProvider()}>
        <span>child</span>
      </ReachoutProvider>,
    );
    expect(container.innerHTML).toBe('<span>child</span>');
  });
});
