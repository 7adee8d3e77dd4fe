import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReachoutDataProvider } from '../../src/core/provider';
import type { MessageTemplate, SendNotificationInput } from '../../src/core/types';
import { useActiveChat } from '../../src/data/useActiveChat';
import { useContacts } from '../../src/data/useContacts';
import { useSendNotification } from '../../src/data/useSendNotification';
import { useTicket } from '../../src/data/useTicket';
import { useTickets } from '../../src/data/useTickets';
import { useTimeline } from '../../src/data/useTimeline';
import { createMemoryProvider, generateContacts } from '../../src/testing';
import { contact } from './fixtures';
import { renderWithProvider } from './helpers';

afterEach(cleanup);

const hello: MessageTemplate = {
  id: 'template-hello',
  name: 'hello',
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Hello there' }],
};

const ada = contact({ id: 'contact-ada', name: 'Ada Lovelace', phone: '+5511987654321' });

function sendInput(): SendNotificationInput {
  return {
    idempotencyKey: 'send-0001',
    contactId: ada.id,
    senderId: 'sender-support',
    to: ada.phone,
    template: { id: hello.id, name: hello.name, language: hello.language },
    parameters: {},
    message: {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: ada.phone,
      type: 'template',
      template: { name: hello.name, language: { code: hello.language } },
    },
    ticket: { priority: 'high', assigneeId: null, description: 'Welcome call' },
  };
}

function useContactActivity() {
  return {
    send: useSendNotification(),
    tickets: useTickets(ada.id),
    activeChat: useActiveChat(ada.id),
    timeline: useTimeline(ada.id),
  };
}

describe('hooks on the memory provider', () => {
  it('pages 120 generated contacts by cursor', async () => {
    const dataProvider = createMemoryProvider({ contacts: generateContacts(120, 7) });
    const { result } = renderWithProvider(() => useContacts(), { dataProvider });

    await waitFor(() => expect(result.current.contacts).toHaveLength(50));
    expect(result.current.total).toBe(120);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.contacts).toHaveLength(100));
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.contacts).toHaveLength(120));
    expect(result.current.hasNextPage).toBe(false);
    expect(new Set(result.current.contacts.map((item) => item.id)).size).toBe(120);
  });

  it('shows a sent ticket verifying, then its result live, with the chat it opened', async () => {
    const dataProvider = createMemoryProvider({ contacts: [ada], templates: [hello] });
    const { result } = renderWithProvider(useContactActivity, { dataProvider });
    await waitFor(() => expect(result.current.activeChat.isSuccess).toBe(true));
    expect(result.current.activeChat.data).toBeNull();

    const sent = await act(() => result.current.send.mutateAsync(sendInput()));

    await waitFor(() => expect(result.current.tickets.tickets.map((item) => item.status)).toEqual(['verifying']));
    await waitFor(() => expect(result.current.timeline.events.map((item) => item.type)).toContain('notification.sent'));
    const ticketCalls = dataProvider.control.calls.filter((call) => call.method === 'listTickets').length;

    act(() => {
      dataProvider.control.completeVerification(sent.id, 'success');
    });

    await waitFor(() => expect(result.current.tickets.tickets[0]?.status).toBe('open'));
    await waitFor(() => expect(result.current.activeChat.data?.status).toBe('open'));
    // Updated from events, not by fetching the list again.
    expect(dataProvider.control.calls.filter((call) => call.method === 'listTickets')).toHaveLength(ticketCalls);
  });

  it('polls a verifying ticket when the provider has no subscribe, and stops when it resolves', async () => {
    const memory = createMemoryProvider({ contacts: [ada], templates: [hello] });
    const { subscribe: _subscribe, ...withoutLiveUpdates } = memory;
    const dataProvider: ReachoutDataProvider = withoutLiveUpdates;
    const sent = await memory.sendNotification({ input: sendInput() });
    const { result } = renderWithProvider(() => useTicket(sent.id), { dataProvider, pollIntervalMs: 40 });
    await waitFor(() => expect(result.current.data?.status).toBe('verifying'));

    memory.control.completeVerification(sent.id, 'failed');

    await waitFor(() => expect(result.current.data?.status).toBe('failed'));
    expect(result.current.data?.notification.failureReason).toBeTruthy();
    const polls = memory.control.calls.filter((call) => call.method === 'getTicket').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(memory.control.calls.filter((call) => call.method === 'getTicket')).toHaveLength(polls);
  });
});
