import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReachoutError } from '../../src/core/errors';
import type { CallContext } from '../../src/core/provider';
import type { Contact, Page } from '../../src/core/types';
import { createReachoutQueryClient } from '../../src/data/createReachoutQueryClient';
import { useContacts } from '../../src/data/useContacts';
import type { UseContactsOptions } from '../../src/data/useContacts';
import { abortError, contact, createMockProvider, deferred, page, renderWithProvider } from './helpers';

afterEach(cleanup);

describe('useContacts', () => {
  it('passes the exact params and an AbortSignal to listContacts', async () => {
    const dataProvider = createMockProvider();
    renderWithProvider(() => useContacts({ search: 'ada', limit: 25 }), { dataProvider });

    await waitFor(() => expect(dataProvider.listContacts).toHaveBeenCalledTimes(1));
    const [params, context] = dataProvider.listContacts.mock.calls[0] ?? [];
    expect(params).toStrictEqual({ search: 'ada', cursor: null, limit: 25 });
    expect(context?.signal).toBeInstanceOf(AbortSignal);
  });

  it('omits an empty search and asks for 50 contacts by default', async () => {
    const dataProvider = createMockProvider();
    renderWithProvider(() => useContacts(), { dataProvider });

    await waitFor(() => expect(dataProvider.listContacts).toHaveBeenCalled());
    expect(dataProvider.listContacts.mock.calls[0]?.[0]).toStrictEqual({ cursor: null, limit: 50 });
  });

  it('pages by cursor and flattens the pages into one contacts array', async () => {
    const first = [contact({ name: 'Ada' }), contact({ name: 'Alan' })];
    const second = [contact({ name: 'Grace' })];
    const dataProvider = createMockProvider({
      listContacts: async ({ cursor }) => (cursor === 'page-2' ? page(second, null, 3) : page(first, 'page-2', 3)),
    });
    const { result } = renderWithProvider(() => useContacts(), { dataProvider });

    await waitFor(() => expect(result.current.contacts).toEqual(first));
    expect(result.current.hasNextPage).toBe(true);
    expect(result.current.total).toBe(3);

    await act(() => result.current.fetchNextPage());

    await waitFor(() => expect(result.current.contacts).toEqual([...first, ...second]));
    expect(result.current.hasNextPage).toBe(false);
    expect(dataProvider.listContacts.mock.calls.map(([params]) => params.cursor)).toEqual([null, 'page-2']);
  });

  it('asks for the next page once however often fetchNextPage is called meanwhile', async () => {
    const next = deferred<Page<Contact>>();
    const dataProvider = createMockProvider({
      listContacts: ({ cursor }) => (cursor ? next.promise : Promise.resolve(page([contact()], 'page-2'))),
    });
    const { result } = renderWithProvider(() => useContacts(), { dataProvider });
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));

    act(() => {
      void result.current.fetchNextPage();
    });
    await waitFor(() => expect(result.current.isFetchingNextPage).toBe(true));
    act(() => {
      void result.current.fetchNextPage();
      void result.current.fetchNextPage();
    });
    next.resolve(page([contact()], null));

    await waitFor(() => expect(result.current.contacts).toHaveLength(2));
    expect(dataProvider.listContacts).toHaveBeenCalledTimes(2);
  });

  it('aborts the superseded search and shows the last search even when the earlier answer arrives later', async () => {
    const adaContacts = [contact({ name: 'Ada' })];
    const graceContacts = [contact({ name: 'Grace' })];
    const answers = new Map([
      ['ada', deferred<Page<Contact>>()],
      ['grace', deferred<Page<Contact>>()],
    ]);
    const signals = new Map<string, AbortSignal | undefined>();
    // Like a provider that ignores its signal: the stale answer still arrives.
    const dataProvider = createMockProvider({
      listContacts: ({ search = '' }, context?: CallContext) => {
        signals.set(search, context?.signal);
        return answers.get(search)?.promise ?? Promise.resolve(page([]));
      },
    });
    const { result, rerender } = renderWithProvider((options: UseContactsOptions) => useContacts(options), {
      dataProvider,
      initialProps: { search: 'ada' },
    });
    await waitFor(() => expect(signals.has('ada')).toBe(true));

    rerender({ search: 'grace' });
    await waitFor(() => expect(signals.has('grace')).toBe(true));
    expect(signals.get('ada')?.aborted).toBe(true);
    expect(signals.get('grace')?.aborted).toBe(false);

    answers.get('grace')?.resolve(page(graceContacts));
    await waitFor(() => expect(result.current.contacts).toEqual(graceContacts));
    answers.get('ada')?.resolve(page(adaContacts));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(result.current.contacts).toEqual(graceContacts);
    expect(result.current.isPlaceholderData).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it('keeps the previous results flagged as placeholder data while a new search loads', async () => {
    const adaContacts = [contact({ name: 'Ada' })];
    const graceAnswer = deferred<Page<Contact>>();
    const dataProvider = createMockProvider({
      listContacts: ({ search }) => (search === 'grace' ? graceAnswer.promise : Promise.resolve(page(adaContacts, 'more'))),
    });
    const { result, rerender } = renderWithProvider((options: UseContactsOptions) => useContacts(options), {
      dataProvider,
      initialProps: { search: 'ada' },
    });
    await waitFor(() => expect(result.current.contacts).toEqual(adaContacts));
    expect(result.current.isPlaceholderData).toBe(false);

    rerender({ search: 'grace' });

    expect(result.current.contacts).toEqual(adaContacts);
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.isFetching).toBe(true);
    // The placeholder's cursor belongs to the "ada" list.
    expect(result.current.hasNextPage).toBe(false);

    const graceContacts = [contact({ name: 'Grace' })];
    graceAnswer.resolve(page(graceContacts));
    await waitFor(() => expect(result.current.contacts).toEqual(graceContacts));
    expect(result.current.isPlaceholderData).toBe(false);
  });

  it('never reports an aborted request as an error', async () => {
    const dataProvider = createMockProvider({
      listContacts: ({ search }, context) =>
        search === 'slow'
          ? new Promise((_, reject) => context?.signal?.addEventListener('abort', () => reject(abortError())))
          : Promise.resolve(page([contact()])),
    });
    const { result, rerender } = renderWithProvider((options: UseContactsOptions) => useContacts(options), {
      dataProvider,
      initialProps: { search: 'slow' },
    });
    const states: Array<{ error: unknown; status: string }> = [];
    await waitFor(() => expect(dataProvider.listContacts).toHaveBeenCalledTimes(1));

    rerender({ search: 'fast' });
    await waitFor(() => expect(result.current.contacts).toHaveLength(1));
    states.push({ error: result.current.error, status: result.current.status });
    rerender({ search: 'slow' });
    rerender({ search: 'fast' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    states.push({ error: result.current.error, status: result.current.status });

    expect(dataProvider.listContacts.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
    expect(states).toEqual([
      { error: null, status: 'success' },
      { error: null, status: 'success' },
    ]);
  });

  it('reports an abort the provider made on its own as a NETWORK error, not an AbortError', async () => {
    const dataProvider = createMockProvider({ listContacts: () => Promise.reject(abortError()) });
    const { result } = renderWithProvider(() => useContacts(), { dataProvider });

    // NETWORK is retried twice (1 s, 2 s) before it shows.
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 5000 });
    expect(result.current.error).toBeInstanceOf(ReachoutError);
    expect(result.current.error?.code).toBe('NETWORK');
    expect(dataProvider.listContacts).toHaveBeenCalledTimes(3);
  });

  it('surfaces a provider failure as a ReachoutError with its code, without retrying it', async () => {
    const dataProvider = createMockProvider({
      listContacts: () => Promise.reject(new ReachoutError('FORBIDDEN', 'No access')),
    });
    const { result } = renderWithProvider(() => useContacts(), { dataProvider });

    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: 'ReachoutError', code: 'FORBIDDEN', message: 'No access' });
    expect(dataProvider.listContacts).toHaveBeenCalledTimes(1);
  });

  it('wraps anything else a provider throws as UNKNOWN with the original as cause', async () => {
    const cause = new Error('kaput');
    const dataProvider = createMockProvider({ listContacts: () => Promise.reject(cause) });
    const queryClient = createReachoutQueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
    const { result } = renderWithProvider(() => useContacts(), { dataProvider, queryClient });

    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ReachoutError);
    expect(result.current.error?.code).toBe('UNKNOWN');
    expect(result.current.error?.cause).toBe(cause);
  });

  it('fails with a message naming the method when the provider answers with the wrong shape', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const dataProvider = createMockProvider({
      listContacts: async () => ({ contacts: [] }) as unknown as Page<Contact>,
    });
    const { result } = renderWithProvider(() => useContacts(), { dataProvider });

    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toMatch(/^listContacts returned an invalid page: expected \{ items: \[\], nextCursor \}/);
    // A wrong shape stays wrong: not retried.
    expect(dataProvider.listContacts).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });
});
