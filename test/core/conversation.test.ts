import { describe, expect, it } from 'vitest';
import {
  notificationMessageStatus,
  sendMessageRefusal,
} from '../../src/core/conversation';
import { REPLY_WINDOW_MS } from '../../src/core/rules';
import type { SendMessageInput, Ticket } from '../../src/core/types';

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

describe('notificationMessageStatus', () => {
  const ticket = (status: Ticket['status'], delivery: Ticket['notification']['delivery']) =>
    ({ status, notification: { delivery } }) as Pick<Ticket, 'status' | 'notification'>;

  it('is pending while verifying, failed when the ticket failed, and the delivery otherwise', () => {
    expect(notificationMessageStatus(ticket('verifying', 'pending'))).toBe('pending');
    expect(notificationMessageStatus(ticket('failed', 'failed'))).toBe('failed');
    expect(notificationMessageStatus(ticket('assigned', 'sent'))).toBe('sent');
    expect(notificationMessageStatus(ticket('resolved', 'read'))).toBe('read');
  });
});
