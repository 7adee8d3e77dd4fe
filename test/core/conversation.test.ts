import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  isTemplateMessageInput,
  messagePageSchema,
  messageSchema,
  notificationMessageStatus,
  sendMessageRefusal,
} from '../../src/core/conversation';
import { fieldErrorsOf } from '../../src/core/schemas';
import { REPLY_WINDOW_MS } from '../../src/core/rules';
import type { Message, SendMessageInput, Ticket } from '../../src/core/types';

const now = new Date('2026-03-10T12:00:00.000Z');
const ago = (ms: number) => ({ lastInboundAt: new Date(now.getTime() - ms).toISOString() });
const second = 1000;
const text = (value: string): SendMessageInput => ({ idempotencyKey: 'key-0000-0001', chatId: 'chat-1', text: value });

describe('sendMessageRefusal', () => {
  it('lets a text through at 23:59:59 after the customer wrote, and refuses it with OUTSIDE_WINDOW at 24:00', () => {
    expect(sendMessageRefusal(text('Hi'), ago(REPLY_WINDOW_MS - second), now)).toBeNull();
    expect(sendMessageRefusal(text('Hi'), ago(REPLY_WINDOW_MS), now)?.code).toBe('OUTSIDE_WINDOW');
  });

  it('refuses a text with OUTSIDE_WINDOW while the customer has never written', () => {
    expect(sendMessageRefusal(text('Hi'), { lastInboundAt: null }, now)?.code).toBe('OUTSIDE_WINDOW');
  });

  it('lets a template through whatever the window', () => {
    const template: SendMessageInput = {
      idempotencyKey: 'key-0000-0002',
      chatId: 'chat-1',
      template: { id: 'template-1', name: 'order_update', language: 'en_US' },
      parameters: {},
      message: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+5511987654321', type: 'template', template: { name: 'order_update', language: { code: 'en_US' } } },
    };
    expect(sendMessageRefusal(template, { lastInboundAt: null }, now)).toBeNull();
  });

  it('counts 4,096 characters as UTF-16 units (countCharacters): 2,048 emoji pass, 2,049 and 4,097 letters are VALIDATION on the text', () => {
    expect(sendMessageRefusal(text('😀'.repeat(2048)), ago(0), now)).toBeNull();
    expect(sendMessageRefusal(text('😀'.repeat(2049)), ago(0), now)?.code).toBe('VALIDATION');
    const refusal = sendMessageRefusal(text('a'.repeat(4097)), ago(0), now);
    expect(refusal?.code).toBe('VALIDATION');
    expect(refusal?.fieldErrors?.text).toMatch(/4096/);
  });

  it('refuses an empty text and a malformed input with VALIDATION, before the window', () => {
    expect(sendMessageRefusal(text('  \n '), ago(REPLY_WINDOW_MS * 2), now)?.code).toBe('VALIDATION');
    const malformed = { idempotencyKey: 'short', chatId: 'chat-1', text: 'Hi' } as SendMessageInput;
    expect(sendMessageRefusal(malformed, ago(0), now)?.fieldErrors).toHaveProperty('idempotencyKey');
  });
});

describe('sendMessageRefusal: what it says', () => {
  const templateInput = (): SendMessageInput => ({
    idempotencyKey: 'key-0000-0003',
    chatId: 'chat-1',
    template: { id: 'template-1', name: 'order_update', language: 'en_US' },
    parameters: { body: { '1': 'Ana' } },
    message: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+5511987654321', type: 'template', template: { name: 'order_update', language: { code: 'en_US' } } },
  });
  const fieldsRefused = (input: unknown) => {
    const refusal = sendMessageRefusal(input as SendMessageInput, ago(0), now);
    expect(refusal?.code).toBe('VALIDATION');
    expect(refusal?.message).toBe('The message is incomplete');
    return Object.keys(refusal?.fieldErrors ?? {});
  };

  it('names the empty text, the length over 4,096 and the closed window in words', () => {
    const empty = sendMessageRefusal(text(' '), ago(0), now);
    expect(empty?.message).toBe('A message needs some text');
    expect(empty?.fieldErrors).toEqual({ text: 'Write a message' });
    const long = sendMessageRefusal(text('a'.repeat(4100)), ago(0), now);
    expect(long?.message).toBe('A WhatsApp message has at most 4096 characters; this one has 4100');
    expect(long?.fieldErrors).toEqual({ text: 'Use at most 4096 characters' });
    expect(sendMessageRefusal(text('Hi'), { lastInboundAt: null }, now)?.message).toBe(
      'The customer has not written in the last 24 hours: only a template can reopen the conversation',
    );
  });

  it('refuses a template input missing its parts, or with parts of the wrong shape, naming the field', () => {
    const { message: _message, ...withoutMessage } = templateInput() as Extract<SendMessageInput, { template: unknown }>;
    expect(fieldsRefused(withoutMessage)).toEqual(['message']);
    expect(fieldsRefused({ ...templateInput(), template: { name: 'order_update', language: 'en_US' } })).toEqual(['template.id']);
    expect(fieldsRefused({ ...templateInput(), parameters: { body: 'Ana' } })).toEqual(['parameters.body']);
    expect(fieldsRefused({ ...templateInput(), message: { to: '+5511987654321', type: 'template' } })).toEqual([
      'message.messaging_product',
    ]);
  });

  it('refuses input that is no object, or null, as VALIDATION rather than throwing', () => {
    expect(fieldsRefused('Hi')).toEqual(['form']);
    expect(fieldsRefused(null)).toEqual(['form']);
  });
});

describe('isTemplateMessageInput', () => {
  it('tells a template input from a text one', () => {
    expect(isTemplateMessageInput(text('Hi'))).toBe(false);
    expect(
      isTemplateMessageInput({ ...text('Hi'), template: { id: 't', name: 'n', language: 'en' } } as unknown as SendMessageInput),
    ).toBe(true);
  });
});

describe('messageSchema', () => {
  const message: Message = {
    id: 'message-1',
    chatId: 'chat-1',
    contactId: 'contact-1',
    direction: 'inbound',
    kind: 'template',
    text: 'Hi',
    author: null,
    status: null,
    failureReason: null,
    at: '2026-03-10T12:00:00.000Z',
  };

  it('accepts a message of either direction and kind, and a page of them', () => {
    expect(z.safeParse(messageSchema, message).success).toBe(true);
    expect(z.safeParse(messageSchema, { ...message, direction: 'outbound', kind: 'text', status: 'read' }).success).toBe(true);
    expect(z.safeParse(messagePageSchema, { items: [message], nextCursor: null }).success).toBe(true);
  });

  it('refuses a time that is not a date, and a direction or kind it does not know', () => {
    const refused = (value: unknown) => {
      const parsed = z.safeParse(messageSchema, value);
      return parsed.success ? {} : fieldErrorsOf(parsed.error);
    };
    expect(refused({ ...message, at: 'yesterday' })).toEqual({ at: 'Expected an ISO date' });
    expect(Object.keys(refused({ ...message, direction: 'sideways' }))).toEqual(['direction']);
    expect(Object.keys(refused({ ...message, kind: 'image' }))).toEqual(['kind']);
  });
});

describe('notificationMessageStatus', () => {
  const ticket = (status: Ticket['status'], delivery: Ticket['notification']['delivery']) =>
    ({ status, notification: { delivery } }) as Pick<Ticket, 'status' | 'notification'>;

  it('is pending while verifying, failed when the ticket failed, and the delivery otherwise', () => {
    expect(notificationMessageStatus(ticket('verifying', 'pending'))).toBe('pending');
    expect(notificationMessageStatus(ticket('failed', 'failed'))).toBe('failed');
    expect(notificationMessageStatus(ticket('assigned', 'sent'))).toBe('sent');
    expect(notificationMessageStatus(ticket('resolved', 'read'))).toBe('read');
  });

  it('follows the ticket over the delivery: pending while verifying, failed once the ticket failed', () => {
    expect(notificationMessageStatus(ticket('verifying', 'sent'))).toBe('pending');
    expect(notificationMessageStatus(ticket('failed', 'sent'))).toBe('failed');
  });
});
