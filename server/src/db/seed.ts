import { sql } from 'drizzle-orm';
import type { Contact, TimelineEvent } from 'reachout/core';
import { demoWorld, generateDemoContacts, type SeedWorld } from './demoData';
import type { Database, DrizzleDatabase } from './openDatabase';
import {
  agentRowOf,
  chatRowOf,
  contactRowOf,
  senderRowOf,
  templateRowOf,
  ticketRowOf,
  timelineRowOf,
} from './rows';
import { messageRowOf } from './messages';
import { agents, chats, contacts, messages, senders, templates, tickets, timelineEvents } from './schema';

/** Rows per INSERT: large enough to be fast, small enough to stay under the parameter limit. */
const batchSize = 1000;

/**
 * Chats carry no creation time in the domain: seeded ones get distinct old times in seed order,
 * so the last seeded chat is the newest (as in the memory provider) and any new chat is newer.
 */
const seededChatsEpoch = Date.UTC(2000, 0, 1);

async function insertContacts(executor: DrizzleDatabase, list: readonly Contact[]): Promise<void> {
  for (let start = 0; start < list.length; start += batchSize) {
    await executor.insert(contacts).values(list.slice(start, start + batchSize).map(contactRowOf));
  }
}

/**
 * Writes `world` (the demo's, or `contractFixtures` in tests) into an empty database, exactly as given: ids,
 * times and statuses. Emits no events. Use `resetDatabase` first to start from nothing.
 */
export async function seedWorld(db: Database, world: SeedWorld): Promise<void> {
  await db.drizzle.transaction(async (transaction) => {
    await insertContacts(transaction, world.contacts);
    if (world.senders.length > 0) {
      await transaction.insert(senders).values(world.senders.map((sender, index) => senderRowOf(sender, index)));
    }
    if (world.templates.length > 0) {
      await transaction.insert(templates).values(world.templates.map((template, index) => templateRowOf(template, index)));
    }
    if (world.agents.length > 0) {
      await transaction.insert(agents).values(world.agents.map((agent, index) => agentRowOf(agent, index)));
    }
    if (world.chats.length > 0) {
      await transaction
        .insert(chats)
        .values(world.chats.map((chat, index) => chatRowOf(chat, new Date(seededChatsEpoch + index * 1000))));
    }
    if (world.tickets.length > 0) await transaction.insert(tickets).values(world.tickets.map(ticketRowOf));
    for (let start = 0; start < world.timeline.length; start += batchSize) {
      await transaction.insert(timelineEvents).values(world.timeline.slice(start, start + batchSize).map(timelineRowOf));
    }
    if (world.messages && world.messages.length > 0) await transaction.insert(messages).values(world.messages.map(messageRowOf));
  });
}

export interface SeedDemoDataOptions {
  /**
   * How many generated contacts to add to the fixtures' own.
   * @default 10_000
   */
  contacts?: number;
}

/**
 * Fills an empty database with the server's own demo data (`demoData.ts`: senders, templates,
 * agents, contacts with a few chats, tickets and timeline events) plus `count` generated contacts.
 * Does nothing when the database already has contacts, so a server can call it at every start.
 */
export async function seedDemoData(db: Database, options: SeedDemoDataOptions = {}): Promise<void> {
  const count = options.contacts ?? 10_000;
  const existing = await db.drizzle.select({ id: contacts.id }).from(contacts).limit(1);
  if (existing.length > 0) return;
  const phones = new Set(demoWorld.contacts.map((contact) => contact.phone));
  const generated = generateDemoContacts(count).filter((contact) => !phones.has(contact.phone));
  const seededContacts = [...demoWorld.contacts, ...generated];
  await seedWorld(db, {
    ...demoWorld,
    contacts: seededContacts,
    timeline: [...demoWorld.timeline, ...createdEventsOf(seededContacts, demoWorld.timeline)],
  });
  // Statistics for the new rows now rather than whenever autovacuum gets to them (PGlite has none):
  // without them the planner misjudges how many contacts a search matches.
  await db.drizzle.execute(sql`analyze contacts`);
}

/**
 * A "Contact created" timeline entry, at the contact's creation time, for every contact that has
 * none: a seeded contact's timeline then starts where a created one's does.
 */
function createdEventsOf(seeded: readonly Contact[], timeline: readonly TimelineEvent[]): TimelineEvent[] {
  const withCreated = new Set(timeline.filter((event) => event.type === 'contact.created').map((event) => event.contactId));
  return seeded
    .filter((contact) => !withCreated.has(contact.id))
    .map((contact) => ({ id: `created-${contact.id}`, contactId: contact.id, type: 'contact.created', at: contact.createdAt, text: 'Contact created' }));
}

/** Empties every table (and restarts the event ids): for tests, much faster than a new database. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.drizzle.execute(
    sql`truncate table contacts, senders, templates, agents, chats, tickets, timeline_events, messages, events, media, idempotency_keys, campaigns, campaign_recipients, campaign_send_rates restart identity cascade`,
  );
}
