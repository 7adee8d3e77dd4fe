import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import type { ReachoutEvent } from 'reachout/core';
import { contractFixtures } from 'reachout/testing';
import { createMemoryBackend } from '../memoryBackend';
import { contactNamed, createTestApp, origin, sendInputFor } from './helpers';
import { eventsAfter } from '../eventReplay';

function createBackend() {
  return createMemoryBackend({ provider: contractFixtures });
}

describe('createMemoryBackend', () => {
  it('numbers events from 1 and replays those after an id, oldest first', async () => {
    const backend = createBackend();
    const live: string[] = [];
    const unsubscribe = backend.events.subscribe((stored) => live.push(stored.id));
    await backend.simulator?.receiveReply(contactNamed('Oscar Wilde').id, 'Hello');
    await backend.provider.createContact({ input: { name: 'Ivy Event', phone: '+14155550111' } });
    unsubscribe();
    await backend.simulator?.receiveReply(contactNamed('Paula Souza').id, 'Later');

    const all = await eventsAfter(backend, '0');
    expect(all.map((stored) => stored.id)).toEqual(all.map((_stored, index) => String(index + 1)));
    expect(live).toEqual(all.slice(0, live.length).map((stored) => stored.id));
    expect(live.length).toBeLessThan(all.length);
    const after = await eventsAfter(backend, '2');
    expect(after.map((stored) => stored.id)).toEqual(all.slice(2).map((stored) => stored.id));
    await backend.close();
  });

  it('forgets the oldest events beyond maxStoredEvents, and answers reset for a replay that needs them', async () => {
    const backend = createMemoryBackend({ provider: contractFixtures, maxStoredEvents: 3 });
    for (const name of ['Oscar Wilde', 'Paula Souza', 'Ana Lima']) {
      await backend.simulator?.receiveReply(contactNamed(name).id, 'Hi');
    }
    // Three events a reply (chat.updated, timeline.added, message.added): nine stored, three kept.
    const kept = await eventsAfter(backend, '6');
    expect(kept.map((stored) => stored.id)).toEqual(['7', '8', '9']);
    expect(await backend.events.since('0', { limit: 100 })).toEqual({ kind: 'reset', lastEventId: '9' });
    expect(await backend.events.since('5', { limit: 100 })).toEqual({ kind: 'reset', lastEventId: '9' });
    await backend.close();
  });

  it('stores media under fresh ids and returns a copy of the bytes', async () => {
    const backend = createBackend();
    const bytes = new Uint8Array([1, 2, 3]);
    const first = await backend.media.put({ bytes, contentType: 'image/png' }, 'avatar');
    const second = await backend.media.put({ bytes, contentType: 'image/png' }, 'avatar');
    expect(first.id).not.toBe(second.id);
    bytes[0] = 9;
    expect((await backend.media.get(first.id))?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(await backend.media.get('missing')).toBeNull();
    await backend.close();
  });

  it('maps an inbound WhatsApp message (number without +) to a reply of that contact', async () => {
    const backend = createBackend();
    const paula = contactNamed('Paula Souza');
    const events: ReachoutEvent[] = [];
    backend.events.subscribe((stored) => events.push(stored.event));
    await backend.whatsapp.recordInbound({ from: paula.phone.slice(1), text: 'Oi', at: new Date().toISOString() });
    const chat = await backend.provider.getActiveChat({ contactId: paula.id });
    expect(chat?.lastInboundAt).toEqual(expect.any(String));
    expect(events.map((event) => event.type)).toContain('chat.updated');
    await backend.close();
  });

  it('records an inbound message delivered twice once', async () => {
    const backend = createBackend();
    const paula = contactNamed('Paula Souza');
    const message = { from: paula.phone.slice(1), text: 'Oi', at: new Date().toISOString(), messageId: 'wamid.MEMORY-1' };

    await backend.whatsapp.recordInbound(message);
    const afterFirst = await eventsAfter(backend, '0');
    await backend.whatsapp.recordInbound({ ...message });

    expect(afterFirst.map((stored) => stored.event.type)).toContain('chat.updated');
    expect(await eventsAfter(backend, '0')).toEqual(afterFirst);
    await backend.close();
  });

  it('maps a delivery status for a ticket id onto its verification', async () => {
    const backend = createBackend();
    const input = sendInputFor(contactNamed('Oscar Wilde'));
    const ticket = await backend.provider.sendNotification({ input });
    await backend.whatsapp.recordStatus({ messageId: ticket.id, status: 'failed', at: new Date().toISOString() });
    expect((await backend.provider.getTicket({ id: ticket.id })).status).toBe('failed');
    await backend.close();
  });
});

describe('createApp options', () => {
  it('mounts the webhooks app at /webhooks/whatsapp without the API token', async () => {
    const webhooks = new Hono();
    webhooks.get('/', (c) => c.text(c.req.query('hub.challenge') ?? ''));
    const { app } = createTestApp({ webhooks });
    const response = await app.request(`${origin}/webhooks/whatsapp?hub.challenge=42`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('42');
  });
});
