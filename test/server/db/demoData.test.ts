import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizePhone } from 'reachout/core';
import { describe, expect, it } from 'vitest';
import { demoWorld, generateDemoContacts } from '../../../server/src/db/demoData';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('the server’s demo data', () => {
  it('is the server’s own: nothing under server/src imports reachout/testing', () => {
    const importing = sourceFiles(path.resolve(import.meta.dirname, '../../../server/src')).filter((file) =>
      /from ['"]reachout\/testing['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(importing).toEqual([]);
  });

  it('generates the same contacts every time, with unique valid mobile numbers in E.164', () => {
    const generated = generateDemoContacts(2000);
    expect(generateDemoContacts(2000)).toEqual(generated);
    const all = [...demoWorld.contacts, ...generated];
    expect(new Set(all.map((contact) => contact.phone)).size).toBe(all.length);
    expect(new Set(all.map((contact) => contact.id)).size).toBe(all.length);
    for (const contact of all) {
      const normalized = normalizePhone(contact.phone);
      expect(normalized.ok && normalized.e164, contact.phone).toBe(contact.phone);
    }
  });

  it('refers only to its own senders, agents, contacts and templates', () => {
    const contactIds = new Set(demoWorld.contacts.map((contact) => contact.id));
    const senderIds = new Set(demoWorld.senders.map((sender) => sender.id));
    const agentIds = new Set(demoWorld.agents.map((agent) => agent.id));
    const templateNames = new Set(demoWorld.templates.map((template) => template.name));
    for (const chat of demoWorld.chats) {
      expect(contactIds.has(chat.contactId) && senderIds.has(chat.senderId)).toBe(true);
      if (chat.assignee) expect(agentIds.has(chat.assignee.id)).toBe(true);
    }
    for (const ticket of demoWorld.tickets) {
      expect(contactIds.has(ticket.contactId) && senderIds.has(ticket.notification.senderId)).toBe(true);
      expect(templateNames.has(ticket.notification.templateName)).toBe(true);
    }
    for (const event of demoWorld.timeline) expect(contactIds.has(event.contactId)).toBe(true);
  });
});
