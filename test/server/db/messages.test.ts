import { eq } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { type Chat, type Message, ReachoutError, type ReachoutEvent } from 'reachout/core';
import { contractFixtures, type ContractWorld } from 'reachout/testing';
import type { ReachoutBackend } from '../../../server/src/backend';
import { createDatabaseBackend } from '../../../server/src/db';
import { messages, tickets } from '../../../server/src/db/schema';
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

async function messageById(backend: ReachoutBackend, id: string): Promise<Message | undefined> {
  return (await messagesOf(backend, chatId)).find((message) => message.id === id);
}

function send(backend: ReachoutBackend, text: string, key = `messages-test-${Math.random().toString(36).slice(2)}`) {
  const sendMessage = backend.provider.sendMessage;
  if (!sendMessage) throw new Error('The database backend has no sendMessage');
  return sendMessage({ input: { idempotencyKey: key, chatId, text } });
}

describeOnEachDatabase('chat messages of the database backend', (database) => {
  it('answers a text pending, then the queue hands it to WhatsApp as a Cloud API text message and it becomes sent', async () => {
    const { gateway, texts } = recordingGateway();
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { gateway });
    backends.push(backend);

    const sent = await send(backend, 'Your parcel leaves today.');

    expect(sent).toMatchObject({ direction: 'outbound', kind: 'text', status: 'pending', failureReason: null });
    await eventually(async () => (await messageById(backend, sent.id))?.status === 'sent', 'the text is sent');
    expect(texts).toEqual([
      { messaging_product: 'whatsapp', recipient_type: 'individual', to: oscar.phone, type: 'text', text: { body: 'Your parcel leaves today.', preview_url: false } },
    ]);
  });

  it('moves a sent text with WhatsApp statuses, never backwards, and emits message.updated', async () => {
    const { gateway } = recordingGateway();
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { gateway });
    backends.push(backend);
    const sent = await send(backend, 'Read me');
    await eventually(async () => (await messageById(backend, sent.id))?.status === 'sent', 'the text is sent');
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

  it('fails a text WhatsApp refuses with 131047 (OUTSIDE_WINDOW) with the reason, without retrying, and emits message.updated', async () => {
    let calls = 0;
    const { gateway } = recordingGateway({
      send: () => {
        calls++;
        return Promise.reject(new ReachoutError('OUTSIDE_WINDOW', 'Re-engagement message'));
      },
    });
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { gateway });
    backends.push(backend);
    const updates: Message[] = [];
    backend.events.subscribe(({ event }) => {
      if (event.type === 'message.updated') updates.push(event.message);
    });

    const sent = await send(backend, 'Too late?');

    await eventually(async () => (await messageById(backend, sent.id))?.status === 'failed', 'the text fails');
    const failed = await messageById(backend, sent.id);
    expect(failed?.failureReason).toMatch(/24 hours/);
    await vi.waitFor(() => expect(updates.map((message) => message.status)).toContain('failed'));
    expect(calls).toBe(1);
  });

  it('retries a text whose send failed for a transient reason (network, 5xx, 130429), and sends it once', async () => {
    const failures = [new ReachoutError('NETWORK', 'WhatsApp answered HTTP 503'), new ReachoutError('RATE_LIMITED', 'Error 130429: throughput reached')];
    const { gateway, texts } = recordingGateway();
    const recordingSend = gateway.send;
    let calls = 0;
    gateway.send = (message, sender) => {
      calls++;
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : recordingSend(message, sender);
    };
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { gateway });
    backends.push(backend);

    const sent = await send(backend, 'Third time lucky');

    // pg-boss's backoff: 1 s, then 2 s.
    await eventually(async () => (await messageById(backend, sent.id))?.status === 'sent', 'the text is sent', 20_000);
    expect(calls).toBe(3);
    expect(texts.map((text) => text.text.body)).toEqual(['Third time lucky']);
  }, 30_000);

  it('sends a failed text again, as the same message, when its send is repeated with its own idempotency key', async () => {
    let refuse = true;
    const { gateway, texts } = recordingGateway();
    const recordingSend = gateway.send;
    gateway.send = (message, sender) =>
      refuse ? Promise.reject(new ReachoutError('VALIDATION', 'The number is not on WhatsApp')) : recordingSend(message, sender);
    const backend = await backendWithWorld(database(), worldWithOpenChat(), { gateway });
    backends.push(backend);
    const key = 'messages-test-retry-after-failure';
    const first = await send(backend, 'Try me again', key);
    await eventually(async () => (await messageById(backend, first.id))?.status === 'failed', 'the first try fails');

    refuse = false;
    const again = await send(backend, 'Try me again', key);

    expect(again).toMatchObject({ id: first.id, status: 'pending', failureReason: null });
    await eventually(async () => (await messageById(backend, first.id))?.status === 'sent', 'the text is sent again');
    expect(texts).toHaveLength(1);
    expect((await messagesOf(backend, chatId)).filter((message) => message.text === 'Try me again')).toHaveLength(1);
    // Once sent, the key answers the message without sending it again.
    expect(await send(backend, 'Try me again', key)).toMatchObject({ id: first.id, status: 'sent' });
    expect(texts).toHaveLength(1);
  }, 30_000);

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

  it('in simulator mode, a text sent before its server stopped is moved on to delivered, then read, by the next backend on the database', async () => {
    const first = await backendWithWorld(database(), worldWithOpenChat(), { simulatorDelayMs: 2000 });
    backends.push(first);
    const sent = await send(first, 'Sent before a restart');
    const storedStatus = async () =>
      (await database().drizzle.select({ status: messages.status }).from(messages).where(eq(messages.id, sent.id)))[0]?.status;
    await eventually(async () => (await storedStatus()) === 'sent', 'the text is sent');
    // Its delivered step is now a job due in 2 s; no timer of this server may hold it.
    await first.close();
    expect(await storedStatus()).toBe('sent');

    const restarted = createDatabaseBackend(database(), { simulatorDelayMs: 20, keepDatabaseOpen: true });
    backends.push(restarted);
    const seen: string[] = [];
    restarted.events.subscribe(({ event }) => {
      if (event.type === 'message.updated' && event.message.id === sent.id && event.message.status) seen.push(event.message.status);
    });
    await eventually(async () => (await storedStatus()) === 'read', 'the text is read after the restart', 15_000);

    await eventually(async () => seen.includes('read'), 'the restarted backend reported the read');
    expect(seen.filter((status) => status !== 'sent')).toEqual(['delivered', 'read']);
  }, 30_000);

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
