import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReachoutError } from '../../src/core/errors';
import { REPLY_WINDOW_MS } from '../../src/core/rules';
import { buildTemplateMessage } from '../../src/core/template';
import type { ReachoutEvent, SendNotificationInput } from '../../src/core/types';
import { createMemoryProvider, fixtures, templatesByName } from '../../src/testing';
import type { MemoryProvider, MemoryProviderOptions } from '../../src/testing';

const start = new Date('2026-03-10T12:00:00.000Z');
let current = start.getTime();
const now = () => new Date(current);
const providers: MemoryProvider[] = [];

function setup(options: MemoryProviderOptions = {}) {
  current = start.getTime();
  const provider = createMemoryProvider({ now, ...options });
  providers.push(provider);
  const events: ReachoutEvent[] = [];
  provider.subscribe((event) => events.push(event));
  return { provider, control: provider.control, events };
}

afterEach(() => {
  for (const provider of providers.splice(0)) provider.control.dispose();
});

const orderUpdate = templatesByName.order_update!;
const orderParameters = { header: { type: 'text' as const, text: '#10423' }, body: { '1': 'Ana', '2': 'DHL Express', '3': 'Friday' } };

function notification(): SendNotificationInput {
  const ana = fixtures.contacts.find((contact) => contact.id === 'contact-ana-lima')!;
  return {
    idempotencyKey: 'key-notification-1',
    contactId: ana.id,
    senderId: 'sender-support',
    to: ana.phone,
    template: { id: orderUpdate.id, name: orderUpdate.name, language: orderUpdate.language },
    parameters: orderParameters,
    message: buildTemplateMessage({ to: ana.phone, template: orderUpdate, parameters: orderParameters }),
    ticket: { priority: 'high', assigneeId: null, description: 'Shipped' },
  };
}

describe('createMemoryProvider messages', () => {
  it('turns the notification into the chat’s first outbound template message, its status following the ticket', async () => {
    const { provider, control, events } = setup({ deliveryStepMs: null });
    const ticket = await provider.sendNotification({ input: notification() });
    const verified = control.completeVerification(ticket.id, 'success');
    const chatId = verified.chatId!;
    const [message] = (await provider.listMessages({ chatId })).items;
    expect(message).toMatchObject({ direction: 'outbound', kind: 'template', status: 'sent', text: ticket.notification.body });
    expect(events.some((event) => event.type === 'message.added' && event.message.id === message!.id)).toBe(true);
  });

  it('moves the notification message to delivered and read with the ticket, emitting message.updated', async () => {
    const { provider, control, events } = setup({ deliveryStepMs: 5 });
    const ticket = await provider.sendNotification({ input: notification() });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      control.completeVerification(ticket.id, 'success');
      vi.advanceTimersByTime(10);
    } finally {
      vi.useRealTimers();
    }
    const { chatId } = await provider.getTicket({ id: ticket.id });
    const [message] = (await provider.listMessages({ chatId: chatId! })).items;
    expect(message?.status).toBe('read');
    const updates = events.filter((event) => event.type === 'message.updated').map((event) => (event.type === 'message.updated' ? event.message.status : null));
    expect(updates).toEqual(['delivered', 'read']);
  });

  it('adds the customer’s reply as an inbound message that opens the window for texts', async () => {
    const { provider, control } = setup();
    const chat = control.receiveReply('contact-ana-lima', 'Where is my parcel?');
    const [reply] = (await provider.listMessages({ chatId: chat.id })).items;
    expect(reply).toMatchObject({ direction: 'inbound', text: 'Where is my parcel?', status: null, at: start.toISOString() });
    current += REPLY_WINDOW_MS - 1000;
    const sent = await provider.sendMessage({ input: { idempotencyKey: 'key-text-0001', chatId: chat.id, text: 'Tomorrow' } });
    expect(sent).toMatchObject({ direction: 'outbound', kind: 'text', status: 'sent' });
    current += 1000;
    await expect(
      provider.sendMessage({ input: { idempotencyKey: 'key-text-0002', chatId: chat.id, text: 'Too late' } }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_WINDOW' });
  });

  it('answers a retry of a message sent inside the window with that message after the window closed', async () => {
    const { provider, control } = setup();
    const chat = control.receiveReply('contact-ana-lima', 'Hi');
    const input = { idempotencyKey: 'key-text-0003', chatId: chat.id, text: 'Hello Ana' };
    const sent = await provider.sendMessage({ input });
    current += REPLY_WINDOW_MS;
    expect((await provider.sendMessage({ input })).id).toBe(sent.id);
  });

  it('moves an outbound message with control.setMessageStatus, and fails it with a reason', async () => {
    const { provider, control, events } = setup();
    const chat = control.receiveReply('contact-ana-lima', 'Hi');
    const sent = await provider.sendMessage({ input: { idempotencyKey: 'key-text-0004', chatId: chat.id, text: 'Hello' } });
    control.setMessageStatus(sent.id, 'failed', 'Number blocked');
    expect(events.at(-1)).toMatchObject({ type: 'message.updated', message: { id: sent.id, status: 'failed', failureReason: 'Number blocked' } });
  });

  it('sends a failed message again, as the same message, when its send is repeated with its own key (as the database server does)', async () => {
    const { provider, control, events } = setup({ deliveryStepMs: null });
    const chat = control.receiveReply('contact-ana-lima', 'Hi');
    const input = { idempotencyKey: 'key-text-0006', chatId: chat.id, text: 'Hello again' };
    const sent = await provider.sendMessage({ input });
    control.setMessageStatus(sent.id, 'failed', 'Number blocked');

    const again = await provider.sendMessage({ input });

    expect(again).toMatchObject({ id: sent.id, status: 'sent', failureReason: null });
    expect(events.at(-1)).toMatchObject({ type: 'message.updated', message: { id: sent.id, status: 'sent' } });
    expect((await provider.listMessages({ chatId: chat.id })).items.filter((message) => message.text === 'Hello again')).toHaveLength(1);
    expect((await provider.sendMessage({ input })).id).toBe(sent.id);
  });

  it('obeys failNext and latency for sendMessage and listMessages', async () => {
    const { provider, control } = setup({ latencyMs: 5 });
    const chat = control.receiveReply('contact-ana-lima', 'Hi');
    control.failNext('sendMessage', new ReachoutError('NETWORK', 'Offline'));
    await expect(
      provider.sendMessage({ input: { idempotencyKey: 'key-text-0005', chatId: chat.id, text: 'Hello' } }),
    ).rejects.toMatchObject({ code: 'NETWORK' });
    expect((await provider.listMessages({ chatId: chat.id })).items).toHaveLength(1);
    expect(control.calls.map((call) => call.method)).toEqual(['sendMessage', 'listMessages']);
  });

  it('sends a template outside the window only when it is approved, its variables filled and its payload the one built', async () => {
    const { provider, control } = setup();
    const chat = control.receiveReply('contact-ana-lima', 'Hi');
    current += REPLY_WINDOW_MS + 1000;
    const ana = fixtures.contacts.find((contact) => contact.id === chat.contactId)!;
    const templateInput = (key: string, template = orderUpdate, parameters = orderParameters) => ({
      idempotencyKey: key,
      chatId: chat.id,
      template: { id: template.id, name: template.name, language: template.language },
      parameters,
      message: buildTemplateMessage({ to: ana.phone, template: orderUpdate, parameters: orderParameters }),
    });
    const pending = fixtures.templates.find((template) => template.status !== 'APPROVED')!;
    await expect(provider.sendMessage({ input: templateInput('key-template-1', pending) })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { template: 'Only approved templates can be sent' },
    });
    const missing = { header: orderParameters.header, body: { '1': 'Ana', '2': 'DHL Express' } } as unknown as typeof orderParameters;
    await expect(provider.sendMessage({ input: templateInput('key-template-2', orderUpdate, missing) })).rejects.toMatchObject({ code: 'VALIDATION' });
    const sent = await provider.sendMessage({ input: templateInput('key-template-3') });
    expect(sent).toMatchObject({ kind: 'template', status: 'sent', text: 'Hi Ana, good news: your order is on its way with DHL Express. Expected delivery: Friday.' });
    await expect(provider.sendMessage({ input: { idempotencyKey: 'key-text-9', chatId: chat.id, text: 'And a text?' } })).rejects.toMatchObject({
      code: 'OUTSIDE_WINDOW',
    });
  });

  it('sends again, once, a key whose first attempt failed (an injected fault), and a key whose message WhatsApp failed, as the same message', async () => {
    const { provider, control } = setup({ deliveryStepMs: null });
    const chat = control.receiveReply('contact-ana-lima', 'Hi');
    const input = { idempotencyKey: 'key-text-0006', chatId: chat.id, text: 'Hello again' };
    control.failNext('sendMessage', new ReachoutError('NETWORK', 'Offline'));
    await expect(provider.sendMessage({ input })).rejects.toMatchObject({ code: 'NETWORK' });
    const sent = await provider.sendMessage({ input });
    expect(sent.status).toBe('sent');
    control.setMessageStatus(sent.id, 'failed', 'Number blocked');
    const retried = await provider.sendMessage({ input });
    expect(retried).toMatchObject({ id: sent.id, status: 'sent', failureReason: null });
    expect((await provider.listMessages({ chatId: chat.id })).items.filter((message) => message.text === 'Hello again')).toHaveLength(1);
    // Outside the window, the retry of a failed text is refused like any text.
    control.setMessageStatus(sent.id, 'failed', 'Number blocked');
    current += REPLY_WINDOW_MS;
    await expect(provider.sendMessage({ input })).rejects.toMatchObject({ code: 'OUTSIDE_WINDOW' });
  });

  it('starts with the fixture conversations: Hugo’s chat opens with its notification', async () => {
    const { provider } = setup();
    const page = await provider.listMessages({ chatId: 'chat-hugo-1' });
    expect(page.items.at(-1)).toMatchObject({ kind: 'template', id: 'message-notification-ticket-hugo-1' });
    expect(page.items[0]?.direction).toBe('outbound');
  });
});
