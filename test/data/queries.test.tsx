import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReachoutError } from '../../src/core/errors';
import type { MessageTemplate, Page, Ticket } from '../../src/core/types';
import { useActiveChat } from '../../src/data/useActiveChat';
import { useAgents } from '../../src/data/useAgents';
import { useChats } from '../../src/data/useChats';
import { useContact } from '../../src/data/useContact';
import { useContacts } from '../../src/data/useContacts';
import { useSenders } from '../../src/data/useSenders';
import { useTemplates } from '../../src/data/useTemplates';
import type { UseTemplatesOptions } from '../../src/data/useTemplates';
import { useTicket } from '../../src/data/useTicket';
import { useTickets } from '../../src/data/useTickets';
import { useTimeline } from '../../src/data/useTimeline';
import {
  chat,
  contact,
  createMockProvider,
  deferred,
  page,
  renderWithProvider,
  ticket,
  timelineEvent,
  withSubscribe,
} from './helpers';

afterEach(cleanup);

function template(name: string): MessageTemplate {
  return {
    id: `template-${name}`,
    name,
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Hello' }],
  };
}

describe('query hooks pass exact params and the signal', () => {
  it('useContact calls getContact with the id', async () => {
    const dataProvider = createMockProvider();
    const { result } = renderWithProvider(() => useContact('contact-7'), { dataProvider });

    await waitFor(() => expect(result.current.data?.id).toBe('contact-7'));
    const [params, context] = dataProvider.getContact.mock.calls[0] ?? [];
    expect(params).toStrictEqual({ id: 'contact-7' });
    expect(context?.signal).toBeInstanceOf(AbortSignal);
  });

  it('useContact fetches nothing without an id', async () => {
    const dataProvider = createMockProvider();
    const { result } = renderWithProvider(() => useContact(null), { dataProvider });

    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dataProvider.getContact).not.toHaveBeenCalled();
    expect(result.current.isPending).toBe(true);
    expect(result.current.isLoading).toBe(false);
  });

  it('useContact shows a contact from a loaded list at once, flagged as placeholder', async () => {
    const listed = contact({ id: 'contact-9', name: 'Grace' });
    const detail = deferred<typeof listed>();
    const dataProvider = createMockProvider({
      listContacts: async () => page([listed]),
      getContact: () => detail.promise,
    });
    const { result } = renderWithProvider(
      () => ({ list: useContacts(), detail: useContact(listed.id) }),
      { dataProvider },
    );

    await waitFor(() => expect(result.current.detail.data).toEqual(listed));
    expect(result.current.detail.isPlaceholderData).toBe(true);
    detail.resolve({ ...listed, email: 'grace@example.com' });
    await waitFor(() => expect(result.current.detail.data?.email).toBe('grace@example.com'));
    expect(result.current.detail.isPlaceholderData).toBe(false);
  });

  it('useSenders calls listSenders with empty params', async () => {
    const sender = { id: 'sender-1', channel: 'whatsapp' as const, phone: '+5511900000000', displayName: 'Support' };
    const dataProvider = createMockProvider({ listSenders: async () => [sender] });
    const { result } = renderWithProvider(() => useSenders(), { dataProvider });

    await waitFor(() => expect(result.current.data).toEqual([sender]));
    const [params, context] = dataProvider.listSenders.mock.calls[0] ?? [];
    expect(params).toStrictEqual({});
    expect(context?.signal).toBeInstanceOf(AbortSignal);
  });

  it('useTemplates pages one sender\'s templates with its search', async () => {
    const dataProvider = createMockProvider({
      listTemplates: async ({ cursor }) =>
        cursor ? page([template('second')]) : page([template('first')], 'next'),
    });
    const { result } = renderWithProvider(() => useTemplates({ senderId: 'sender-1', search: 'ord', limit: 10 }), {
      dataProvider,
    });

    await waitFor(() => expect(result.current.templates.map((item) => item.name)).toEqual(['first']));
    await act(() => result.current.fetchNextPage());

    await waitFor(() => expect(result.current.templates.map((item) => item.name)).toEqual(['first', 'second']));
    expect(dataProvider.listTemplates.mock.calls.map(([params]) => params)).toStrictEqual([
      { senderId: 'sender-1', search: 'ord', cursor: null, limit: 10 },
      { senderId: 'sender-1', search: 'ord', cursor: 'next', limit: 10 },
    ]);
    expect(dataProvider.listTemplates.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('useTemplates waits for a sender, and does not show another sender\'s templates meanwhile', async () => {
    const secondAnswer = deferred<Page<MessageTemplate>>();
    const dataProvider = createMockProvider({
      listTemplates: ({ senderId }) =>
        senderId === 'sender-2' ? secondAnswer.promise : Promise.resolve(page([template('first')])),
    });
    const { result, rerender } = renderWithProvider((options: UseTemplatesOptions) => useTemplates(options), {
      dataProvider,
      initialProps: { senderId: null } as UseTemplatesOptions,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dataProvider.listTemplates).not.toHaveBeenCalled();

    rerender({ senderId: 'sender-1' });
    await waitFor(() => expect(result.current.templates).toHaveLength(1));
    rerender({ senderId: 'sender-2' });

    expect(result.current.templates).toEqual([]);
    expect(result.current.isLoading).toBe(true);
    secondAnswer.resolve(page([template('other')]));
    await waitFor(() => expect(result.current.templates.map((item) => item.name)).toEqual(['other']));
  });

  it('useAgents calls listAgents with the search', async () => {
    const agent = { id: 'agent-1', name: 'Linus' };
    const dataProvider = createMockProvider({ listAgents: async () => [agent] });
    const { result } = renderWithProvider(() => useAgents({ search: 'li' }), { dataProvider });

    await waitFor(() => expect(result.current.data).toEqual([agent]));
    expect(dataProvider.listAgents.mock.calls[0]?.[0]).toStrictEqual({ search: 'li' });
    expect(dataProvider.listAgents.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('useActiveChat answers null when the contact has no active chat', async () => {
    const dataProvider = createMockProvider();
    const { result } = renderWithProvider(() => useActiveChat('contact-1'), { dataProvider });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBeNull();
    expect(dataProvider.getActiveChat.mock.calls[0]?.[0]).toStrictEqual({ contactId: 'contact-1' });
    expect(dataProvider.getActiveChat.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('useTickets, useTimeline and useChats page the contact\'s lists by cursor', async () => {
    const tickets = [ticket(), ticket()];
    const events = [timelineEvent()];
    const chats = [chat()];
    const dataProvider = createMockProvider({
      listTickets: async ({ cursor }) => (cursor ? page([tickets[1]!]) : page([tickets[0]!], 't2')),
      listTimeline: async () => page(events),
      listChats: async () => page(chats),
    });
    const { result } = renderWithProvider(
      () => ({
        tickets: useTickets('contact-1', { limit: 1 }),
        timeline: useTimeline('contact-1'),
        chats: useChats('contact-1', { limit: 5 }),
      }),
      { dataProvider },
    );

    await waitFor(() => expect(result.current.tickets.tickets).toEqual([tickets[0]]));
    await act(() => result.current.tickets.fetchNextPage());
    // TanStack notifies React in a timeout of its own, after act has returned.
    await waitFor(() => expect(result.current.tickets.tickets).toEqual(tickets));
    await waitFor(() => expect(result.current.timeline.events).toEqual(events));
    await waitFor(() => expect(result.current.chats.chats).toEqual(chats));

    expect(dataProvider.listTickets.mock.calls.map(([params]) => params)).toStrictEqual([
      { contactId: 'contact-1', cursor: null, limit: 1 },
      { contactId: 'contact-1', cursor: 't2', limit: 1 },
    ]);
    expect(dataProvider.listTimeline.mock.calls[0]?.[0]).toStrictEqual({ contactId: 'contact-1', cursor: null, limit: 20 });
    expect(dataProvider.listChats.mock.calls[0]?.[0]).toStrictEqual({ contactId: 'contact-1', cursor: null, limit: 5 });
    for (const method of [dataProvider.listTickets, dataProvider.listTimeline, dataProvider.listChats]) {
      expect(method.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it('useTicket surfaces NOT_FOUND as a ReachoutError', async () => {
    const dataProvider = createMockProvider({
      getTicket: () => Promise.reject(new ReachoutError('NOT_FOUND', 'No such ticket')),
    });
    const { result } = renderWithProvider(() => useTicket('ticket-x'), { dataProvider });

    await waitFor(() => expect(result.current.error?.code).toBe('NOT_FOUND'));
    expect(dataProvider.getTicket.mock.calls[0]?.[0]).toStrictEqual({ id: 'ticket-x' });
    expect(dataProvider.getTicket).toHaveBeenCalledTimes(1);
  });
});

describe('polling what is still verifying', () => {
  function verifyingThenOpen(verifyingAnswers: number) {
    let calls = 0;
    return (id: string): Promise<Ticket> => {
      calls += 1;
      return Promise.resolve(ticket({ id, status: calls <= verifyingAnswers ? 'verifying' : 'open' }));
    };
  }

  it('polls a verifying ticket and stops once it is verified', async () => {
    const answer = verifyingThenOpen(2);
    const dataProvider = createMockProvider({ getTicket: ({ id }) => answer(id) });
    const { result } = renderWithProvider(() => useTicket('ticket-1'), { dataProvider, pollIntervalMs: 30 });

    await waitFor(() => expect(result.current.data?.status).toBe('open'));
    expect(dataProvider.getTicket).toHaveBeenCalledTimes(3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(dataProvider.getTicket).toHaveBeenCalledTimes(3);
  });

  it('does not poll when the provider pushes live updates', async () => {
    const dataProvider = createMockProvider({ getTicket: async ({ id }) => ticket({ id, status: 'verifying' }) });
    withSubscribe(dataProvider);
    const { result } = renderWithProvider(() => useTicket('ticket-1'), { dataProvider, pollIntervalMs: 30 });

    await waitFor(() => expect(result.current.data?.status).toBe('verifying'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(dataProvider.getTicket).toHaveBeenCalledTimes(1);
  });

  it('polls a tickets list while any ticket in it is verifying', async () => {
    let calls = 0;
    const dataProvider = createMockProvider({
      listTickets: async () => {
        calls += 1;
        return page([ticket({ id: 'old', status: 'open' }), ticket({ id: 'new', status: calls < 3 ? 'verifying' : 'failed' })]);
      },
    });
    const { result } = renderWithProvider(() => useTickets('contact-1'), { dataProvider, pollIntervalMs: 30 });

    await waitFor(() => expect(result.current.tickets[1]?.status).toBe('failed'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(dataProvider.listTickets).toHaveBeenCalledTimes(3);
  });
});
