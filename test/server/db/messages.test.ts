import { eq } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { type Chat, type Message, ReachoutError, type ReachoutEvent } from 'reachout/core';
import { contractFixtures, type ContractWorld } from 'reachout/testing';
import type { ReachoutBackend } from '../../../server/src/backend';
import { tickets } from '../../../server/src/db/schema';
import { backendWithWorld, describeOnEachDatabase, eventually, orderSend, recordingGateway, worldContact } from './helpers';

// The conversation of the database backend beyond the contract: where messages come from
// (the notification, WhatsApp's inbound messages, the simulator) and how WhatsApp moves them.

const oscar = worldContact('contract-contact-oscar');
const chatId = 'chat-oscar-open';

/** The contract world plus an open chat of Oscar's whose customer wrote an hour ago. */
function worldWithOpenChat(): ContractWorld {
  const world = structuredClone(contractFixtures);
  const chat: Chat = {
    id: chatId,
    contactId: oscar.id,
    status: 'open',
    assignee: null,
    lastInboundAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
    senderId: 'contract-sender-support',
  };
  world.chats.push(chat);
  return world;
}

const backends: ReachoutBackend[] = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map((backend) => backend.close()));
});

async function messagesOf(backend: ReachoutBackend, id: string): Promise<Message[]> {
  const list = backend.provider.listMessages;
  if (!list) throw new Error('The database backend has no listMessages');
  return (await list({ chatId: id, limit: 100 })).items;
}

function send(backend: ReachoutBackend, text: string, key = `messages-test-${Math.random().toString(36).slice(2)}`) {
  const sendMessage = backend.provider.sendMessage;
  if (!sendMessage) throw new Error('The database backend has no sendMessage');
  return sendMessage({ input: { idempotencyKey: key, chatId, text } });
}

describeOnEachDatabase('chat messages of the database backend', (database) => {
  it('sends a text to WhatsApp as a Cloud API text message and answers it sent', async () => {
    const { gateway, texts } = recordingGateway();
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { gateway });
    backends.push(backend);

    const sent = await send(backend, 'Your parcel leaves today.');

    expect(texts).toEqual([
      { messaging_product: 'whatsapp', recipient_type: 'individual', to: oscar.phone, type: 'text', text: { body: 'Your parcel leaves today.', preview_url: false } },
    ]);
    expect(sent).toMatchObject({ direction: 'outbound', kind: 'text', status: 'sent', failureReason: null });
  });

  it('moves a sent text with WhatsApp statuses, never backwards, and emits message.updated', async () => {
    const { gateway } = recordingGateway();
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { gateway });
    backends.push(backend);
    const sent = await send(backend, 'Read me');
    const events: ReachoutEvent[] = [];
    backend.events.subscribe((stored) => events.push(stored.event));

    const at = new Date().toISOString();
    await backend.whatsapp.recordStatus({ messageId: 'wamid.recorded-1', status: 'read', at });
    await backend.whatsapp.recordStatus({ messageId: 'wamid.recorded-1', status: 'delivered', at });

    expect((await messagesOf(backend, chatId)).find((message) => message.id === sent.id)?.status).toBe('read');
    // On PostgreSQL every server's listeners are fed from the events table, so the send's own
    // `message.added` and `sent` update can still reach a listener subscribed after the send
    // returned: only the status updates that follow count. Events arrive there after the write
    // has returned (through NOTIFY): wait for them.
    const statuses = () => events.flatMap((event) => (event.type === 'message.updated' ? [event.message.status] : []));
    await vi.waitFor(() => expect(statuses().filter((status) => status !== 'sent')).toEqual(['read']));
  });

  it('stores a text WhatsApp refuses with 131047 (OUTSIDE_WINDOW) as failed, with the reason', async () => {
    const { gateway } = recordingGateway({
      send: () => Promise.reject(new ReachoutError('OUTSIDE_WINDOW', 'Re-engagement message')),
    });
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { gateway });
    backends.push(backend);

    const sent = await send(backend, 'Too late?');

    expect(sent.status).toBe('failed');
    expect(sent.failureReason).toMatch(/24 hours/);
    expect((await messagesOf(backend, chatId))[0]).toEqual(sent);
  });

  it('turns an inbound WhatsApp message into the chat’s newest inbound message', async () => {
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { gateway: recordingGateway().gateway });
    backends.push(backend);

    await backend.whatsapp.recordInbound({ from: oscar.phone.slice(1), text: '[image] the box was open', at: new Date().toISOString(), messageId: 'wamid.IN-1' });

    const [newest] = await messagesOf(backend, chatId);
    expect(newest).toMatchObject({ direction: 'inbound', kind: 'text', text: '[image] the box was open', status: null, contactId: oscar.id });
  });

  it('in simulator mode, moves a sent text on to delivered, then read', async () => {
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { simulatorDelayMs: 20 });
    backends.push(backend);
    const sent = await send(backend, 'Simulated delivery');
    const seen: string[] = [];
    backend.events.subscribe(({ event }) => {
      if (event.type === 'message.updated' && event.message.id === sent.id && event.message.status) seen.push(event.message.status);
    });

    await eventually(async () => seen.includes('read'), 'the simulated text was read');

    // On PostgreSQL every server's listeners are fed from the events table, so the send's own
    // `message.added` and `sent` update can still reach a listener subscribed after the send
    // returned: only the status updates that follow count.
    expect(seen.filter((status) => status !== 'sent')).toEqual(['delivered', 'read']);
  });

  it('turns a simulated customer reply into an inbound message', async () => {
    const backend = await backendWithWorld(database(), worldWithOpenChat());
    backends.push(backend);

    await backend.simulator?.receiveReply(oscar.id, 'Thanks!');

    expect((await messagesOf(backend, chatId))[0]).toMatchObject({ direction: 'inbound', text: 'Thanks!' });
  });

  it('makes the notification its chat’s first outbound template message once verified, following its delivery', async () => {
    const { gateway } = recordingGateway();
    const backend = await backendWithWorld(database(), structuredClone(contractFixtures), { gateway });
    backends.push(backend);
    const ticket = await backend.provider.sendNotification({ input: orderSend(oscar.id, 'messages-test-notification') });
    let messageId: string | null = null;
    await eventually(async () => {
      const [row] = await database().drizzle.select({ messageId: tickets.messageId }).from(tickets).where(eq(tickets.id, ticket.id));
      messageId = row?.messageId ?? null;
      return messageId !== null;
    }, 'the queue handed the notification to WhatsApp');
    if (messageId === null) throw new Error('unreachable');

    await backend.whatsapp.recordStatus({ messageId, status: 'sent', at: new Date().toISOString() });
    const verified = await backend.provider.getTicket({ id: ticket.id });
    expect(verified.chatId).not.toBeNull();
    const [first] = await messagesOf(backend, verified.chatId ?? '');
    expect(first).toMatchObject({ direction: 'outbound', kind: 'template', text: ticket.notification.body, status: 'sent', at: ticket.createdAt });

    await backend.whatsapp.recordStatus({ messageId, status: 'delivered', at: new Date().toISOString() });
    expect((await messagesOf(backend, verified.chatId ?? ''))[0]?.status).toBe('delivered');
  });
});
