import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import {
  chatSchema,
  chatStatusSchema,
  contactInputSchema,
  contactSchema,
  createContactInputSchema,
  defaultContactInputMessages as messages,
  fieldErrorsOf,
  inputLimits,
  senderSchema,
  sendNotificationInputSchema,
  ticketSchema,
  timelineEventSchema,
} from '../../src/core/schemas';
import type { ChatStatus, DeliveryStatus, TicketStatus, TimelineEventType } from '../../src/core/types';

function errorsOf(schema: z.ZodMiniType, input: unknown): Record<string, string> {
  const result = z.safeParse(schema, input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe('contactInputSchema', () => {
  it('trims, nulls an empty email and turns the phone into E.164', () => {
    expect(z.parse(contactInputSchema, { name: '  Ana Souza ', email: ' ', phone: '+55 11 98765-4321' })).toEqual({
      name: 'Ana Souza',
      email: null,
      phone: '+5511987654321',
      avatarUrl: null,
    });
  });

  it('reads a national number with the chosen country', () => {
    const schema = createContactInputSchema({ defaultCountry: 'IN' });
    expect(z.parse(schema, { name: 'Ravi', phone: '098765 43210' }).phone).toBe('+919876543210');
  });

  it('names every broken field with a specific message', () => {
    expect(errorsOf(contactInputSchema, { name: ' ', email: 'ana@', phone: 'abc', avatarUrl: 'javascript:alert(1)' })).toEqual({
      name: messages.nameRequired,
      email: messages.emailInvalid,
      phone: messages.phoneNotANumber,
      avatarUrl: messages.avatarUrlInvalid,
    });
  });

  it('asks for a country when a national number has none', () => {
    expect(errorsOf(contactInputSchema, { name: 'Ana', phone: '98765 4321' })).toEqual({ phone: messages.phoneInvalidCountry });
  });

  it('rejects a name over the limit and accepts one at it', () => {
    expect(errorsOf(contactInputSchema, { name: 'a'.repeat(121), phone: '+14155552671' })).toEqual({ name: messages.nameTooLong });
    expect(errorsOf(contactInputSchema, { name: 'a'.repeat(120), phone: '+14155552671' })).toEqual({});
  });

  it('checks email and photo link rules on the text as typed, trimming afterwards', () => {
    const valid = { name: 'Ana', phone: '+14155552671' };
    expect(z.parse(contactInputSchema, { ...valid, email: ' ana@example.com ', avatarUrl: ' HTTPS://example.com/a.png ' })).toMatchObject({
      email: 'ana@example.com',
      avatarUrl: 'HTTPS://example.com/a.png',
    });
    expect(z.parse(contactInputSchema, { ...valid, avatarUrl: 'data:image/png;base64,AAAA' }).avatarUrl).toBe('data:image/png;base64,AAAA');
    expect(errorsOf(contactInputSchema, { ...valid, email: `${'a'.repeat(250)}@example.com` })).toEqual({ email: messages.emailInvalid });
    expect(errorsOf(contactInputSchema, { ...valid, avatarUrl: `https://example.com/${'a'.repeat(2048)}` })).toEqual({
      avatarUrl: messages.avatarUrlInvalid,
    });
    expect(errorsOf(contactInputSchema, { ...valid, avatarUrl: 'ftp://example.com/a.png' })).toEqual({ avatarUrl: messages.avatarUrlInvalid });
  });

  it('refuses a phone longer than 64 characters as too long, whatever it holds', () => {
    expect(errorsOf(contactInputSchema, { name: 'Ana', phone: `+1 415 555 2671${' '.repeat(60)}` })).toEqual({
      phone: messages.phoneTooLong,
    });
  });

  it('says what is wrong with a phone that libphonenumber reads but finds invalid', () => {
    const valid = { name: 'Ana' };
    expect(errorsOf(contactInputSchema, { ...valid, phone: '+1 415' })).toEqual({ phone: 'This number is too short' });
    expect(errorsOf(contactInputSchema, { ...valid, phone: '+49 123456789012345' })).toEqual({ phone: 'This number is too long' });
    expect(errorsOf(contactInputSchema, { ...valid, phone: '+44 1234' })).toEqual({
      phone: 'This is not a valid phone number for the chosen country',
    });
  });

  it('asks for a name when there is none at all', () => {
    expect(errorsOf(contactInputSchema, { phone: '+14155552671' })).toEqual({ name: 'Enter a name' });
  });

  it('accepts an email and photo link typed without surrounding spaces, and empty ones as none', () => {
    const valid = { name: 'Ana', phone: '+14155552671' };
    expect(z.parse(contactInputSchema, { ...valid, email: 'ana@example.com', avatarUrl: 'http://example.com/a.png' })).toMatchObject({
      email: 'ana@example.com',
      avatarUrl: 'http://example.com/a.png',
    });
    expect(z.parse(contactInputSchema, { ...valid, email: '', avatarUrl: '' })).toMatchObject({ email: null, avatarUrl: null });
    expect(z.parse(contactInputSchema, { ...valid, email: null, avatarUrl: null })).toMatchObject({ email: null, avatarUrl: null });
  });

  it('accepts uploaded images as data: and blob: links, whatever they hold', () => {
    const valid = { name: 'Ana', phone: '+14155552671' };
    const svg = 'data:image/svg+xml,<svg viewBox="0 0 1 1"></svg>';
    const blob = 'blob:https://app.example.com/0f3c2a1e-8d4b-4c2a-9d0e-5b6a7c8d9e0f';
    expect(z.parse(contactInputSchema, { ...valid, avatarUrl: svg }).avatarUrl).toBe(svg);
    expect(z.parse(contactInputSchema, { ...valid, avatarUrl: blob }).avatarUrl).toBe(blob);
    expect(errorsOf(contactInputSchema, { ...valid, avatarUrl: 'data:text/html,<script></script>' })).toEqual({
      avatarUrl: messages.avatarUrlInvalid,
    });
  });

  it('reports an email over the limit once, without also matching it against the pattern', () => {
    const result = z.safeParse(contactInputSchema, { name: 'Ana', phone: '+14155552671', email: `${'a '.repeat(200)}@example.com` });
    expect(result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['email'], message: 'Enter an email address like name@example.com' },
    ]);
  });

  it('takes translated messages', () => {
    const schema = createContactInputSchema({ messages: { nameRequired: 'Informe um nome' } });
    expect(errorsOf(schema, { name: '', phone: '+14155552671' })).toEqual({ name: 'Informe um nome' });
  });

  it('reports a missing phone as required', () => {
    expect(errorsOf(contactInputSchema, { name: 'Ana' })).toEqual({ phone: messages.phoneRequired });
    expect(errorsOf(contactInputSchema, { name: 'Ana', phone: '' })).toEqual({ phone: messages.phoneRequired });
  });
});

describe('fieldErrorsOf', () => {
  it('files an issue about the whole input under form', () => {
    expect(errorsOf(contactInputSchema, null)).toEqual({ form: expect.any(String) });
  });

  it('keeps the first message of each field, joining nested paths with dots', () => {
    const result = z.safeParse(z.object({ a: z.object({ b: z.string().check(z.minLength(3, 'short'), z.regex(/x/, 'no x')) }) }), {
      a: { b: 'y' },
    });
    expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({ 'a.b': 'short' });
  });
});

describe('contactSchema', () => {
  it('accepts a contact and rejects one with a bad date, saying so', () => {
    const contact = { id: 'c1', name: 'Ana', email: null, phone: '+5511987654321', avatarUrl: null, createdAt: '2026-01-01T00:00:00.000Z' };
    expect(z.safeParse(contactSchema, contact).success).toBe(true);
    expect(errorsOf(contactSchema, { ...contact, createdAt: 'soon' })).toEqual({ createdAt: 'Expected an ISO date' });
  });
});

// The status labels are API (DESIGN.md): each must pass the response schemas, and nothing else.
describe('response schemas', () => {
  const agent = { id: 'a1', name: 'Priya' };

  it('accepts every sender status and quality rating, and refuses others', () => {
    const sender = { id: 's1', channel: 'whatsapp', phone: '+14155552671', displayName: 'Acme' };
    for (const status of ['connected', 'disconnected', 'flagged', 'restricted']) {
      expect(errorsOf(senderSchema, { ...sender, status })).toEqual({});
    }
    for (const qualityRating of ['GREEN', 'YELLOW', 'RED', 'UNKNOWN']) {
      expect(errorsOf(senderSchema, { ...sender, qualityRating })).toEqual({});
    }
    expect(Object.keys(errorsOf(senderSchema, { ...sender, status: 'banned', qualityRating: 'green' }))).toEqual(['status', 'qualityRating']);
  });

  it('accepts every chat status', () => {
    const chat = { id: 'ch1', contactId: 'c1', assignee: agent, lastInboundAt: null, senderId: 's1' };
    const statuses: ChatStatus[] = ['open', 'assigned', 'queued', 'resolved', 'closed'];
    for (const status of statuses) expect(errorsOf(chatSchema, { ...chat, status })).toEqual({});
    expect(z.safeParse(chatStatusSchema, 'verifying').success).toBe(false);
  });

  it('accepts every ticket status and delivery status', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const ticket = {
      id: 't1',
      contactId: 'c1',
      chatId: null,
      priority: 'high',
      assignee: null,
      description: 'Order update',
      createdAt: at,
      updatedAt: at,
      notification: { senderId: 's1', to: '+14155552671', templateName: 'order_update', language: 'en_US', body: 'Hi' },
    };
    const statuses: TicketStatus[] = ['verifying', 'failed', 'open', 'assigned', 'queued', 'resolved', 'closed'];
    const deliveries: DeliveryStatus[] = ['pending', 'sent', 'delivered', 'read', 'failed'];
    for (const status of statuses) {
      for (const delivery of deliveries) {
        expect(errorsOf(ticketSchema, { ...ticket, status, notification: { ...ticket.notification, delivery } })).toEqual({});
      }
    }
  });

  it('accepts every timeline event type', () => {
    const types: TimelineEventType[] = [
      'contact.created',
      'notification.sent',
      'notification.verified',
      'notification.failed',
      'notification.delivered',
      'notification.read',
      'customer.replied',
      'ticket.assigned',
      'ticket.resolved',
    ];
    for (const type of types) {
      expect(errorsOf(timelineEventSchema, { id: 'e1', contactId: 'c1', type, at: '2026-01-01T00:00:00.000Z', text: 'x' })).toEqual({});
    }
  });
});

describe('sendNotificationInputSchema', () => {
  const input = {
    idempotencyKey: 'key-0000001',
    contactId: 'contact-1',
    senderId: 'sender-1',
    to: '+14155552671',
    template: { id: 'template-1', name: 'order_update', language: 'en_US' },
    parameters: { body: { '1': 'Ana' } },
    message: { messaging_product: 'whatsapp', type: 'template', to: '+14155552671' },
    ticket: { priority: 'high', assigneeId: null, description: 'Order update' },
  };

  it('requires a WhatsApp template message, keeping its other fields', () => {
    expect(z.parse(sendNotificationInputSchema, { ...input, message: { ...input.message, template: { name: 'x' } } }).message).toEqual({
      ...input.message,
      template: { name: 'x' },
    });
    expect(Object.keys(errorsOf(sendNotificationInputSchema, { ...input, message: { ...input.message, messaging_product: 'sms', type: 'text' } }))).toEqual([
      'message.messaging_product',
      'message.type',
    ]);
    expect(Object.keys(errorsOf(sendNotificationInputSchema, { ...input, message: {} }))).toEqual([
      'message.messaging_product',
      'message.type',
      'message.to',
    ]);
  });

  it('accepts every text at its limit', () => {
    const atLimits = {
      ...input,
      contactId: 'c'.repeat(inputLimits.idMaxLength),
      template: { ...input.template, name: 'n'.repeat(inputLimits.templateNameMaxLength) },
      parameters: { body: { ['p'.repeat(inputLimits.parameterNameMaxLength)]: 'v'.repeat(inputLimits.parameterValueMaxLength) } },
      ticket: { ...input.ticket, description: 'd'.repeat(inputLimits.descriptionMaxLength) },
    };
    expect(errorsOf(sendNotificationInputSchema, atLimits)).toEqual({});
  });

  it('names each id, template field, parameter and the description over its limit', () => {
    const over = (max: number) => 'x'.repeat(max + 1);
    expect(
      errorsOf(sendNotificationInputSchema, {
        ...input,
        contactId: over(inputLimits.idMaxLength),
        senderId: over(inputLimits.idMaxLength),
        to: over(inputLimits.phoneMaxLength),
        template: {
          id: over(inputLimits.idMaxLength),
          name: over(inputLimits.templateNameMaxLength),
          language: over(inputLimits.languageMaxLength),
        },
        parameters: { body: { '1': over(inputLimits.parameterValueMaxLength) } },
        ticket: { ...input.ticket, assigneeId: over(inputLimits.idMaxLength), description: over(inputLimits.descriptionMaxLength) },
      }),
    ).toEqual({
      contactId: `Use at most ${inputLimits.idMaxLength} characters`,
      senderId: `Use at most ${inputLimits.idMaxLength} characters`,
      to: `Use at most ${inputLimits.phoneMaxLength} characters`,
      'template.id': `Use at most ${inputLimits.idMaxLength} characters`,
      'template.name': `Use at most ${inputLimits.templateNameMaxLength} characters`,
      'template.language': `Use at most ${inputLimits.languageMaxLength} characters`,
      'parameters.body.1': `Use at most ${inputLimits.parameterValueMaxLength} characters`,
      'ticket.assigneeId': `Use at most ${inputLimits.idMaxLength} characters`,
      'ticket.description': `Use at most ${inputLimits.descriptionMaxLength} characters`,
    });
  });
});
