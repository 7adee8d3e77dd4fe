import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReachoutError } from '../../src/core/errors';
import type { SendNotificationInput, Ticket } from '../../src/core/types';
import { createReachoutQueryClient } from '../../src/data/createReachoutQueryClient';
import { reachoutKeys } from '../../src/data/reachoutKeys';
import { useContacts } from '../../src/data/useContacts';
import { useCreateContact } from '../../src/data/useCreateContact';
import { useSendNotification } from '../../src/data/useSendNotification';
import { useTickets } from '../../src/data/useTickets';
import { contact, createMockProvider, deferred, page, renderWithProvider, ticket, withSubscribe } from './helpers';

afterEach(cleanup);

function sendInput(idempotencyKey: string): SendNotificationInput {
  return {
    idempotencyKey,
    contactId: 'contact-1',
    senderId: 'sender-1',
    to: '+5511987654321',
    template: { id: 'template-1', name: 'order_update', language: 'en_US' },
    parameters: { body: { '1': 'Ada' } },
    message: {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+5511987654321',
      type: 'template',
      template: { name: 'order_update', language: { code: 'en_US' } },
    },
    ticket: { priority: 'high', assigneeId: null, description: 'Follow up' },
  };
}

describe('useCreateContact', () => {
  it('creates the contact, caches its detail and refetches the contacts lists', async () => {
    const created = contact({ id: 'contact-new', name: 'Grace' });
    const dataProvider = createMockProvider({
      listContacts: async () => page([contact()]),
      createContact: async () => created,
    });
    const queryClient = createReachoutQueryClient();
    const { result } = renderWithProvider(() => ({ list: useContacts(), create: useCreateContact() }), {
      dataProvider,
      queryClient,
    });
    await waitFor(() => expect(result.current.list.contacts).toHaveLength(1));
    const input = { name: 'Grace', phone: '+5511911111111', email: null };

    let answer: unknown;
    await act(async () => {
      answer = await result.current.create.mutateAsync(input);
    });

    expect(answer).toBe(created);
    expect(dataProvider.createContact).toHaveBeenCalledWith({ input });
    expect(queryClient.getQueryData(reachoutKeys.contacts.detail('contact-new'))).toBe(created);
    await waitFor(() => expect(dataProvider.listContacts).toHaveBeenCalledTimes(2));
  });

  it('reports CONFLICT with its field errors and keeps the mutation in error', async () => {
    const conflict = new ReachoutError('CONFLICT', 'Phone exists', { fieldErrors: { phone: 'Phone exists' } });
    const dataProvider = createMockProvider({ createContact: () => Promise.reject(conflict) });
    const { result } = renderWithProvider(() => useCreateContact(), { dataProvider });
    const onError = vi.fn();

    act(() => result.current.mutate({ name: 'Grace', phone: '+5511911111111' }, { onError }));

    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBe(conflict);
    expect(result.current.error?.fieldErrors).toEqual({ phone: 'Phone exists' });
    expect(onError).toHaveBeenCalledWith(conflict);
    expect(dataProvider.createContact).toHaveBeenCalledTimes(1);
  });
});

describe('useSendNotification', () => {
  it('calls the provider once for two quick sends with one idempotency key, both getting the ticket', async () => {
    const answer = deferred<Ticket>();
    const dataProvider = createMockProvider({ sendNotification: () => answer.promise });
    const { result } = renderWithProvider(() => useSendNotification(), { dataProvider });
    const input = sendInput('key-1');

    let first: Promise<Ticket> | undefined;
    let second: Promise<Ticket> | undefined;
    const onSuccess = vi.fn();
    act(() => {
      first = result.current.mutateAsync(input);
      second = result.current.mutateAsync({ ...input });
      result.current.mutate(input, { onSuccess });
    });
    const sent = ticket({ contactId: 'contact-1' });
    answer.resolve(sent);

    expect(second).toBe(first);
    await expect(first).resolves.toBe(sent);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(sent));
    expect(dataProvider.sendNotification).toHaveBeenCalledTimes(1);
    expect(dataProvider.sendNotification).toHaveBeenCalledWith({ input });
  });

  it('deduplicates across two hooks under one provider', async () => {
    const answer = deferred<Ticket>();
    const dataProvider = createMockProvider({ sendNotification: () => answer.promise });
    const { result } = renderWithProvider(() => [useSendNotification(), useSendNotification()] as const, {
      dataProvider,
    });

    let promises: Promise<Ticket>[] = [];
    act(() => {
      promises = [result.current[0].mutateAsync(sendInput('key-1')), result.current[1].mutateAsync(sendInput('key-1'))];
    });
    answer.resolve(ticket());
    await Promise.all(promises);

    expect(dataProvider.sendNotification).toHaveBeenCalledTimes(1);
  });

  it('sends again with the same key after a failure, and separately for another key', async () => {
    const dataProvider = createMockProvider();
    dataProvider.sendNotification.mockRejectedValueOnce(new ReachoutError('NETWORK', 'Offline'));
    const { result } = renderWithProvider(() => useSendNotification(), { dataProvider });

    await act(async () => {
      await expect(result.current.mutateAsync(sendInput('key-1'))).rejects.toMatchObject({ code: 'NETWORK' });
    });
    await act(async () => {
      await Promise.all([result.current.mutateAsync(sendInput('key-1')), result.current.mutateAsync(sendInput('key-2'))]);
    });

    expect(dataProvider.sendNotification.mock.calls.map(([params]) => params.input.idempotencyKey)).toEqual([
      'key-1',
      'key-1',
      'key-2',
    ]);
  });

  it('puts the new ticket first in the contact\'s tickets and refetches its timeline, chats and active chat', async () => {
    const older = ticket({ id: 'older', status: 'open', createdAt: '2025-12-01T00:00:00.000Z' });
    const sent = ticket({ id: 'sent', contactId: 'contact-1', createdAt: '2026-02-01T00:00:00.000Z' });
    const dataProvider = createMockProvider({
      listTickets: async () => page([older], null, 1),
      sendNotification: async () => sent,
    });
    // Live updates: nothing polls, so the list can only change through the mutation.
    withSubscribe(dataProvider);
    const { result } = renderWithProvider(
      () => ({ tickets: useTickets('contact-1'), send: useSendNotification() }),
      { dataProvider },
    );
    await waitFor(() => expect(result.current.tickets.tickets).toEqual([older]));

    await act(() => result.current.send.mutateAsync(sendInput('key-1')));

    await waitFor(() => expect(result.current.tickets.tickets.map((item) => item.id)).toEqual(['sent', 'older']));
    expect(result.current.tickets.total).toBe(2);
    expect(dataProvider.listTickets).toHaveBeenCalledTimes(1);
  });
});

describe('useSendNotification cache effects', () => {
  it('seeds the ticket detail and invalidates the contact\'s timeline, chats and active chat', async () => {
    const sent = ticket({ id: 'sent', contactId: 'contact-1' });
    const dataProvider = createMockProvider({ sendNotification: async () => sent });
    const queryClient = createReachoutQueryClient();
    queryClient.setQueryData(reachoutKeys.timeline('contact-1'), { pages: [], pageParams: [] });
    queryClient.setQueryData(reachoutKeys.chats('contact-1'), { pages: [], pageParams: [] });
    queryClient.setQueryData(reachoutKeys.activeChat('contact-1'), null);
    queryClient.setQueryData(reachoutKeys.activeChat('contact-2'), null);
    const { result } = renderWithProvider(() => useSendNotification(), { dataProvider, queryClient });

    await act(() => result.current.mutateAsync(sendInput('key-1')));

    expect(queryClient.getQueryData(reachoutKeys.tickets.detail('sent'))).toBe(sent);
    const isInvalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(isInvalidated(reachoutKeys.timeline('contact-1'))).toBe(true);
    expect(isInvalidated(reachoutKeys.chats('contact-1'))).toBe(true);
    expect(isInvalidated(reachoutKeys.activeChat('contact-1'))).toBe(true);
    expect(isInvalidated(reachoutKeys.activeChat('contact-2'))).toBe(false);
  });
});
