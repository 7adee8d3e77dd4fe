import type { Chat, Contact, Page, Ticket, TimelineEvent } from '../../src/core/types';

/** An AbortError, as `fetch` rejects with when its signal fires. */
export function abortError(): Error {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${(sequence += 1)}`;

export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: nextId('contact'),
    name: 'Ada Lovelace',
    email: null,
    phone: '+5511987654321',
    avatarUrl: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: nextId('ticket'),
    contactId: 'contact-1',
    chatId: null,
    priority: 'medium',
    assignee: null,
    description: '',
    status: 'verifying',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    notification: {
      senderId: 'sender-1',
      to: '+5511987654321',
      templateName: 'order_update',
      language: 'en_US',
      body: 'Hello',
      delivery: 'pending',
    },
    ...overrides,
  };
}

export function chat(overrides: Partial<Chat> = {}): Chat {
  return {
    id: nextId('chat'),
    contactId: 'contact-1',
    status: 'open',
    assignee: null,
    lastInboundAt: null,
    senderId: 'sender-1',
    ...overrides,
  };
}

export function timelineEvent(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: nextId('event'),
    contactId: 'contact-1',
    type: 'notification.sent',
    at: '2026-01-01T00:00:00.000Z',
    text: 'Notification sent',
    ...overrides,
  };
}

export function page<T>(items: T[], nextCursor: string | null = null, total?: number): Page<T> {
  return total === undefined ? { items, nextCursor } : { items, nextCursor, total };
}
