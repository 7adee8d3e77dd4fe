import { type Agent, type Chat, type Contact, foldText, type MessageTemplate, type Sender, type Ticket, type TimelineEvent } from 'reachout/core';
import type { agents, chats, contacts, senders, templates, tickets, timelineEvents } from './schema';
import { contactSearchText } from './text';

// Rows ↔ the domain objects of reachout/core. Optional fields are left out rather than set to
// undefined, so answers compare equal to the memory provider's.

export type ContactRow = typeof contacts.$inferSelect;
export type ChatRow = typeof chats.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;
export type TimelineRow = typeof timelineEvents.$inferSelect;

export function contactOf(row: ContactRow): Contact {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    avatarUrl: row.avatarUrl,
    createdAt: row.createdAt.toISOString(),
    ...(row.attributes ? { attributes: row.attributes } : {}),
    ...(row.optedOut ? { optedOut: true } : {}),
  };
}

export function contactRowOf(contact: Contact): typeof contacts.$inferInsert {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    avatarUrl: contact.avatarUrl,
    attributes: contact.attributes ?? null,
    optedOut: contact.optedOut === true,
    createdAt: new Date(contact.createdAt),
    nameKey: foldText(contact.name),
    searchText: contactSearchText(contact.name, contact.email),
    phoneDigits: contact.phone.replace(/\D/g, ''),
  };
}

export function senderOf(row: typeof senders.$inferSelect): Sender {
  return {
    id: row.id,
    channel: 'whatsapp',
    phone: row.phone,
    displayName: row.displayName,
    ...(row.status === null ? {} : { status: row.status }),
    ...(row.qualityRating === null ? {} : { qualityRating: row.qualityRating }),
    ...(row.messagingLimit === null ? {} : { messagingLimit: row.messagingLimit }),
  };
}

export function senderRowOf(sender: Sender, position: number): typeof senders.$inferInsert {
  return {
    id: sender.id,
    phone: sender.phone,
    displayName: sender.displayName,
    status: sender.status ?? null,
    qualityRating: sender.qualityRating ?? null,
    messagingLimit: sender.messagingLimit ?? null,
    position,
  };
}

export function templateRowOf(template: MessageTemplate, position: number): typeof templates.$inferInsert {
  return {
    id: template.id,
    name: template.name,
    language: template.language,
    status: template.status,
    template,
    position,
  };
}

export function agentOf(row: typeof agents.$inferSelect): Agent {
  return { id: row.id, name: row.name, email: row.email, avatarUrl: row.avatarUrl };
}

export function agentRowOf(agent: Agent, position: number): typeof agents.$inferInsert {
  return { id: agent.id, name: agent.name, email: agent.email ?? null, avatarUrl: agent.avatarUrl ?? null, position };
}

export function chatOf(row: ChatRow): Chat {
  return {
    id: row.id,
    contactId: row.contactId,
    status: row.status,
    assignee: row.assignee,
    lastInboundAt: row.lastInboundAt === null ? null : row.lastInboundAt.toISOString(),
    senderId: row.senderId,
  };
}

export function chatRowOf(chat: Chat, createdAt: Date): typeof chats.$inferInsert {
  return {
    id: chat.id,
    contactId: chat.contactId,
    status: chat.status,
    assignee: chat.assignee,
    lastInboundAt: chat.lastInboundAt === null ? null : new Date(chat.lastInboundAt),
    senderId: chat.senderId,
    createdAt,
  };
}

export function ticketOf(row: TicketRow): Ticket {
  return {
    id: row.id,
    contactId: row.contactId,
    chatId: row.chatId,
    priority: row.priority,
    assignee: row.assignee,
    description: row.description,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    notification: {
      senderId: row.senderId,
      to: row.to,
      templateName: row.templateName,
      language: row.language,
      body: row.body,
      delivery: row.delivery,
      ...(row.failureReason === null ? {} : { failureReason: row.failureReason }),
    },
  };
}

export function ticketRowOf(ticket: Ticket): typeof tickets.$inferInsert {
  return {
    id: ticket.id,
    contactId: ticket.contactId,
    chatId: ticket.chatId,
    priority: ticket.priority,
    assignee: ticket.assignee,
    description: ticket.description,
    status: ticket.status,
    createdAt: new Date(ticket.createdAt),
    updatedAt: new Date(ticket.updatedAt),
    senderId: ticket.notification.senderId,
    to: ticket.notification.to,
    templateName: ticket.notification.templateName,
    language: ticket.notification.language,
    body: ticket.notification.body,
    delivery: ticket.notification.delivery,
    failureReason: ticket.notification.failureReason ?? null,
    messageId: null,
  };
}

export function timelineEventOf(row: TimelineRow): TimelineEvent {
  return {
    id: row.id,
    contactId: row.contactId,
    type: row.type,
    at: row.at.toISOString(),
    ...(row.ticketId === null ? {} : { ticketId: row.ticketId }),
    text: row.text,
  };
}

export function timelineRowOf(event: TimelineEvent): typeof timelineEvents.$inferInsert {
  return {
    id: event.id,
    contactId: event.contactId,
    type: event.type,
    at: new Date(event.at),
    ticketId: event.ticketId ?? null,
    text: event.text,
  };
}
