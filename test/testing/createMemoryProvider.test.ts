import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReachoutError } from '../../src/core/errors';
import { replyWindow } from '../../src/core/rules';
import { buildTemplateMessage } from '../../src/core/template';
import type { ReachoutEvent, SendNotificationInput, TemplateParameters } from '../../src/core/types';
import { createMemoryProvider, fixtures, templatesByName } from '../../src/testing';
import type { MemoryProviderOptions } from '../../src/testing';

const start = new Date('2026-03-10T12:00:00.000Z');

function clock() {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
  };
}

const orderUpdate = templatesByName.order_update!;
const orderParameters: TemplateParameters = {
  header: { type: 'text', text: '#10423' },
  body: { '1': 'Ana', '2': 'DHL Express', '3': 'Friday' },
};

function sendInput(overrides: Partial<SendNotificationInput> = {}): SendNotificationInput {
  const contact = fixtures.contacts.find((candidate) => candidate.id === (overrides.contactId ?? 'contact-ana-lima'))!;
  return {
    idempotencyKey: 'key-0000-0001',
    contactId: contact.id,
    senderId: 'sender-support',
    to: contact.phone,
    template: { id: orderUpdate.id, name: orderUpdate.name, language: orderUpdate.language },
    parameters: orderParameters,
    message: buildTemplateMessage({ to: contact.phone, template: orderUpdate, parameters: orderParameters }),
    ticket: { priority: 'high', assigneeId: 'agent-ana-souza', description: 'Shipping update' },
    ...overrides,
  };
}

function setup(options: MemoryProviderOptions = {}) {
  const time = clock();
  const provider = createMemoryProvider({ now: time.now, ...options });
  const events: ReachoutEvent[] = [];
  provider.subscribe((event) => events.push(event));
  return { provider, control: provider.control, events, time };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createMemoryProvider', () => {
  describe('seed data', () => {
    it('starts with the fixture world when given no options', async () => {
      const { provider } = setup();
      const page = await provider.listContacts({ limit: 100 });
      expect(page.items).toHaveLength(fixtures.contacts.length);
      expect((await provider.listTickets({ contactId: 'contact-priya-sharma' })).items).toHaveLength(3);
      expect(await provider.getActiveChat({ contactId: 'contact-hugo-martin' })).toMatchObject({ id: 'chat-hugo-1' });
    });

    it('leaves out the fixture chats, tickets and timeline when given its own contacts', async () => {
      const { control } = setup({ contacts: fixtures.contacts.slice(0, 2) });
      const state = control.snapshot();
      expect(state.contacts).toHaveLength(2);
      expect(state.chats).toEqual([]);
      expect(state.tickets).toEqual([]);
      expect(state.senders).toEqual(fixtures.senders);
    });

    it('refuses seed contacts that share a phone', () => {
      const [first] = fixtures.contacts;
      expect(() => createMemoryProvider({ contacts: [first!, { ...first!, id: 'other' }] })).toThrow(/phone/);
    });

    it('never changes the seed arrays it was given', async () => {
      const contacts = structuredClone(fixtures.contacts);
      const { provider, control } = setup({ contacts });
      await provider.createContact({ input: { name: 'New Person', phone: '+5561998877665' } });
      control.setOptedOut('contact-ana-lima', true);
      expect(contacts).toEqual(fixtures.contacts);
    });
  });

  describe('calls and faults', () => {
    it('records each call with its params before its latency has passed', async () => {
      vi.useFakeTimers();
      const { provider, control } = setup({ latencyMs: 1000 });
      const pending = provider.listContacts({ search: 'ana', limit: 10 });
      expect(control.calls).toEqual([{ method: 'listContacts', params: { search: 'ana', limit: 10 } }]);
      await vi.advanceTimersByTimeAsync(1000);
      await expect(pending).resolves.toMatchObject({ items: expect.any(Array) });
      control.clearCalls();
      expect(control.calls).toEqual([]);
    });

    it('fails the next call of a method with the injected error, then works again', async () => {
      const { provider, control } = setup();
      const error = new ReachoutError('RATE_LIMITED', 'Slow down', { retryAfterMs: 2000 });
      control.failNext('listContacts', error);
      await expect(provider.listContacts({})).rejects.toBe(error);
      await expect(provider.listContacts({})).resolves.toMatchObject({ nextCursor: null });
    });

    it('queues faults per method', async () => {
      const { provider, control } = setup();
      control.failNext('getContact', new ReachoutError('NETWORK', 'first'));
      control.failNext('getContact', new ReachoutError('UNAUTHORIZED', 'second'));
      await expect(provider.listSenders({})).resolves.toHaveLength(3);
      await expect(provider.getContact({ id: 'contact-ana-lima' })).rejects.toMatchObject({ code: 'NETWORK' });
      await expect(provider.getContact({ id: 'contact-ana-lima' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(provider.getContact({ id: 'contact-ana-lima' })).resolves.toMatchObject({ name: 'Ana Lima' });
    });

    it('keeps a fault for the next call when a call is aborted first', async () => {
      const { provider, control } = setup();
      control.failNext('listContacts', new ReachoutError('NETWORK', 'Offline'));
      const controller = new AbortController();
      controller.abort();
      await expect(provider.listContacts({}, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
      await expect(provider.listContacts({})).rejects.toMatchObject({ code: 'NETWORK' });
    });
  });

  describe('latency and AbortSignal', () => {
    it('answers after the configured latency', async () => {
      vi.useFakeTimers();
      const { provider } = setup({ latencyMs: 500 });
      const settled = vi.fn();
      void provider.getContact({ id: 'contact-ana-lima' }).then(settled);
      await vi.advanceTimersByTimeAsync(499);
      expect(settled).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toHaveBeenCalledWith(expect.objectContaining({ id: 'contact-ana-lima' }));
    });

    it('rejects with an AbortError when aborted during latency, and does nothing', async () => {
      vi.useFakeTimers();
      const { provider, control } = setup({ latencyMs: 500 });
      const controller = new AbortController();
      const pending = provider.createContact(
        { input: { name: 'Never Created', phone: '+5561998877665' } },
        { signal: controller.signal },
      );
      const outcome = expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      await vi.advanceTimersByTimeAsync(200);
      controller.abort();
      await outcome;
      await vi.advanceTimersByTimeAsync(1000);
      expect(control.snapshot().contacts.some((contact) => contact.name === 'Never Created')).toBe(false);
    });

    it('draws latency from the range with the seed, the same way for the same seed', async () => {
      vi.useFakeTimers();
      const settleTimes = async (seed: number) => {
        const provider = createMemoryProvider({ latencyMs: { min: 100, max: 400 }, seed });
        const times: number[] = [];
        const begin = Date.now();
        const calls = [1, 2, 3, 4].map(() => provider.listSenders({}).then(() => times.push(Date.now() - begin)));
        await vi.advanceTimersByTimeAsync(400);
        await Promise.all(calls);
        return times;
      };
      const first = await settleTimes(3);
      expect(first.every((time) => time >= 100 && time <= 400)).toBe(true);
      expect(await settleTimes(3)).toEqual(first);
    });

    it('uses a new latency after setLatency', async () => {
      vi.useFakeTimers();
      const { provider, control } = setup({ latencyMs: 5000 });
      control.setLatency(10);
      const settled = vi.fn();
      void provider.listAgents({}).then(settled);
      await vi.advanceTimersByTimeAsync(10);
      expect(settled).toHaveBeenCalled();
    });
  });

  describe('listContacts', () => {
    it('matches names without their accents', async () => {
      const { provider } = setup();
      const page = await provider.listContacts({ search: 'jose alvarez' });
      expect(page.items.map((contact) => contact.id)).toEqual(['contact-jose-alvarez']);
    });

    it('matches a national number typed with its trunk zero', async () => {
      const { provider } = setup();
      const page = await provider.listContacts({ search: '07400 123456' });
      expect(page.items.map((contact) => contact.id)).toEqual(['contact-emily-clarke']);
    });

    it('never repeats a contact when one is created between pages', async () => {
      const { provider } = setup();
      const first = await provider.listContacts({ limit: 5 });
      await provider.createContact({ input: { name: 'Aaron Early', phone: '+5561998877665' } });
      const rest = await provider.listContacts({ limit: 100, cursor: first.nextCursor });
      const ids = [...first.items, ...rest.items].map((contact) => contact.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(fixtures.contacts.length);
    });

    it('refuses a limit above 100 and a cursor from another list with VALIDATION', async () => {
      const { provider } = setup();
      await expect(provider.listContacts({ limit: 101 })).rejects.toMatchObject({ code: 'VALIDATION' });
      await expect(provider.listContacts({ limit: 0 })).rejects.toMatchObject({ code: 'VALIDATION' });
      const tickets = await provider.listTickets({ contactId: 'contact-priya-sharma', limit: 1 });
      await expect(provider.listContacts({ cursor: tickets.nextCursor })).rejects.toMatchObject({ code: 'VALIDATION' });
    });

    it('searches and pages 100,000 contacts', async () => {
      const { generateContacts } = await import('../../src/testing');
      const contacts = generateContacts(100_000, 5);
      const createdAt = performance.now();
      const provider = createMemoryProvider({ contacts });
      const ready = performance.now();
      const page = await provider.listContacts({ search: 'silva', limit: 50 });
      const searched = performance.now();
      console.info(
        `memory provider with 100,000 contacts: created in ${(ready - createdAt).toFixed(0)} ms, searched in ${(searched - ready).toFixed(1)} ms`,
      );
      expect(page.items.length).toBe(50);
      expect(page.total).toBeGreaterThan(50);
    }, 30_000);
  });

  describe('createContact', () => {
    it('emits contact.created and a contact.created timeline event stamped by the clock', async () => {
      const { provider, events } = setup();
      const contact = await provider.createContact({ input: { name: ' Nadia Rahman ', phone: '+44 7400 654321' } });
      expect(contact).toMatchObject({ name: 'Nadia Rahman', phone: '+447400654321', createdAt: start.toISOString() });
      expect(events).toEqual([
        { type: 'contact.created', contact },
        { type: 'timeline.added', event: expect.objectContaining({ type: 'contact.created', contactId: contact.id }) },
      ]);
    });

    it('names the existing contact in the CONFLICT message', async () => {
      const { provider } = setup();
      await expect(
        provider.createContact({ input: { name: 'Copy', phone: '+55 11 98765-4321' } }),
      ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Ana Lima') });
    });
  });

  describe('listTemplates', () => {
    it('lists only the templates of the sender when a mapping is given', async () => {
      const { provider } = setup({ templateSenders: { [orderUpdate.id]: ['sender-sales'] } });
      const support = await provider.listTemplates({ senderId: 'sender-support', limit: 100 });
      const sales = await provider.listTemplates({ senderId: 'sender-sales', limit: 100 });
      expect(support.items.map((template) => template.name)).not.toContain('order_update');
      expect(sales.items.map((template) => template.name)).toContain('order_update');
    });

    it('finds a template by its name typed with spaces', async () => {
      const { provider } = setup();
      const page = await provider.listTemplates({ senderId: 'sender-support', search: 'Order Update' });
      expect(page.items.map((template) => template.name)).toEqual(['order_update']);
    });

    it('rejects an unknown sender with NOT_FOUND', async () => {
      const { provider } = setup();
      await expect(provider.listTemplates({ senderId: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('sendNotification', () => {
    it('creates a verifying ticket and emits ticket.updated and notification.sent', async () => {
      const { provider, events } = setup();
      const ticket = await provider.sendNotification({ input: sendInput() });
      expect(ticket).toMatchObject({
        status: 'verifying',
        chatId: null,
        assignee: { id: 'agent-ana-souza' },
        createdAt: start.toISOString(),
        notification: {
          delivery: 'pending',
          to: '+5511987654321',
          templateName: 'order_update',
          language: 'en_US',
          body: 'Hi Ana, good news: your order is on its way with DHL Express. Expected delivery: Friday.',
        },
      });
      expect(events.map((event) => event.type)).toEqual(['ticket.updated', 'timeline.added']);
      expect(events[1]).toMatchObject({ event: { type: 'notification.sent', ticketId: ticket.id } });
    });

    it('answers the ticket as it is now for a repeated key, even once its chat is active', async () => {
      const { provider, control, events } = setup();
      const ticket = await provider.sendNotification({ input: sendInput() });
      control.completeVerification(ticket.id, 'success');
      const eventCount = events.length;
      const replay = await provider.sendNotification({ input: sendInput() });
      expect(events).toHaveLength(eventCount);
      expect(replay).toMatchObject({ id: ticket.id, status: 'assigned' });
      expect(control.snapshot().tickets.filter((candidate) => candidate.contactId === 'contact-ana-lima')).toHaveLength(1);
    });

    it('refuses a disconnected sender, a rejected template and an unknown assignee', async () => {
      const { provider } = setup();
      await expect(provider.sendNotification({ input: sendInput({ senderId: 'sender-legacy' }) })).rejects.toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { senderId: expect.any(String) },
      });
      const rejected = templatesByName.account_alert!;
      await expect(
        provider.sendNotification({
          input: sendInput({
            template: { id: rejected.id, name: rejected.name, language: rejected.language },
            parameters: { body: { '1': '50%' } },
          }),
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { template: expect.any(String) } });
      await expect(
        provider.sendNotification({
          input: sendInput({ ticket: { priority: 'low', assigneeId: 'agent-nobody', description: '' } }),
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('keys VALIDATION field errors by the variable path', async () => {
      const { provider } = setup();
      const error = await provider
        .sendNotification({ input: sendInput({ parameters: { ...orderParameters, body: { '1': 'Ana' } } }) })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'VALIDATION', fieldErrors: { 'body.2': expect.any(String), 'body.3': expect.any(String) } });
    });

    it('refuses a number that cannot be parsed with INVALID_NUMBER', async () => {
      const { provider } = setup();
      await expect(provider.sendNotification({ input: sendInput({ to: '+55 123' }) })).rejects.toMatchObject({
        code: 'INVALID_NUMBER',
      });
    });

    it('refuses a contact after setOptedOut, and emits contact.updated', async () => {
      const { provider, control, events } = setup();
      const contact = control.setOptedOut('contact-ana-lima', true);
      expect(contact.optedOut).toBe(true);
      expect(events).toEqual([{ type: 'contact.updated', contact }]);
      await expect(provider.sendNotification({ input: sendInput() })).rejects.toMatchObject({ code: 'OPTED_OUT' });
      control.setOptedOut('contact-ana-lima', false);
      await expect(provider.sendNotification({ input: sendInput() })).resolves.toMatchObject({ status: 'verifying' });
    });
  });

  describe('control.completeVerification', () => {
    it('assigns the ticket, marks it sent and opens an assigned chat for the contact on success', async () => {
      const { provider, control, events } = setup();
      const ticket = await provider.sendNotification({ input: sendInput() });
      events.length = 0;
      const verified = control.completeVerification(ticket.id, 'success');
      const chat = await provider.getActiveChat({ contactId: 'contact-ana-lima' });
      expect(chat).toMatchObject({ status: 'assigned', assignee: { id: 'agent-ana-souza' }, lastInboundAt: null, senderId: 'sender-support' });
      expect(verified).toMatchObject({ status: 'assigned', chatId: chat!.id, notification: { delivery: 'sent' } });
      expect(events.map((event) => (event.type === 'timeline.added' ? event.event.type : event.type))).toEqual([
        'chat.updated',
        'ticket.updated',
        'message.added',
        'notification.verified',
        'ticket.assigned',
      ]);
    });

    it('leaves a ticket without an assignee open, with an open chat', async () => {
      const { provider, control } = setup();
      const ticket = await provider.sendNotification({
        input: sendInput({ ticket: { priority: 'low', assigneeId: null, description: '' } }),
      });
      expect(control.completeVerification(ticket.id, 'success')).toMatchObject({ status: 'open' });
      expect(await provider.getActiveChat({ contactId: 'contact-ana-lima' })).toMatchObject({ status: 'open', assignee: null });
    });

    it('fails the ticket with WhatsApp error 131026 in plain words', async () => {
      const { provider, control } = setup();
      const ticket = await provider.sendNotification({ input: sendInput() });
      const failed = control.completeVerification(ticket.id, 'failed');
      expect(failed).toMatchObject({ status: 'failed', notification: { delivery: 'failed' } });
      expect(failed.notification.failureReason).toMatch(/not on WhatsApp.*131026/);
      const timeline = await provider.listTimeline({ contactId: 'contact-ana-lima' });
      expect(timeline.items[0]).toMatchObject({ type: 'notification.failed', ticketId: ticket.id });
      expect(await provider.getActiveChat({ contactId: 'contact-ana-lima' })).toBeNull();
    });

    it('throws for a ticket that is no longer verifying', async () => {
      const { provider, control } = setup();
      const ticket = await provider.sendNotification({ input: sendInput() });
      control.completeVerification(ticket.id, 'failed');
      expect(() => control.completeVerification(ticket.id, 'success')).toThrow(/not verifying/);
      expect(() => control.completeVerification('ticket-nobody', 'success')).toThrow(ReachoutError);
    });
  });

  describe('verifyAfterMs', () => {
    it('keeps the ticket verifying until the time passes, then completes it with verify()', async () => {
      vi.useFakeTimers();
      const { provider, events } = setup({ verifyAfterMs: 3000 });
      const ticket = await provider.sendNotification({ input: sendInput() });
      await vi.advanceTimersByTimeAsync(2999);
      expect((await provider.getTicket({ id: ticket.id })).status).toBe('verifying');
      await vi.advanceTimersByTimeAsync(1);
      expect((await provider.getTicket({ id: ticket.id })).status).toBe('assigned');
      expect(events.some((event) => event.type === 'ticket.updated' && event.ticket.status === 'assigned')).toBe(true);
    });

    it('fails numbers ending in 0000 by default', async () => {
      vi.useFakeTimers();
      const { provider } = setup({ verifyAfterMs: 1000 });
      const input = sendInput({ contactId: 'contact-tomas-ferreira', idempotencyKey: 'key-tomas-0001' });
      const ticket = await provider.sendNotification({ input });
      await vi.advanceTimersByTimeAsync(1000);
      expect(await provider.getTicket({ id: ticket.id })).toMatchObject({ status: 'failed' });
    });

    it('asks the verify option which numbers fail', async () => {
      vi.useFakeTimers();
      const verify = vi.fn(() => 'failed' as const);
      const { provider } = setup({ verifyAfterMs: 10, verify });
      const ticket = await provider.sendNotification({ input: sendInput() });
      await vi.advanceTimersByTimeAsync(10);
      expect(verify).toHaveBeenCalledWith('+5511987654321');
      expect((await provider.getTicket({ id: ticket.id })).status).toBe('failed');
    });

    it('stays verifying without verifyAfterMs, and after dispose', async () => {
      vi.useFakeTimers();
      const { provider, control } = setup({ verifyAfterMs: 1000 });
      const ticket = await provider.sendNotification({ input: sendInput() });
      control.dispose();
      await vi.advanceTimersByTimeAsync(5000);
      expect((await provider.getTicket({ id: ticket.id })).status).toBe('verifying');
    });

    it('moves delivery from sent to delivered to read, one step per deliveryStepMs', async () => {
      vi.useFakeTimers();
      const { provider } = setup({ verifyAfterMs: 100, deliveryStepMs: 1000 });
      const ticket = await provider.sendNotification({ input: sendInput() });
      const delivery = async () => (await provider.getTicket({ id: ticket.id })).notification.delivery;
      await vi.advanceTimersByTimeAsync(100);
      expect(await delivery()).toBe('sent');
      await vi.advanceTimersByTimeAsync(1000);
      expect(await delivery()).toBe('delivered');
      await vi.advanceTimersByTimeAsync(1000);
      expect(await delivery()).toBe('read');
      const timeline = await provider.listTimeline({ contactId: 'contact-ana-lima', limit: 2 });
      expect(timeline.items.map((event) => event.type)).toEqual(['notification.read', 'notification.delivered']);
    });
  });

  describe('control.receiveReply', () => {
    it('opens the 24-hour window of the active chat and emits chat.updated', async () => {
      const { provider, control, events, time } = setup();
      const ticket = await provider.sendNotification({ input: sendInput() });
      const chatId = control.completeVerification(ticket.id, 'success').chatId;
      time.advance(60_000);
      events.length = 0;
      const chat = control.receiveReply('contact-ana-lima', 'Thanks, see you Friday!');
      expect(chat).toMatchObject({ id: chatId, status: 'assigned', lastInboundAt: new Date(start.getTime() + 60_000).toISOString() });
      expect(replyWindow(chat, time.now())).toMatchObject({ state: 'open' });
      expect(events).toEqual([
        { type: 'chat.updated', chat },
        { type: 'message.added', message: expect.objectContaining({ chatId, direction: 'inbound', text: 'Thanks, see you Friday!' }) },
        {
          type: 'timeline.added',
          event: expect.objectContaining({ type: 'customer.replied', text: 'Thanks, see you Friday!', ticketId: ticket.id }),
        },
      ]);
    });

    it('creates an open chat when the contact has no active one', async () => {
      const { provider, control } = setup();
      const chat = control.receiveReply('contact-priya-sharma', 'Hello?');
      expect(chat).toMatchObject({ status: 'open', assignee: null, contactId: 'contact-priya-sharma' });
      expect(await provider.getActiveChat({ contactId: 'contact-priya-sharma' })).toEqual(chat);
      expect((await provider.listChats({ contactId: 'contact-priya-sharma' })).items[0]).toEqual(chat);
    });

    it('throws NOT_FOUND for an unknown contact', () => {
      const { control } = setup();
      expect(() => control.receiveReply('contact-nobody', 'hi')).toThrow(ReachoutError);
    });
  });

  describe('snapshots', () => {
    it('hands out copies: changing an answer or an event changes nothing inside', async () => {
      const { provider, events } = setup();
      const page = await provider.listContacts({});
      page.items[0]!.name = 'Changed';
      const created = await provider.createContact({ input: { name: 'Original', phone: '+5561998877665' } });
      const event = events[0];
      if (event?.type === 'contact.created') event.contact.name = 'Changed too';
      created.name = 'Changed three';
      expect((await provider.getContact({ id: created.id })).name).toBe('Original');
      expect((await provider.listContacts({})).items[0]!.name).not.toBe('Changed');
      // Nested fields too: a contact's attributes are its own copy.
      const withAttributes = (await provider.listContacts({ limit: 100 })).items.find((contact) => contact.attributes);
      if (withAttributes?.attributes === undefined) throw new Error('the fixtures have a contact with attributes');
      const [attribute] = Object.keys(withAttributes.attributes);
      withAttributes.attributes[attribute!] = 'Changed four';
      const fetched = await provider.getContact({ id: withAttributes.id });
      expect(fetched.attributes?.[attribute!]).not.toBe('Changed four');
      fetched.attributes![attribute!] = 'Changed five';
      expect((await provider.getContact({ id: withAttributes.id })).attributes?.[attribute!]).not.toBe('Changed five');
    });
  });

  describe('uploadMedia', () => {
    it('answers a short URL that resolves to the file, so a real photo fits a contact', async () => {
      const { provider } = setup();
      const photo = new Blob([new Uint8Array(500_000)], { type: 'image/png' });
      const { url } = await provider.uploadMedia({ file: photo, purpose: 'avatar' });
      expect(url.length).toBeLessThan(200);
      const contact = await provider.createContact({ input: { name: 'Photo Person', phone: '+14155550123', avatarUrl: url } });
      expect(contact.avatarUrl).toBe(url);
    });

    it('answers an https link for a template header, as the Cloud API requires', async () => {
      const { provider } = setup();
      const file = new Blob(['%PDF'], { type: 'application/pdf' });
      const first = await provider.uploadMedia({ file, purpose: 'template-header' });
      const second = await provider.uploadMedia({ file, purpose: 'template-header' });
      expect(first.url).toMatch(/^https:\/\//);
      expect(second.url).not.toBe(first.url);
    });

    it('falls back to a data URL where the platform has no object URLs', async () => {
      const { provider } = setup();
      const createObjectURL = URL.createObjectURL;
      Object.assign(URL, { createObjectURL: undefined });
      try {
        const { url } = await provider.uploadMedia({ file: new Blob(['hello'], { type: 'image/png' }), purpose: 'avatar' });
        expect(url).toBe(`data:image/png;base64,${btoa('hello')}`);
      } finally {
        Object.assign(URL, { createObjectURL });
      }
    });

    it('refuses a non-image avatar with VALIDATION', async () => {
      const { provider } = setup();
      await expect(
        provider.uploadMedia({ file: new Blob(['%PDF'], { type: 'application/pdf' }), purpose: 'avatar' }),
      ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { file: expect.any(String) } });
    });
  });
});
