import type { ReachoutDataProvider } from '../../core/provider';
import {
  agentSchema,
  chatSchema,
  contactPageSchema,
  contactSchema,
  senderSchema,
  ticketSchema,
  timelineEventSchema,
} from '../../core/schemas';
import { buildTemplateMessage } from '../../core/template';
import type {
  Contact,
  Page,
  ReachoutEvent,
  SendNotificationInput,
  TemplateParameters,
} from '../../core/types';
import type { VerificationResult } from '../types';
import {
  assert,
  assertAborts,
  assertEqual,
  assertJsonEqual,
  assertRejectsWith,
  assertShape,
  waitUntil,
} from './assertions';
import { contractFixtures, contractIds, type ContractWorld } from './contractFixtures';
import { describeMessagesContract } from './describeMessagesContract';
import { describeImportContactsContract } from './importContactsContract';

/** The test functions of your framework; Vitest's and Jest's fit as they are. */
export interface ContractTestFunctions {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => Promise<void>, timeoutMs?: number) => void;
  /** Lets read-only tests share one provider and dispose of it at the end. */
  afterAll?: (body: () => Promise<void>) => void;
}

/** A provider under test, with what the suite may do to its backend besides calling it. */
export interface ContractSubject {
  provider: ReachoutDataProvider;
  /**
   * Ends a `verifying` ticket's verification, when the backend can simulate WhatsApp's first
   * delivery status. Without it, the verification tests are skipped.
   */
  completeVerification?: (ticketId: string, result: VerificationResult) => void | Promise<void>;
  /** Frees the provider's resources (a database, a server) after the tests that used it. */
  dispose?: () => void | Promise<void>;
}

/** How `describeProviderContract` reaches the provider under test and the test framework. */
export interface ProviderContractOptions {
  /**
   * A provider over a backend holding exactly `world` (`contractFixtures`). Called once for the
   * read-only tests and once for each test that writes, so make it fast (restore a snapshot
   * rather than migrate and insert each time).
   */
  createProvider: (world: ContractWorld) => ContractSubject | Promise<ContractSubject>;
  test: ContractTestFunctions;
  /**
   * Timeout of each test, and how long to wait for an event.
   * @default 5000
   */
  timeoutMs?: number;
}

const world = contractFixtures;

const contactById = (id: string): Contact => {
  const found = world.contacts.find((contact) => contact.id === id);
  if (!found) throw new Error(`contractFixtures has no contact ${id}`);
  return found;
};

/** The world's contacts in contract order: by name, then id (names are chosen so any collation agrees). */
const contactsInOrder = [...world.contacts].sort(
  (left, right) =>
    left.name.localeCompare(right.name, 'en') || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
);

function idempotencyKey(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `contract-${random}`;
}

const orderTemplate = world.templates.find((template) => template.id === contractIds.orderTemplate);

function sendInput(
  contactId: string,
  overrides: { templateId?: string; parameters?: TemplateParameters; key?: string; description?: string } = {},
): SendNotificationInput {
  const contact = contactById(contactId);
  const template = world.templates.find((candidate) => candidate.id === (overrides.templateId ?? contractIds.orderTemplate));
  if (!template || !orderTemplate) throw new Error('contractFixtures lost its templates');
  const parameters = overrides.parameters ?? { body: { '1': contact.name.split(' ')[0] ?? contact.name, '2': '#1001' } };
  let message;
  try {
    message = buildTemplateMessage({ to: contact.phone, template, parameters });
  } catch {
    // Invalid parameters on purpose: send a payload anyway, the provider must refuse it.
    message = buildTemplateMessage({
      to: contact.phone,
      template: orderTemplate,
      parameters: { body: { '1': 'x', '2': 'y' } },
    });
  }
  return {
    idempotencyKey: overrides.key ?? idempotencyKey(),
    contactId,
    senderId: contractIds.supportSender,
    to: contact.phone,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message,
    ticket: {
      priority: 'high',
      assigneeId: contractIds.grace,
      description: overrides.description ?? 'Contract test send',
    },
  };
}

/** Follows `nextCursor` to the end; checks each page's size and that the walk ends. */
async function walkPages<Item>(
  fetchPage: (cursor: string | null) => Promise<Page<Item>>,
  limit: number,
  what: string,
): Promise<{ items: Item[]; pages: Page<Item>[] }> {
  const items: Item[] = [];
  const pages: Page<Item>[] = [];
  let cursor: string | null = null;
  for (let pageNumber = 1; ; pageNumber += 1) {
    assert(pageNumber <= 1000, `${what}: still paging after 1000 pages (does nextCursor ever become null?)`);
    const page: Page<Item> = await fetchPage(cursor);
    pages.push(page);
    assert(page.items.length <= limit, `${what}: page ${pageNumber} has ${page.items.length} items, limit was ${limit}`);
    items.push(...page.items);
    if (page.nextCursor === null) break;
    assertEqual(page.items.length, limit, `${what}: size of page ${pageNumber}, which is not the last`);
    assert(typeof page.nextCursor === 'string' && page.nextCursor.length > 0, `${what}: nextCursor is a non-empty string or null`);
    cursor = page.nextCursor;
  }
  return { items, pages };
}

const idsOf = (items: readonly { id: string }[]): string[] => items.map((item) => item.id);

function assertNoDuplicates(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    assert(!seen.has(id), `${what}: ${id} appears twice`);
    seen.add(id);
  }
}

const aborted = (): AbortSignal => {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
};

/**
 * Registers the Reachout provider contract as tests of your framework: every rule widgets rely
 * on (ordering, cursors, search in any phone format, CONFLICT, VALIDATION, NOT_FOUND,
 * ACTIVE_CHAT, OPTED_OUT, idempotent sends, AbortSignal, events, newest-first histories).
 * `createProvider` receives `contractFixtures` and must return a provider over exactly that data.
 *
 * @example
 * // A Vitest (or Jest) test file: pass the framework's own describe, it and afterAll.
 * describeProviderContract('my REST backend', {
 *   test: { describe, it, afterAll },
 *   createProvider: async (world) => {
 *     const server = await startTestServer({ seed: world });
 *     return { provider: createRestProvider({ baseUrl: server.url }), dispose: () => server.close() };
 *   },
 * });
 */
export function describeProviderContract(name: string, options: ProviderContractOptions): void {
  const { describe, afterAll } = options.test;
  const timeoutMs = options.timeoutMs ?? 5000;
  const it = (title: string, body: () => Promise<void>) => options.test.it(title, body, timeoutMs);
  const create = async (): Promise<ContractSubject> => options.createProvider(structuredClone(world));

  let shared: Promise<ContractSubject> | undefined;
  /** A provider for tests that only read: created once, on first use. */
  const reading = async (body: (provider: ReachoutDataProvider) => Promise<void>): Promise<void> => {
    shared ??= create();
    await body((await shared).provider);
  };
  /** A provider of its own for a test that writes. */
  const writing = async (body: (subject: ContractSubject) => Promise<void>): Promise<void> => {
    const subject = await create();
    try {
      await body(subject);
    } finally {
      await subject.dispose?.();
    }
  };

  describe(`${name} (Reachout provider contract)`, () => {
    afterAll?.(async () => {
      if (shared) await (await shared).dispose?.();
    });

    describe('listContacts', () => {
      it('lists every contact once, by name then id, across pages of the requested size', async () => {
        await reading(async (provider) => {
          const { items, pages } = await walkPages(
            (cursor) => provider.listContacts({ cursor, limit: 5 }),
            5,
            'listContacts({ limit: 5 })',
          );
          for (const page of pages) assertShape(contactPageSchema, page, 'a listContacts page');
          assertNoDuplicates(idsOf(items), 'listContacts');
          assertJsonEqual(idsOf(items), idsOf(contactsInOrder), 'contact ids in order');
          assertEqual(pages.length, Math.ceil(world.contacts.length / 5), 'number of pages');
        });
      });

      it('answers the whole list in one page without a limit when it has fewer than 50 contacts', async () => {
        await reading(async (provider) => {
          const page = await provider.listContacts({});
          assertEqual(page.items.length, world.contacts.length, 'contacts on the first page');
          assertEqual(page.nextCursor, null, 'nextCursor of the only page');
          if (page.total !== undefined) assertEqual(page.total, world.contacts.length, 'total');
        });
      });

      it('refuses a cursor it did not issue with VALIDATION', async () => {
        await reading(async (provider) => {
          await assertRejectsWith(
            provider.listContacts({ cursor: 'not-a-real-cursor!!', limit: 5 }),
            'VALIDATION',
            'listContacts with a garbled cursor',
          );
        });
      });

      it('refuses a cursor of another list with VALIDATION on the cursor field', async () => {
        await reading(async (provider) => {
          const contactsCursor = (await provider.listContacts({ limit: 1 })).nextCursor;
          const ticketsCursor = (await provider.listTickets({ contactId: contractIds.gita, limit: 1 })).nextCursor;
          assert(contactsCursor !== null && ticketsCursor !== null, 'the first pages of limit 1 have a nextCursor');
          const refusals: [string, () => Promise<unknown>][] = [
            ['listTickets with a listContacts cursor', () => provider.listTickets({ contactId: contractIds.gita, cursor: contactsCursor, limit: 1 })],
            ['listTimeline with a listTickets cursor', () => provider.listTimeline({ contactId: contractIds.gita, cursor: ticketsCursor, limit: 1 })],
            ['listChats with a listTickets cursor', () => provider.listChats({ contactId: contractIds.gita, cursor: ticketsCursor, limit: 1 })],
            ['listContacts with a listTickets cursor', () => provider.listContacts({ cursor: ticketsCursor, limit: 1 })],
            ['listTemplates with a listContacts cursor', () => provider.listTemplates({ senderId: contractIds.supportSender, cursor: contactsCursor, limit: 1 })],
          ];
          for (const [what, call] of refusals) {
            const error = await assertRejectsWith(call(), 'VALIDATION', what);
            assert(
              typeof error.fieldErrors?.cursor === 'string' && error.fieldErrors.cursor.length > 0,
              `${what}: VALIDATION names the cursor field, got ${JSON.stringify(error.fieldErrors)}`,
            );
          }
        });
      });

      it('never answers more than 100 contacts in a page', async () => {
        await reading(async (provider) => {
          try {
            const page = await provider.listContacts({ limit: 500 });
            assert(page.items.length <= 100, `limit 500 answered ${page.items.length} items`);
          } catch (error) {
            // Refusing is fine too, as long as it is a VALIDATION error.
            await assertRejectsWith(Promise.reject(error), 'VALIDATION', 'listContacts({ limit: 500 })');
          }
        });
      });

      it('searches names and emails case-insensitively', async () => {
        await reading(async (provider) => {
          assertJsonEqual(idsOf((await provider.listContacts({ search: 'LIMA' })).items), [contractIds.ana], 'search "LIMA"');
          assertJsonEqual(
            idsOf((await provider.listContacts({ search: 'Gita.Rao@' })).items),
            [contractIds.gita],
            'search "Gita.Rao@" (email)',
          );
          assertJsonEqual(
            idsOf((await provider.listContacts({ search: 'maria' })).items),
            [contractIds.mariaFirst, contractIds.mariaSecond],
            'search "maria" (two contacts with the same name, by id)',
          );
        });
      });

      it('finds a phone number however it is typed', async () => {
        await reading(async (provider) => {
          for (const typed of ['+55 11 98765-4321', '(11) 98765-4321', '11987654321', '5511987654321', '+5511987654321', '011 98765 4321']) {
            const page = await provider.listContacts({ search: typed });
            assertJsonEqual(idsOf(page.items), [contractIds.ana], `search "${typed}"`);
          }
          const partial = await provider.listContacts({ search: '98765-4321' });
          assert(idsOf(partial.items).includes(contractIds.ana), 'search "98765-4321" (part of a number) finds Ana Lima');
        });
      });

      it('does not match phone numbers for a query without digits', async () => {
        await reading(async (provider) => {
          const page = await provider.listContacts({ search: '(-)' });
          assertJsonEqual(idsOf(page.items), [], 'search "(-)"');
        });
      });

      it('answers an empty last page for a search without results', async () => {
        await reading(async (provider) => {
          const page = await provider.listContacts({ search: 'zz no such contact zz' });
          assertJsonEqual(page.items, [], 'items');
          assertEqual(page.nextCursor, null, 'nextCursor');
          if (page.total !== undefined) assertEqual(page.total, 0, 'total');
        });
      });

      it('pages search results in the same order', async () => {
        await reading(async (provider) => {
          const expected = contactsInOrder.filter(
            (contact) => contact.name.toLowerCase().includes('ar') || (contact.email ?? '').includes('ar'),
          );
          const { items } = await walkPages(
            (cursor) => provider.listContacts({ search: 'ar', cursor, limit: 2 }),
            2,
            'listContacts({ search: "ar", limit: 2 })',
          );
          assertJsonEqual(idsOf(items), idsOf(expected), 'search "ar" across pages');
        });
      });
    });

    describe('getContact', () => {
      it('answers the contact with that id', async () => {
        await reading(async (provider) => {
          const contact = await provider.getContact({ id: contractIds.ana });
          assertShape(contactSchema, contact, 'getContact');
          assertJsonEqual(
            { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone },
            { id: contractIds.ana, name: 'Ana Lima', email: 'ana.lima@contract.example', phone: '+5511987654321' },
            'getContact',
          );
        });
      });

      it('rejects an unknown id with NOT_FOUND', async () => {
        await reading(async (provider) => {
          await assertRejectsWith(provider.getContact({ id: 'contract-no-such-contact' }), 'NOT_FOUND', 'getContact');
        });
      });

      it('answers snapshots: changing an answer does not change the contact', async () => {
        await reading(async (provider) => {
          const first = await provider.getContact({ id: contractIds.bruno });
          first.name = 'Changed by the caller';
          const second = await provider.getContact({ id: contractIds.bruno });
          assertEqual(second.name, 'Bruno Costa', 'name after the caller changed its copy');
        });
      });
    });

    describe('createContact', () => {
      it('creates a contact with its phone in E.164 and finds it afterwards', async () => {
        await writing(async ({ provider }) => {
          const created = await provider.createContact({
            input: { name: 'Zoe Adams', email: 'zoe.adams@contract.example', phone: '+44 7400 654321' },
          });
          assertShape(contactSchema, created, 'createContact');
          assertEqual(created.phone, '+447400654321', 'phone');
          assertEqual(created.name, 'Zoe Adams', 'name');
          assertEqual(created.email, 'zoe.adams@contract.example', 'email');
          assert(created.id.length > 0, 'the new contact has an id');
          assertEqual((await provider.getContact({ id: created.id })).id, created.id, 'getContact of the new contact');
          const found = await provider.listContacts({ search: '7400 654321' });
          assertJsonEqual(idsOf(found.items), [created.id], 'search by the new phone');
          const all = await walkPages((cursor) => provider.listContacts({ cursor, limit: 100 }), 100, 'listContacts');
          assertEqual(all.items.at(-1)?.id, created.id, 'Zoe Adams sorts last');
        });
      });

      it('stores a missing email as null', async () => {
        await writing(async ({ provider }) => {
          const created = await provider.createContact({ input: { name: 'Yusuf Bello', phone: '+2348031234568' } });
          assertEqual(created.email, null, 'email');
          assertEqual(created.avatarUrl, null, 'avatarUrl');
        });
      });

      it('rejects a phone another contact has, however typed, with CONFLICT on the phone field', async () => {
        await writing(async ({ provider }) => {
          const error = await assertRejectsWith(
            provider.createContact({ input: { name: 'Ana Again', phone: '+55 (11) 98765-4321' } }),
            'CONFLICT',
            'createContact with Ana Lima’s phone',
          );
          assert(
            typeof error.fieldErrors?.phone === 'string' && error.fieldErrors.phone.length > 0,
            `CONFLICT names the phone field in fieldErrors, got ${JSON.stringify(error.fieldErrors)}`,
          );
          const matches = await provider.listContacts({ search: '5511987654321' });
          assertEqual(matches.items.length, 1, 'contacts with that phone after the conflict');
        });
      });

      it('rejects invalid input with VALIDATION and a message per field', async () => {
        await writing(async ({ provider }) => {
          const error = await assertRejectsWith(
            provider.createContact({ input: { name: '', email: 'not-an-email', phone: 'call me' } }),
            'VALIDATION',
            'createContact with an empty name, a bad email and a bad phone',
          );
          for (const field of ['name', 'email', 'phone']) {
            assert(
              typeof error.fieldErrors?.[field] === 'string',
              `VALIDATION has a message for ${field}, got ${JSON.stringify(error.fieldErrors)}`,
            );
          }
          const page = await provider.listContacts({});
          assertEqual(page.items.length, world.contacts.length, 'contacts after the refused create');
        });
      });
    });

    describe('senders, templates and agents', () => {
      it('lists the senders', async () => {
        await reading(async (provider) => {
          const senders = await provider.listSenders({});
          for (const sender of senders) assertShape(senderSchema, sender, 'a sender');
          assertJsonEqual(idsOf(senders).sort(), idsOf(world.senders).sort(), 'sender ids');
        });
      });

      it('lists a sender’s templates across pages, and searches them by name', async () => {
        await reading(async (provider) => {
          const { items } = await walkPages(
            (cursor) => provider.listTemplates({ senderId: contractIds.supportSender, cursor, limit: 2 }),
            2,
            'listTemplates({ limit: 2 })',
          );
          assertNoDuplicates(idsOf(items), 'listTemplates');
          assertJsonEqual(idsOf(items).sort(), idsOf(world.templates).sort(), 'template ids (pending ones included)');
          const found = await provider.listTemplates({ senderId: contractIds.supportSender, search: 'order' });
          assertJsonEqual(idsOf(found.items), [contractIds.orderTemplate], 'templates matching "order"');
        });
      });

      it('lists agents and searches them by name or email', async () => {
        await reading(async (provider) => {
          const agents = await provider.listAgents({});
          for (const agent of agents) assertShape(agentSchema, agent, 'an agent');
          assertJsonEqual(idsOf(agents).sort(), idsOf(world.agents).sort(), 'agent ids');
          assertJsonEqual(idsOf(await provider.listAgents({ search: 'grace' })), [contractIds.grace], 'search "grace"');
          assertJsonEqual(idsOf(await provider.listAgents({ search: 'ada@' })), [contractIds.ada], 'search "ada@"');
        });
      });
    });

    describe('chats, tickets and timeline', () => {
      it('answers the active chat of a contact, and null when its chats are all finished', async () => {
        await reading(async (provider) => {
          const chat = await provider.getActiveChat({ contactId: contractIds.hugo });
          assert(chat !== null, 'Hugo Martin has an active chat');
          assertShape(chatSchema, chat, 'getActiveChat');
          assertEqual(chat.id, contractIds.hugoChat, 'active chat id');
          assertEqual(await provider.getActiveChat({ contactId: contractIds.gita }), null, 'Gita Rao’s active chat');
          assertEqual(await provider.getActiveChat({ contactId: contractIds.oscar }), null, 'Oscar Wilde’s active chat');
        });
      });

      it('lists a contact’s tickets newest first, page by page', async () => {
        await reading(async (provider) => {
          const { items } = await walkPages(
            (cursor) => provider.listTickets({ contactId: contractIds.gita, cursor, limit: 1 }),
            1,
            'listTickets({ limit: 1 })',
          );
          for (const ticket of items) assertShape(ticketSchema, ticket, 'a ticket');
          assertJsonEqual(
            idsOf(items),
            ['contract-ticket-gita-june', 'contract-ticket-gita-march', 'contract-ticket-gita-january'],
            'Gita Rao’s tickets',
          );
        });
      });

      it('lists a contact’s timeline newest first, page by page', async () => {
        await reading(async (provider) => {
          const { items } = await walkPages(
            (cursor) => provider.listTimeline({ contactId: contractIds.gita, cursor, limit: 2 }),
            2,
            'listTimeline({ limit: 2 })',
          );
          for (const event of items) assertShape(timelineEventSchema, event, 'a timeline event');
          assertJsonEqual(
            idsOf(items),
            ['contract-event-gita-5', 'contract-event-gita-4', 'contract-event-gita-3', 'contract-event-gita-2', 'contract-event-gita-1'],
            'Gita Rao’s timeline',
          );
        });
      });

      it('lists a contact’s chats, each once', async () => {
        await reading(async (provider) => {
          const { items } = await walkPages(
            (cursor) => provider.listChats({ contactId: contractIds.gita, cursor, limit: 1 }),
            1,
            'listChats({ limit: 1 })',
          );
          for (const chat of items) assertShape(chatSchema, chat, 'a chat');
          assertJsonEqual(idsOf(items).sort(), ['contract-chat-gita-1', 'contract-chat-gita-2'], 'Gita Rao’s chats');
        });
      });

      it('rejects an unknown ticket id with NOT_FOUND', async () => {
        await reading(async (provider) => {
          await assertRejectsWith(provider.getTicket({ id: 'contract-no-such-ticket' }), 'NOT_FOUND', 'getTicket');
        });
      });
    });

    describe('sendNotification', () => {
      it('creates a verifying ticket with the rendered body, listed first for the contact', async () => {
        await writing(async ({ provider }) => {
          const ticket = await provider.sendNotification({ input: sendInput(contractIds.oscar) });
          assertShape(ticketSchema, ticket, 'sendNotification');
          assertEqual(ticket.status, 'verifying', 'status');
          assertEqual(ticket.notification.delivery, 'pending', 'delivery');
          assertEqual(ticket.contactId, contractIds.oscar, 'contactId');
          assertEqual(ticket.priority, 'high', 'priority');
          assertEqual(ticket.assignee?.id, contractIds.grace, 'assignee');
          assertEqual(ticket.notification.to, '+447400123456', 'notification.to');
          assertEqual(ticket.notification.senderId, contractIds.supportSender, 'notification.senderId');
          assertEqual(ticket.notification.templateName, 'contract_order_update', 'notification.templateName');
          assertEqual(ticket.notification.body, 'Hi Oscar, your order #1001 has shipped.', 'notification.body');
          assertEqual((await provider.getTicket({ id: ticket.id })).id, ticket.id, 'getTicket of the new ticket');
          const tickets = await provider.listTickets({ contactId: contractIds.oscar });
          assertJsonEqual(idsOf(tickets.items), [ticket.id], 'Oscar Wilde’s tickets');
          const timeline = await provider.listTimeline({ contactId: contractIds.oscar });
          assert(
            timeline.items.some((event) => event.type === 'notification.sent' && event.ticketId === ticket.id),
            'the timeline has a notification.sent event for the ticket',
          );
        });
      });

      it('answers the same ticket for a repeated idempotency key, and creates only one', async () => {
        await writing(async ({ provider }) => {
          const input = sendInput(contractIds.oscar);
          const first = await provider.sendNotification({ input });
          const again = await provider.sendNotification({ input: structuredClone(input) });
          assertEqual(again.id, first.id, 'ticket id of the repeated send');
          const concurrent = await Promise.all([1, 2, 3].map(() => provider.sendNotification({ input })));
          assertJsonEqual(idsOf(concurrent), [first.id, first.id, first.id], 'ticket ids of concurrent repeats');
          const tickets = await provider.listTickets({ contactId: contractIds.oscar });
          assertEqual(tickets.items.length, 1, 'Oscar Wilde’s tickets after four repeats');
        });
      });

      it('creates one ticket when the first sends with a new key race each other', async () => {
        await writing(async ({ provider }) => {
          const input = sendInput(contractIds.oscar);
          const tickets = await Promise.all([1, 2, 3, 4, 5].map(() => provider.sendNotification({ input })));
          assertEqual(new Set(idsOf(tickets)).size, 1, 'distinct ticket ids among five racing sends');
        });
      });

      it('rejects a reused idempotency key with a different notification with CONFLICT', async () => {
        await writing(async ({ provider }) => {
          const input = sendInput(contractIds.oscar);
          await provider.sendNotification({ input });
          const error = await assertRejectsWith(
            provider.sendNotification({ input: { ...input, ticket: { ...input.ticket, description: 'Something else' } } }),
            'CONFLICT',
            'sendNotification reusing a key',
          );
          assert(
            typeof error.fieldErrors?.idempotencyKey === 'string' && error.fieldErrors.idempotencyKey.length > 0,
            `CONFLICT names the idempotencyKey field, got ${JSON.stringify(error.fieldErrors)}`,
          );
          assert(/idempotency key/i.test(error.message), `the refusal says the idempotency key was reused: "${error.message}"`);
        });
      });

      it('refuses a `to` other than the contact’s phone with VALIDATION on the to field, and sends to it however it is typed', async () => {
        await writing(async ({ provider }) => {
          const paulaPhone = contactById(contractIds.paula).phone;
          const input = sendInput(contractIds.oscar);
          const elsewhere: SendNotificationInput = {
            ...input,
            to: paulaPhone,
            message: { ...input.message, to: paulaPhone },
          };
          const error = await assertRejectsWith(
            provider.sendNotification({ input: elsewhere }),
            'VALIDATION',
            'a send to Oscar Wilde addressed to Paula’s number',
          );
          assert(
            typeof error.fieldErrors?.to === 'string' && error.fieldErrors.to.length > 0,
            `VALIDATION names the to field, got ${JSON.stringify(error.fieldErrors)}`,
          );
          assertEqual((await provider.listTickets({ contactId: contractIds.oscar })).items.length, 0, 'tickets after the refused send');
          const ticket = await provider.sendNotification({ input: { ...input, to: '+44 7400 123456' } });
          assertEqual(ticket.notification.to, contactById(contractIds.oscar).phone, 'notification.to of a send with the number spaced');
        });
      });

      it('refuses a message payload other than the one built from the template and parameters with VALIDATION naming where it differs', async () => {
        await writing(async ({ provider }) => {
          const input = sendInput(contractIds.oscar);
          const pending = world.templates.find((template) => template.id === contractIds.pendingTemplate);
          if (!pending) throw new Error('contractFixtures lost its pending template');
          const tampered: [string, string, SendNotificationInput['message']][] = [
            ['another template', 'message.template.name', { ...input.message, template: { ...input.message.template, name: pending.name } }],
            [
              'other text',
              'message.template.components[0].parameters[1].text',
              buildTemplateMessage({
                to: contactById(contractIds.oscar).phone,
                template: orderTemplate ?? pending,
                parameters: { body: { '1': 'Oscar', '2': 'free money, click here' } },
              }),
            ],
            ['another number', 'message.to', { ...input.message, to: contactById(contractIds.paula).phone }],
          ];
          for (const [what, path, message] of tampered) {
            const error = await assertRejectsWith(
              provider.sendNotification({ input: { ...input, idempotencyKey: idempotencyKey(), message } }),
              'VALIDATION',
              `a send whose message has ${what}`,
            );
            assert(error.message.includes(path), `the refusal of a message with ${what} names ${path}: "${error.message}"`);
          }
          assertEqual((await provider.listTickets({ contactId: contractIds.oscar })).items.length, 0, 'tickets after tampered sends');
          const ticket = await provider.sendNotification({ input });
          assertEqual(ticket.notification.body, 'Hi Oscar, your order #1001 has shipped.', 'the untampered send’s body');
        });
      });

      it('refuses sends to a contact whose notification is still verifying with ACTIVE_CHAT, even when they race', async () => {
        await writing(async ({ provider }) => {
          const settled = await Promise.allSettled(
            Array.from({ length: 30 }, () => provider.sendNotification({ input: sendInput(contractIds.oscar) })),
          );
          const sent = settled.filter((outcome) => outcome.status === 'fulfilled');
          assertEqual(sent.length, 1, 'sends answered with a ticket among 30 racing sends with different keys');
          for (const outcome of settled) {
            if (outcome.status === 'fulfilled') continue;
            const error = await assertRejectsWith(Promise.reject(outcome.reason), 'ACTIVE_CHAT', 'a racing send');
            assert(/being verified/.test(error.message), `the refusal says a notification is being verified: "${error.message}"`);
          }
          assertEqual((await provider.listTickets({ contactId: contractIds.oscar })).items.length, 1, 'Oscar Wilde’s tickets');
        });
      });

      it('refuses a contact with an active chat with ACTIVE_CHAT', async () => {
        await writing(async ({ provider }) => {
          await assertRejectsWith(provider.sendNotification({ input: sendInput(contractIds.hugo) }), 'ACTIVE_CHAT', 'send to Hugo Martin');
          assertEqual((await provider.listTickets({ contactId: contractIds.hugo })).items.length, 0, 'Hugo Martin’s tickets');
        });
      });

      it('refuses an opted-out contact with OPTED_OUT', async () => {
        await writing(async ({ provider }) => {
          await assertRejectsWith(provider.sendNotification({ input: sendInput(contractIds.elena) }), 'OPTED_OUT', 'send to Elena Petrova');
        });
      });

      it('refuses an unknown contact with NOT_FOUND', async () => {
        await writing(async ({ provider }) => {
          const input = { ...sendInput(contractIds.oscar), contactId: 'contract-no-such-contact' };
          await assertRejectsWith(provider.sendNotification({ input }), 'NOT_FOUND', 'send to an unknown contact');
        });
      });

      it('refuses a template that is not approved, and missing variables, with VALIDATION', async () => {
        await writing(async ({ provider }) => {
          await assertRejectsWith(
            provider.sendNotification({ input: sendInput(contractIds.oscar, { templateId: contractIds.pendingTemplate, parameters: {} }) }),
            'VALIDATION',
            'send with a PENDING template',
          );
          await assertRejectsWith(
            provider.sendNotification({ input: sendInput(contractIds.oscar, { parameters: { body: { '1': 'Oscar' } } }) }),
            'VALIDATION',
            'send without variable {{2}}',
          );
          assertEqual((await provider.listTickets({ contactId: contractIds.oscar })).items.length, 0, 'tickets after refused sends');
        });
      });

      it('sends templates with named parameters', async () => {
        await writing(async ({ provider }) => {
          const input = sendInput(contractIds.oscar, {
            templateId: contractIds.reminderTemplate,
            parameters: { body: { first_name: 'Oscar', date: '3 June' } },
          });
          const ticket = await provider.sendNotification({ input });
          assertEqual(ticket.notification.body, 'Hello Oscar, see you on 3 June.', 'notification.body');
        });
      });
    });

    describe('verification (run when the subject has completeVerification)', () => {
      it('turns a verified ticket assigned, with delivery sent and an active chat for the contact', async () => {
        await writing(async (subject) => {
          if (!subject.completeVerification) return;
          const { provider } = subject;
          const ticket = await provider.sendNotification({ input: sendInput(contractIds.oscar) });
          await subject.completeVerification(ticket.id, 'success');
          const verified = await provider.getTicket({ id: ticket.id });
          assertEqual(verified.status, 'assigned', 'status after verification');
          assertEqual(verified.notification.delivery, 'sent', 'delivery after verification');
          const chat = await provider.getActiveChat({ contactId: contractIds.oscar });
          assert(chat !== null, 'the contact has an active chat after verification');
          assertEqual(verified.chatId, chat.id, 'the ticket’s chatId is the active chat');
          await assertRejectsWith(
            provider.sendNotification({ input: sendInput(contractIds.oscar) }),
            'ACTIVE_CHAT',
            'a second send while the chat is active',
          );
        });
      });

      it('turns an unverified ticket failed, with a reason in plain words', async () => {
        await writing(async (subject) => {
          if (!subject.completeVerification) return;
          const { provider } = subject;
          const ticket = await provider.sendNotification({ input: sendInput(contractIds.paula) });
          await subject.completeVerification(ticket.id, 'failed');
          const failed = await provider.getTicket({ id: ticket.id });
          assertEqual(failed.status, 'failed', 'status');
          assertEqual(failed.notification.delivery, 'failed', 'delivery');
          assert((failed.notification.failureReason ?? '').length > 0, 'failureReason is set');
          assertEqual(await provider.getActiveChat({ contactId: contractIds.paula }), null, 'active chat after a failure');
          const again = await provider.sendNotification({ input: sendInput(contractIds.paula) });
          assertEqual(again.status, 'verifying', 'a new send after the failed one');
        });
      });
    });

    describe('AbortSignal', () => {
      it('rejects every method with an AbortError when the signal is already aborted', async () => {
        await writing(async ({ provider }) => {
          const context = { signal: aborted() };
          const file = new Blob(['x'], { type: 'image/png' });
          const calls: [string, () => Promise<unknown>][] = [
            ['listContacts', () => provider.listContacts({}, context)],
            ['getContact', () => provider.getContact({ id: contractIds.ana }, context)],
            ['createContact', () => provider.createContact({ input: { name: 'Aborted', phone: '+5561998877665' } }, context)],
            ['listSenders', () => provider.listSenders({}, context)],
            ['listTemplates', () => provider.listTemplates({ senderId: contractIds.supportSender }, context)],
            ['listAgents', () => provider.listAgents({}, context)],
            ['getActiveChat', () => provider.getActiveChat({ contactId: contractIds.hugo }, context)],
            ['sendNotification', () => provider.sendNotification({ input: sendInput(contractIds.oscar) }, context)],
            ['getTicket', () => provider.getTicket({ id: 'contract-ticket-gita-june' }, context)],
            ['listTickets', () => provider.listTickets({ contactId: contractIds.gita }, context)],
            ['listTimeline', () => provider.listTimeline({ contactId: contractIds.gita }, context)],
            ['listChats', () => provider.listChats({ contactId: contractIds.gita }, context)],
          ];
          const uploadMedia = provider.uploadMedia?.bind(provider);
          if (uploadMedia) calls.push(['uploadMedia', () => uploadMedia({ file, purpose: 'avatar' }, context)]);
          for (const [method, call] of calls) await assertAborts(call(), method);
          assertEqual((await provider.listContacts({ search: '61 99887-7665' })).items.length, 0, 'contacts created by an aborted call');
          assertEqual((await provider.listTickets({ contactId: contractIds.oscar })).items.length, 0, 'tickets created by an aborted call');
        });
      });
    });

    describeMessagesContract({
      describe,
      it,
      timeoutMs,
      writing: async (messagesWorld, body) => {
        const subject = await options.createProvider(messagesWorld);
        try {
          const { provider } = subject;
          if (provider.listMessages && provider.sendMessage) {
            await body(provider as Parameters<typeof body>[0]);
          }
        } finally {
          await subject.dispose?.();
        }
      },
    });

    describe('importContacts (run when the provider has it)', () => {
      describeImportContactsContract({ it, writing: (body) => writing(({ provider }) => body(provider)), timeoutMs });
    });

    describe('events (run when the provider has subscribe)', () => {
      it('emits contact.created and ticket.updated with the new objects, and nothing after unsubscribing', async () => {
        await writing(async ({ provider }) => {
          if (!provider.subscribe) return;
          const events: ReachoutEvent[] = [];
          const unsubscribe = provider.subscribe((event) => events.push(event));
          try {
            const contact = await provider.createContact({ input: { name: 'Xavier Event', phone: '+5561998877665' } });
            await waitUntil(
              () => events.some((event) => event.type === 'contact.created' && event.contact.id === contact.id),
              timeoutMs / 2,
              'no contact.created event for the new contact',
            );
            const ticket = await provider.sendNotification({ input: sendInput(contractIds.oscar) });
            await waitUntil(
              () => events.some((event) => event.type === 'ticket.updated' && event.ticket.id === ticket.id),
              timeoutMs / 2,
              'no ticket.updated event for the new ticket',
            );
          } finally {
            unsubscribe();
          }
          const count = events.length;
          await provider.createContact({ input: { name: 'Wendy Quiet', phone: '+61412345678' } });
          await new Promise((resolve) => globalThis.setTimeout(resolve, 50));
          assertEqual(events.length, count, 'events received after unsubscribing');
        });
      });
    });
  });
}
