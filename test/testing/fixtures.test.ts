import { isValidPhoneNumber } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { isChatActive } from '../../src/core/rules';
import { chatSchema, contactSchema, senderSchema, ticketSchema, timelineEventSchema } from '../../src/core/schemas';
import type { ContractWorld } from '../../src/testing';
import { contractFixtures, fixtures } from '../../src/testing';
import * as z from 'zod/mini';

function expectConsistent(world: ContractWorld) {
  const contactIds = new Set(world.contacts.map((contact) => contact.id));
  const agentIds = new Set(world.agents.map((agent) => agent.id));
  const senderIds = new Set(world.senders.map((sender) => sender.id));
  const chatIds = new Set(world.chats.map((chat) => chat.id));
  const ticketIds = new Set(world.tickets.map((ticket) => ticket.id));
  const templateNames = new Set(world.templates.map((template) => template.name));
  expect(contactIds.size).toBe(world.contacts.length);
  expect(new Set(world.contacts.map((contact) => contact.phone)).size).toBe(world.contacts.length);
  for (const contact of world.contacts) {
    expect(z.safeParse(contactSchema, contact).success).toBe(true);
    expect(isValidPhoneNumber(contact.phone), contact.phone).toBe(true);
  }
  for (const sender of world.senders) {
    expect(z.safeParse(senderSchema, sender).success).toBe(true);
    expect(isValidPhoneNumber(sender.phone), sender.phone).toBe(true);
  }
  for (const chat of world.chats) {
    expect(z.safeParse(chatSchema, chat).success).toBe(true);
    expect(contactIds.has(chat.contactId)).toBe(true);
    expect(senderIds.has(chat.senderId)).toBe(true);
    if (chat.assignee) expect(agentIds.has(chat.assignee.id)).toBe(true);
  }
  for (const ticket of world.tickets) {
    expect(z.safeParse(ticketSchema, ticket).success).toBe(true);
    expect(contactIds.has(ticket.contactId)).toBe(true);
    expect(senderIds.has(ticket.notification.senderId)).toBe(true);
    expect(templateNames.has(ticket.notification.templateName)).toBe(true);
    expect(world.contacts.find((contact) => contact.id === ticket.contactId)?.phone).toBe(ticket.notification.to);
    if (ticket.chatId !== null) expect(chatIds.has(ticket.chatId)).toBe(true);
    if (ticket.assignee) expect(agentIds.has(ticket.assignee.id)).toBe(true);
  }
  for (const event of world.timeline) {
    expect(z.safeParse(timelineEventSchema, event).success).toBe(true);
    expect(contactIds.has(event.contactId)).toBe(true);
    if (event.ticketId !== undefined) expect(ticketIds.has(event.ticketId)).toBe(true);
  }
}

describe('fixtures', () => {
  it('is a consistent world with valid phone numbers', () => {
    expectConsistent(fixtures);
  });

  it('has the cases widgets must show', () => {
    const activeChats = fixtures.chats.filter(isChatActive);
    expect(activeChats.map((chat) => chat.contactId)).toEqual(['contact-hugo-martin']);
    expect(fixtures.contacts.filter((contact) => contact.optedOut).map((contact) => contact.id)).toEqual([
      'contact-olga-ivanova',
    ]);
    expect(fixtures.tickets.filter((ticket) => ticket.contactId === 'contact-priya-sharma')).toHaveLength(3);
    expect(fixtures.contacts.filter((contact) => contact.phone.endsWith('0000'))).toHaveLength(1);
    expect(fixtures.agents).toHaveLength(5);
    expect(fixtures.senders.map((sender) => sender.status)).toEqual(['connected', 'connected', 'disconnected']);
    expect(new Set(fixtures.templates.map((template) => template.status))).toEqual(
      new Set(['APPROVED', 'PENDING', 'REJECTED']),
    );
  });
});

describe('contractFixtures', () => {
  it('is a consistent world with valid phone numbers', () => {
    expectConsistent(contractFixtures);
  });

  it('has names whose order no collation can change', () => {
    const initials = contractFixtures.contacts.filter((contact) => contact.name !== 'Maria Silva').map((contact) => contact.name[0]);
    expect(new Set(initials).size).toBe(initials.length);
    expect(contractFixtures.contacts.every((contact) => /^[A-Z]/.test(contact.name))).toBe(true);
  });
});
