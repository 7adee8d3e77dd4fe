import { describe, expect, it } from 'vitest';
import { ReachoutError, type ReachoutErrorCode } from '../../../src/core/errors';
import {
  checkNotification,
  type NotificationSendState,
  parseSendNotificationInput,
} from '../../../src/core/provider-rules/sendNotification';
import { buildTemplateMessage } from '../../../src/core/template';
import type { MessageTemplate, SendNotificationInput } from '../../../src/core/types';
import { contractFixtures, contractIds } from '../../../src/testing/contract/contractFixtures';

const world = contractFixtures;
const oscar = world.contacts.find((contact) => contact.id === contractIds.oscar)!;
const sender = world.senders.find((candidate) => candidate.id === contractIds.supportSender)!;
const template = world.templates.find((candidate) => candidate.id === contractIds.orderTemplate)!;
const grace = world.agents.find((agent) => agent.id === contractIds.grace)!;
const parameters = { body: { '1': 'Oscar', '2': '#1001' } };

function input(overrides: Partial<SendNotificationInput> = {}): SendNotificationInput {
  return {
    idempotencyKey: 'unit-test-key-0001',
    contactId: oscar.id,
    senderId: sender.id,
    to: oscar.phone,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message: buildTemplateMessage({ to: oscar.phone, template, parameters }),
    ticket: { priority: 'high', assigneeId: grace.id, description: 'A send' },
    ...overrides,
  };
}

const sendable: NotificationSendState = {
  contact: oscar,
  sender,
  template,
  assignee: grace,
  hasActiveChat: false,
  hasVerifyingTicket: false,
};

function refusal(send: SendNotificationInput, state: Partial<NotificationSendState>): ReachoutError {
  try {
    checkNotification(send, { ...sendable, ...state });
  } catch (error) {
    if (error instanceof ReachoutError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkNotification', () => {
  it('answers the contact’s number, the built message and the rendered body for a send that may go', () => {
    const checked = checkNotification(input({ to: '+44 7400 123456' }), sendable);
    expect(checked).toEqual({
      contact: oscar,
      sender,
      template,
      assignee: grace,
      to: { e164: '+447400123456', international: '+44 7400 123456' },
      message: buildTemplateMessage({ to: oscar.phone, template, parameters }),
      body: 'Hi Oscar, your order #1001 has shipped.',
    });
    expect(checkNotification(input({ ticket: { priority: 'low', assigneeId: null, description: '' } }), { ...sendable, assignee: undefined }).assignee).toBeNull();
  });

  it.each<[string, Partial<SendNotificationInput>, Partial<NotificationSendState>, ReachoutErrorCode, string, Record<string, string> | undefined]>([
    ['an unknown contact', {}, { contact: undefined, hasActiveChat: true }, 'NOT_FOUND', `No contact with id ${contractIds.oscar}`, undefined],
    ['an unknown sender', {}, { sender: undefined, template: undefined }, 'NOT_FOUND', `No sender with id ${contractIds.supportSender}`, undefined],
    ['an unknown template', {}, { template: undefined, assignee: undefined }, 'NOT_FOUND', `No template with id ${contractIds.orderTemplate}`, undefined],
    ['an unknown assignee', {}, { assignee: undefined, hasActiveChat: true }, 'NOT_FOUND', `No agent with id ${contractIds.grace}`, undefined],
    ['an opted-out contact', {}, { contact: { ...oscar, optedOut: true }, hasActiveChat: true }, 'OPTED_OUT', 'Oscar Wilde opted out of proactive messages', undefined],
    ['an active chat', {}, { hasActiveChat: true, hasVerifyingTicket: true }, 'ACTIVE_CHAT', 'Oscar Wilde has an active chat: continue the conversation there instead', undefined],
    ['a notification still verifying', {}, { hasVerifyingTicket: true, connectedSenderId: 'other' }, 'ACTIVE_CHAT', 'A notification to Oscar Wilde is being verified: wait for its result before sending another', undefined],
    ['a sender other than the connected one', {}, { connectedSenderId: 'other', sender: { ...sender, status: 'restricted' } }, 'VALIDATION', `${sender.displayName} is not the WhatsApp Business number this server sends from`, { senderId: 'Only the connected WhatsApp Business number can send' }],
    ['a disconnected sender', {}, { sender: { ...sender, status: 'disconnected' }, connectedSenderId: sender.id }, 'VALIDATION', `${sender.displayName} is disconnected and cannot send messages`, { senderId: 'This number is disconnected' }],
    ['a restricted sender', {}, { sender: { ...sender, status: 'restricted' } }, 'VALIDATION', `${sender.displayName} is restricted and cannot send messages`, { senderId: 'This number is restricted' }],
    ['a template that is not approved', { to: 'call me' }, { template: { ...template, status: 'PENDING' } as MessageTemplate }, 'VALIDATION', `Template ${template.name} is PENDING: only approved templates can be sent`, { template: 'Only approved templates can be sent' }],
    ['a number that is not one', { to: 'call me' }, {}, 'INVALID_NUMBER', 'call me is not a valid phone number', { to: 'Not a valid phone number' }],
    ['another contact’s number', { to: '+5521990000000', parameters: {} }, {}, 'VALIDATION', 'A notification to Oscar Wilde must go to +447400123456', { to: "Send to the contact's number, +447400123456" }],
    ['a missing variable', { parameters: { body: { '1': 'Oscar' } } }, {}, 'VALIDATION', 'Some template variables are missing or invalid', undefined],
  ])('refuses %s first', (_what, overrides, state, code, message, fieldErrors) => {
    const error = refusal(input(overrides), state);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    if (fieldErrors) expect(error.fieldErrors).toEqual(fieldErrors);
  });

  it('names the first variable issue per field', () => {
    const error = refusal(input({ parameters: { body: { '1': 'Oscar' } } }), {});
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['body.2']);
  });

  it('refuses a message other than the one built from the template, naming where it differs', () => {
    const message = { ...input().message, to: '+5521990000000' };
    const error = refusal(input({ message }), {});
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      'The message is not the one built from the template and parameters: message.to is "+5521990000000", expected "+447400123456"',
    );
    expect(error.fieldErrors).toEqual({ message: 'Differs from the template and parameters at message.to' });
  });

  it('says what is missing from the message, and what the built one does not have', () => {
    const { to: _to, ...withoutTo } = input().message;
    const missing = refusal(input({ message: withoutTo as SendNotificationInput['message'] }), {});
    expect(missing.message).toBe(
      'The message is not the one built from the template and parameters: message.to is missing, expected "+447400123456"',
    );
    const extra = refusal(input({ message: { ...input().message, biz_opaque_callback_data: 'x' } as SendNotificationInput['message'] }), {});
    expect(extra.message).toBe(
      'The message is not the one built from the template and parameters: message.biz_opaque_callback_data is "x", expected nothing there',
    );
  });
});

describe('parseSendNotificationInput', () => {
  it('answers a well-formed input as it is', () => {
    const send = input();
    expect(parseSendNotificationInput(send)).toBe(send);
  });

  it('refuses a malformed input with VALIDATION per field', () => {
    try {
      parseSendNotificationInput({ ...input(), idempotencyKey: 'short' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ReachoutError);
      expect((error as ReachoutError).message).toBe('The notification is incomplete');
      expect(Object.keys((error as ReachoutError).fieldErrors ?? {})).toEqual(['idempotencyKey']);
    }
  });
});
