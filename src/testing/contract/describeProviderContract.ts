import type { ReachoutDataProvider } from '../../core/provider';
import {
  agentSchema,
  chatSchema,
  senderSchema,
  ticketSchema,
  timelineEventSchema,
} from '../../core/schemas';
import type { ReachoutEvent } from '../../core/types';
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
import { contractIds, type ContractWorld } from './contractFixtures';
import { describeCampaignsContract } from './describeCampaignsContract';
import { describeMessagesContract } from './describeMessagesContract';
import {
  aborted,
  assertNoDuplicates,
  type ContractSuite,
  idsOf,
  sendInput,
  walkPages,
  world,
} from './contractHelpers';
import { describeContactsContract } from './describeContactsContract';
import { describeImportContactsContract } from './importContactsContract';
import { describeSendingContract } from './describeSendingContract';

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
  /**
   * Moves the backend's campaigns on without waiting (the memory provider's
   * `control.advanceCampaigns`). Without it, the campaign cases wait for the backend's own queue.
   */
  advanceCampaigns?: () => void | Promise<void>;
  /**
   * Fails an accepted outbound message (`status: 'failed'` with the reason), when the backend can
   * simulate WhatsApp's failed status webhook. Without it, the case of retrying a failed message
   * is skipped.
   */
  failMessage?: (messageId: string, reason: string) => void | Promise<void>;
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
  const suite: ContractSuite = { describe, it, reading, writing, timeoutMs };

  describe(`${name} (Reachout provider contract)`, () => {
    afterAll?.(async () => {
      if (shared) await (await shared).dispose?.();
    });

    describeContactsContract(suite);

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

    describeSendingContract(suite);

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
            await body(provider as Parameters<typeof body>[0], subject);
          }
        } finally {
          await subject.dispose?.();
        }
      },
    });

    describe('campaigns (run when the provider has the campaign methods)', () => {
      describeCampaignsContract({
        it,
        writing: (body) => writing(({ provider, advanceCampaigns }) => body(provider, advanceCampaigns)),
        timeoutMs,
      });
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
