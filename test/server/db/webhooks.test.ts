import { eq } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { contractFixtures } from 'reachout/testing';
import type { ReachoutBackend } from '../../../server/src/backend';
import { tickets } from '../../../server/src/db/schema';
import { createWhatsAppWebhooks, signWebhookBody } from '../../../server/src/whatsapp';
import { eventsAfter } from '../eventReplay';
import { inboundTextFrom, statusesFor } from '../whatsapp/samplePayloads';
import { backendWithWorld, describeOnEachDatabase, eventually, orderSend } from './helpers';

// The webhook endpoint over the real database backend: what Meta's redeliveries and out-of-order
// deliveries do to the stored data.

const appSecret = 'app-secret-0123456789abcdef';
const verifyToken = 'reachout-verify-token';

const oscar = { id: 'contract-contact-oscar', waId: '447400123456' };
const paula = { id: 'contract-contact-paula', waId: '5521990000000' };
/** Gita's chats have ended: the last one (closed) was last written to at 2025-06-20T12:00:00Z. */
const gita = { id: 'contract-contact-gita', waId: '919876543210' };
/** Hugo's active chat was last written to at 2025-06-01T09:00:00Z. */
const hugo = { id: 'contract-contact-hugo', waId: '33612345678', lastInboundAt: '2025-06-01T09:00:00.000Z' };

const unixSeconds = (iso: string) => String(Date.parse(iso) / 1000);

type Payload = ReturnType<typeof inboundTextFrom>;

/** One payload holding the messages of several single-message payloads, in order. */
function combined(...payloads: Payload[]): Payload {
  const [first, ...rest] = payloads.map((payload) => structuredClone(payload));
  if (!first) throw new Error('combined() needs a payload');
  const messages = first.entry[0]!.changes[0]!.value.messages;
  for (const payload of rest) messages.push(...payload.entry[0]!.changes[0]!.value.messages);
  return first;
}

const backends: ReachoutBackend[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(backends.splice(0).map((backend) => backend.close()));
});

describeOnEachDatabase('WhatsApp webhooks on the database backend', (database) => {
  async function setup(options: Parameters<typeof backendWithWorld>[2] = {}) {
    const backend = await backendWithWorld(database(), structuredClone(contractFixtures), options);
    backends.push(backend);
    const webhooks = createWhatsAppWebhooks({ backend, appSecret, verifyToken });
    const deliver = (payload: unknown) => {
      const body = JSON.stringify(payload);
      return webhooks.request('/', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signWebhookBody(body, appSecret) },
        body,
      });
    };
    const eventTypes = async () => (await eventsAfter(backend, '0')).map((stored) => stored.event.type);
    const replies = async (contactId: string) =>
      (await backend.provider.listTimeline({ contactId, limit: 100 })).items.filter((event) => event.type === 'customer.replied');
    return { backend, deliver, eventTypes, replies };
  }

  it('records an inbound message delivered twice once: one timeline event and one chat.updated', async () => {
    const { deliver, eventTypes, replies } = await setup();
    const payload = inboundTextFrom(oscar.waId, 'Is my order on its way?', unixSeconds('2025-11-01T10:00:00Z'), 'wamid.TWICE-1');

    expect((await deliver(payload)).status).toBe(200);
    expect((await deliver(payload)).status).toBe(200);

    expect(await eventTypes()).toEqual(['chat.updated', 'timeline.added', 'message.added']);
    expect((await replies(oscar.id)).map((reply) => reply.text)).toEqual(['Is my order on its way?']);
  });

  it('records a message once when two deliveries of it arrive at the same time', async () => {
    const { deliver, replies } = await setup();
    const payload = inboundTextFrom(oscar.waId, 'Hello?', unixSeconds('2025-11-01T10:00:00Z'), 'wamid.RACE-1');

    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(payload)));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await replies(oscar.id)).toHaveLength(1);
  });

  it('never moves the reply window backwards when an older message arrives late', async () => {
    const { backend, deliver, eventTypes, replies } = await setup();
    const late = inboundTextFrom(hugo.waId, 'Written before the last one', unixSeconds('2025-05-20T08:00:00Z'), 'wamid.LATE-1');

    expect((await deliver(late)).status).toBe(200);

    expect((await backend.provider.getActiveChat({ contactId: hugo.id }))?.lastInboundAt).toBe(hugo.lastInboundAt);
    // The message itself is kept, at its own time; the chat did not change, so no chat.updated.
    expect((await replies(hugo.id)).map((reply) => [reply.text, reply.at])).toEqual([
      ['Written before the last one', '2025-05-20T08:00:00.000Z'],
    ]);
    expect(await eventTypes()).toEqual(['timeline.added', 'message.added']);

    const newer = inboundTextFrom(hugo.waId, 'And now', unixSeconds('2025-06-02T08:00:00Z'), 'wamid.LATE-2');
    expect((await deliver(newer)).status).toBe(200);
    expect((await backend.provider.getActiveChat({ contactId: hugo.id }))?.lastInboundAt).toBe('2025-06-02T08:00:00.000Z');
  });

  it('adds a late message of a conversation that has ended since to that chat, without opening a new one', async () => {
    const { backend, deliver, eventTypes, replies } = await setup();
    // Gita's last chat is closed; its last inbound message was at 2025-06-20T12:00:00Z.
    const late = inboundTextFrom(gita.waId, 'Sent before the chat closed', unixSeconds('2025-06-20T11:00:00Z'), 'wamid.CLOSED-1');

    expect((await deliver(late)).status).toBe(200);

    expect(await backend.provider.getActiveChat({ contactId: gita.id })).toBeNull();
    const [reply] = await replies(gita.id);
    expect(reply).toMatchObject({ text: 'Sent before the chat closed', ticketId: 'contract-ticket-gita-june' });
    expect(await eventTypes()).toEqual(['timeline.added', 'message.added']);

    const fresh = inboundTextFrom(gita.waId, 'Hello again', unixSeconds('2025-07-01T08:00:00Z'), 'wamid.CLOSED-2');
    expect((await deliver(fresh)).status).toBe(200);
    expect(await backend.provider.getActiveChat({ contactId: gita.id })).toMatchObject({ status: 'open', lastInboundAt: '2025-07-01T08:00:00.000Z' });
  });

  it('takes a message time ahead of the server clock as the server’s now, so it cannot hold the window open', async () => {
    const serverNow = new Date('2026-01-10T12:00:00.000Z');
    const { backend, deliver } = await setup({ now: () => serverNow });
    const fromTheFuture = inboundTextFrom(oscar.waId, 'Hi', unixSeconds('2031-01-01T00:00:00Z'), 'wamid.FUTURE-1');

    expect((await deliver(fromTheFuture)).status).toBe(200);

    expect((await backend.provider.getActiveChat({ contactId: oscar.id }))?.lastInboundAt).toBe(serverNow.toISOString());
  });

  it('applies only what is still missing when a payload that failed halfway is delivered again', async () => {
    const { backend, deliver, eventTypes, replies } = await setup();
    const payload = combined(
      inboundTextFrom(oscar.waId, 'First', unixSeconds('2025-11-01T10:00:00Z'), 'wamid.HALF-1'),
      inboundTextFrom(paula.waId, 'Second', unixSeconds('2025-11-01T10:00:05Z'), 'wamid.HALF-2'),
    );
    const recordInbound = backend.whatsapp.recordInbound.bind(backend.whatsapp);
    let failures = 0;
    backend.whatsapp.recordInbound = async (message) => {
      if (message.messageId === 'wamid.HALF-2' && failures === 0) {
        failures += 1;
        throw new Error('connection reset while storing');
      }
      return recordInbound(message);
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect((await deliver(payload)).status).toBe(500);
    expect((await replies(oscar.id)).map((reply) => reply.text)).toEqual(['First']);
    expect((await deliver(payload)).status).toBe(200);

    expect((await replies(oscar.id)).map((reply) => reply.text)).toEqual(['First']);
    expect((await replies(paula.id)).map((reply) => reply.text)).toEqual(['Second']);
    expect(await eventTypes()).toEqual(['chat.updated', 'timeline.added', 'message.added', 'chat.updated', 'timeline.added', 'message.added']);
  });

  it('stores a message whose text holds NUL or an unpaired surrogate, with U+FFFD in their place', async () => {
    const { deliver, replies } = await setup();
    const payload = inboundTextFrom(oscar.waId, 'a\u0000b\uD800c', unixSeconds('2025-11-01T10:00:00Z'), 'wamid.NUL-1');

    expect((await deliver(payload)).status).toBe(200);

    expect((await replies(oscar.id)).map((reply) => reply.text)).toEqual(['a\uFFFDb\uFFFDc']);
  });

  it.each([
    ['a 20-digit timestamp', '99999999999999999999'],
    ['a timestamp after the year 9999', '999999999999'],
  ])('answers 400 for %s and records nothing', async (_case, timestamp) => {
    const { deliver, eventTypes } = await setup();

    const response = await deliver(inboundTextFrom(oscar.waId, 'Hi', timestamp, 'wamid.BIG-1'));

    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('timestamp');
    expect(await eventTypes()).toEqual([]);
  });

  it('changes nothing and emits no event for a status delivered again', async () => {
    const { backend, deliver } = await setup();
    const ticket = await backend.provider.sendNotification({ input: orderSend(oscar.id, 'webhook-status-again-1') });
    // The queue's worker hands the message to WhatsApp after the answer: wait for its id.
    let messageId: string | null = null;
    await eventually(async () => {
      const [row] = await database()
        .drizzle.select({ messageId: tickets.messageId })
        .from(tickets)
        .where(eq(tickets.id, ticket.id));
      messageId = row?.messageId ?? null;
      return messageId !== null;
    }, `ticket ${ticket.id} has a message id`);
    const payload = statusesFor(messageId ?? '', oscar.waId, [
      { status: 'sent', timestamp: unixSeconds('2025-11-01T10:00:00Z') },
      { status: 'delivered', timestamp: unixSeconds('2025-11-01T10:00:02Z') },
    ]);

    expect((await deliver(payload)).status).toBe(200);
    const afterFirst = await eventsAfter(backend, '0');
    const ticketAfterFirst = await backend.provider.getTicket({ id: ticket.id });
    expect((await deliver(payload)).status).toBe(200);

    expect(await eventsAfter(backend, '0')).toEqual(afterFirst);
    expect(await backend.provider.getTicket({ id: ticket.id })).toEqual(ticketAfterFirst);
    expect(ticketAfterFirst.notification.delivery).toBe('delivered');
  });
});
