import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplateMessage, type Contact, isReachoutError, ReachoutError, type ReachoutErrorCode } from 'reachout/core';
import { contractFixtures } from 'reachout/testing';
import { demoWorld } from '../../../server/src/db/demoData';
import type { ReachoutBackend, StoredEvent } from '../../../server/src/backend';
import {
  createDatabaseBackend,
  type Database,
  openDatabase,
  resetDatabase,
  seedDemoData,
  seedWorld,
} from '../../../server/src/db';
import { contacts, idempotencyKeys, tickets } from '../../../server/src/db/schema';
import { acquireDataDirLock, lockFileFor } from '../../../server/src/lock';
import {
  backendWithWorld,
  eventually,
  orderSend,
  raceSendsToOneContact,
  recordingGateway,
  retryAfterADeadSend,
  worldContact,
} from './helpers';
import { eventsAfter } from '../eventReplay';

const oscar = 'contract-contact-oscar';
const paula = 'contract-contact-paula';
const hugo = 'contract-contact-hugo';

async function rejection(promise: Promise<unknown>): Promise<{ code: ReachoutErrorCode; message: string; fieldErrors?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    if (!isReachoutError(error)) throw error;
    return { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
  }
  throw new Error('Expected a rejection, but the call succeeded');
}

let db: Database;
const backends: ReachoutBackend[] = [];

/** A backend over the shared database holding the contract world plus `extraContacts`. */
async function backendWith(extraContacts: Contact[] = [], options: Parameters<typeof backendWithWorld>[2] = {}) {
  const backend = await backendWithWorld(db, { ...structuredClone(contractFixtures), contacts: [...contractFixtures.contacts, ...extraContacts] }, options);
  backends.push(backend);
  return backend;
}

function contact(id: string, name: string, phone: string, email: string | null = null): Contact {
  return { id, name, email, phone, avatarUrl: null, createdAt: '2025-05-01T10:00:00.000Z' };
}

/** The message id the send queue's worker records once the gateway answered. */
async function messageIdOf(ticketId: string): Promise<string> {
  let messageId: string | null = null;
  await eventually(async () => {
    const [row] = await db.drizzle.select({ messageId: tickets.messageId }).from(tickets).where(eq(tickets.id, ticketId));
    messageId = row?.messageId ?? null;
    return messageId !== null;
  }, `ticket ${ticketId} has a message id`);
  return messageId!;
}

// On disk rather than in memory, so the last test can close and reopen it.
let directory: string | undefined;
let dataDir = '';

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'reachout-db-'));
  dataDir = path.join(directory, 'data');
  db = await openDatabase({ kind: 'pglite', dataDir });
});

afterEach(async () => {
  await Promise.all(backends.splice(0).map((backend) => backend.close()));
});

afterAll(async () => {
  await db?.close();
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('sendNotification idempotency', () => {
  it('makes exactly one ticket for 30 concurrent sends with one key, and answers each the same', async () => {
    const backend = await backendWith();
    const input = orderSend(oscar, 'concurrent-key-0001');
    const answers = await Promise.all(Array.from({ length: 30 }, () => backend.provider.sendNotification({ input: structuredClone(input) })));
    const [rows] = await db.drizzle.select({ count: count() }).from(tickets).where(eq(tickets.contactId, oscar));
    expect(rows?.count).toBe(1);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.status).toBe('verifying');
  });

  it('refuses the key with another body with CONFLICT, and keeps the first ticket', async () => {
    const backend = await backendWith();
    const input = orderSend(oscar, 'reused-key-00001');
    const first = await backend.provider.sendNotification({ input });
    const error = await rejection(backend.provider.sendNotification({ input: orderSend(oscar, 'reused-key-00001', 'Another description') }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/idempotency key was used for a different notification/);
    expect((await backend.provider.listTickets({ contactId: oscar })).items.map((ticket) => ticket.id)).toEqual([first.id]);
  });

  it('releases the key of a refused send, so a retry is judged again', async () => {
    const backend = await backendWith();
    const input = { ...orderSend(hugo, 'refused-key-0001') };
    expect((await rejection(backend.provider.sendNotification({ input }))).code).toBe('ACTIVE_CHAT');
    const keys = await db.drizzle.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'refused-key-0001'));
    expect(keys).toEqual([]);
    expect((await rejection(backend.provider.sendNotification({ input }))).code).toBe('ACTIVE_CHAT');
  });

  it('refuses a send whose number is not the contact’s', async () => {
    const backend = await backendWith();
    const input = { ...orderSend(oscar, 'wrong-number-0001'), to: worldContact(paula).phone };
    const error = await rejection(backend.provider.sendNotification({ input }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors?.to).toContain('+447400123456');
  });
});

describe('what a send hands to WhatsApp', () => {
  it('hands the gateway exactly the payload built from the stored template and parameters, and records its text', async () => {
    const { gateway, sent } = recordingGateway();
    const backend = await backendWith([], { gateway });
    const input = orderSend(oscar, 'built-payload-0001');
    const ticket = await backend.provider.sendNotification({ input });
    const template = contractFixtures.templates.find((candidate) => candidate.id === input.template.id);
    if (!template) throw new Error('contractFixtures lost the order template');
    await eventually(() => Promise.resolve(sent.length > 0), 'the queued send reaches the gateway');
    expect(sent).toEqual([buildTemplateMessage({ to: worldContact(oscar).phone, template, parameters: input.parameters })]);
    expect(ticket.notification).toMatchObject({ templateName: sent[0]?.template.name, body: 'Hi Oscar, your order #42 has shipped.' });
  });

  it('never hands the gateway a tampered message: another template, other text, another number', async () => {
    const { gateway, sent } = recordingGateway();
    const backend = await backendWith([], { gateway });
    const input = orderSend(oscar, 'tampered-0000001');
    const rejected = contractFixtures.templates.find((candidate) => candidate.status !== 'APPROVED');
    if (!rejected) throw new Error('contractFixtures has no template that is not approved');
    const messages = [
      { ...input.message, template: { ...input.message.template, name: rejected.name } },
      { ...input.message, template: { ...input.message.template, components: [{ type: 'body' as const, parameters: [{ type: 'text' as const, text: 'Pay here' }] }] } },
      { ...input.message, to: worldContact(paula).phone },
      { ...input.message, biz_opaque_callback_data: 'added' },
    ];
    const errors = [];
    for (const [index, message] of messages.entries()) {
      errors.push(await rejection(backend.provider.sendNotification({ input: { ...input, idempotencyKey: `tampered-000001${index}`, message } })));
    }
    expect(errors.map((error) => error.code)).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
    expect(errors[0]?.message).toContain(`message.template.name is "${rejected.name}", expected "contract_order_update"`);
    expect(errors[1]?.message).toContain('message.template.components[0].parameters[0].text is "Pay here"');
    expect(errors[2]?.message).toContain('message.to');
    expect(errors[3]?.message).toContain('message.biz_opaque_callback_data is "added", expected nothing there');
    expect(errors[0]?.fieldErrors).toEqual({ message: 'Differs from the template and parameters at message.template.name' });
    expect(sent).toEqual([]);
    expect((await backend.provider.listTickets({ contactId: oscar })).items).toEqual([]);
  });
});

describe('sends racing to one contact, and sends cut short', () => {
  it('makes one ticket and one WhatsApp message for 30 concurrent sends with different keys to one contact', async () => {
    const { answered, refusals, tickets: made, sent } = await raceSendsToOneContact(db, oscar);
    expect({ answered, tickets: made.length, sent: sent.length }).toEqual({ answered: 1, tickets: 1, sent: 1 });
    expect(refusals).toHaveLength(29);
    for (const refusal of refusals) expect(refusal).toMatch(/^ACTIVE_CHAT: A notification to Oscar Wilde is being verified/);
  });

  it('lets the retry of a send that died before answering succeed at once, and sends it once', async () => {
    const { retried, sent } = await retryAfterADeadSend(db, oscar, 'dead-send-key-0001');
    expect(retried).toMatchObject({ ticket: { contactId: oscar, status: 'verifying' } });
    expect(sent).toHaveLength(1);
  }, 30_000);

  it('retries a send WhatsApp could not take, and a restarted server sends it once and stores its id', async () => {
    let refused = 0;
    const { gateway: unreachable } = recordingGateway({
      send: () => {
        refused++;
        return Promise.reject(new ReachoutError('NETWORK', 'The WhatsApp Cloud API is unavailable'));
      },
    });
    const first = await backendWith([], { gateway: unreachable });
    const ticket = await first.provider.sendNotification({ input: orderSend(oscar, 'retried-send-0001') });
    await eventually(() => Promise.resolve(refused === 1), 'the first try reached the gateway');
    await first.close();
    const { gateway: working, sent } = recordingGateway();
    const restarted = createDatabaseBackend(db, { gateway: working, keepDatabaseOpen: true });
    backends.push(restarted);
    expect(await messageIdOf(ticket.id)).toBe('wamid.recorded-1');
    expect(sent).toHaveLength(1);
    expect((await restarted.provider.getTicket({ id: ticket.id })).status).toBe('verifying');
  }, 30_000);

  it('takes over a key claimed without an answer by an older server that crashed', async () => {
    const backend = await backendWith();
    const input = orderSend(oscar, 'legacy-claim-0001');
    await db.drizzle.insert(idempotencyKeys).values({ scope: 'sendNotification', key: input.idempotencyKey, requestHash: 'whatever it was' });
    const ticket = await backend.provider.sendNotification({ input });
    const keys = await db.drizzle.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, input.idempotencyKey));
    expect(keys.map((key) => key.ticketId)).toEqual([ticket.id]);
  }, 30_000);
});

describe('listContacts', () => {
  const special = [
    contact('special-percent', '100% Juice', '+5511912340001'),
    contact('special-underscore', 'snake_case Sam', '+5511912340002'),
    contact('special-quote', "Liam O'Brien", '+5511912340003'),
    contact('special-backslash', 'Back\\slash Bob', '+5511912340004'),
    contact('special-plain', 'Axb Plain', '+5511912340005', 'axb@example.com'),
  ];

  it('takes %, _, \' and \\ in a search literally', async () => {
    const backend = await backendWith(special);
    const idsFor = async (search: string) => (await backend.provider.listContacts({ search })).items.map((item) => item.id);
    expect(await idsFor('%')).toEqual(['special-percent']);
    expect(await idsFor('0% j')).toEqual(['special-percent']);
    expect(await idsFor('e_c')).toEqual(['special-underscore']);
    expect(await idsFor('a_b')).toEqual([]);
    expect(await idsFor("o'brien")).toEqual(['special-quote']);
    expect(await idsFor('\\')).toEqual(['special-backslash']);
    expect(await idsFor("'; drop table contacts; --")).toEqual([]);
    expect((await backend.provider.listContacts({})).total).toBe(contractFixtures.contacts.length + special.length);
  });

  it('finds a phone however its digits are typed, and a query without digits matches no phone', async () => {
    const backend = await backendWith();
    const idsFor = async (search: string) => (await backend.provider.listContacts({ search })).items.map((item) => item.id);
    for (const typed of ['+44 7400 123456', '44-7400-123456', '(07400) 123 456', '0044 7400 123456', '7400.123']) {
      expect(await idsFor(typed), typed).toEqual([oscar]);
    }
    expect(await idsFor('(-)')).toEqual([]);
    expect(await idsFor('+')).toEqual([]);
    // Folded like the memory provider: no accent needed.
    expect(await idsFor('hernandez')).toEqual(['contract-contact-felipe']);
  });

  it('pages through many equal names completely, without duplicates, by id within a name', async () => {
    const twins = Array.from({ length: 23 }, (_, index) =>
      contact(`twin-${String(index).padStart(2, '0')}`, 'Sam Same', `+55119555${String(index).padStart(5, '0')}`),
    );
    const backend = await backendWith(twins.toReversed());
    for (const search of [undefined, 'sam same']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof backend.provider.listContacts>> = await backend.provider.listContacts({
          ...(search ? { search } : {}),
          cursor,
          limit: 4,
        });
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      const expected = search
        ? twins.map((twin) => twin.id)
        : [...contractFixtures.contacts, ...twins]
            .sort((left, right) => left.name.localeCompare(right.name, 'en') || (left.id < right.id ? -1 : 1))
            .map((item) => item.id);
      expect(seen).toEqual(expected);
    }
  });

  it('pages a search alike whether its matches are dense in the name order or sparse, counting only the sparse', async () => {
    // 400 members; every 37th has a "rare" email and every 50th "qz" in it: far apart in the name
    // order, so their pages come from collecting all matches, while "member" fills its pages from
    // the first stretch of the order.
    const members = Array.from({ length: 400 }, (_, index) => {
      const number = String(index).padStart(3, '0');
      const email = index % 37 === 0 ? `rare.${number}@example.com` : index % 50 === 0 ? `qz${number}@example.com` : null;
      return contact(`member-${number}`, `Member ${number}`, `+55119444${number.padStart(5, '0')}`, email);
    });
    const backend = await backendWith(members.toReversed());
    const pagesOf = async (search: string) => {
      const pages: Array<{ ids: string[]; total: number | undefined }> = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof backend.provider.listContacts>> = await backend.provider.listContacts({ search, cursor, limit: 3 });
        pages.push({ ids: page.items.map((item) => item.id), total: page.total });
        cursor = page.nextCursor;
      } while (cursor !== null);
      return pages;
    };
    const expectedIds = (keep: (index: number) => boolean) => members.filter((_, index) => keep(index)).map((member) => member.id);

    const rare = await pagesOf('rare.');
    expect(rare.flatMap((page) => page.ids)).toEqual(expectedIds((index) => index % 37 === 0));
    expect(rare.map((page) => page.total)).toEqual([11, undefined, undefined, undefined]);

    const twoLetters = await pagesOf('qz');
    expect(twoLetters.flatMap((page) => page.ids)).toEqual(expectedIds((index) => index % 50 === 0 && index % 37 !== 0));
    expect(twoLetters[0]?.total).toBe(7);

    const everyone = await pagesOf('member');
    expect(everyone.flatMap((page) => page.ids)).toEqual(expectedIds(() => true));
    expect(everyone[0]?.total).toBeUndefined();
    // The last page of a broad search is collected like a sparse one; only a first page has a total.
    expect(everyone.slice(1).every((page) => page.total === undefined)).toBe(true);
  });

  it('refuses a limit over 100 and a cursor it did not issue with VALIDATION on the field', async () => {
    const backend = await backendWith();
    const tooMany = await rejection(backend.provider.listContacts({ limit: 101 }));
    expect(tooMany.code).toBe('VALIDATION');
    expect(tooMany.fieldErrors?.limit).toBeDefined();
    for (const cursor of ['garbage!', 'eyJsaXN0IjoiY29udGFjdHMifQ', Buffer.from('{"list":"contacts","position":[1,2,3]}').toString('base64url')]) {
      const bad = await rejection(backend.provider.listContacts({ cursor }));
      expect(bad.code, cursor).toBe('VALIDATION');
      expect(bad.fieldErrors?.cursor, cursor).toBeDefined();
    }
    const ticketsCursor = (await backend.provider.listTickets({ contactId: 'contract-contact-gita', limit: 1 })).nextCursor;
    expect(ticketsCursor).not.toBeNull();
    expect((await rejection(backend.provider.listContacts({ cursor: ticketsCursor }))).code).toBe('VALIDATION');
  });
});

describe('events', () => {
  it('stores every change with increasing ids, reads them back with since(), and delivers them live', async () => {
    const backend = await backendWith();
    const live: StoredEvent[] = [];
    const unsubscribe = backend.events.subscribe((stored) => live.push(stored));
    const created = await backend.provider.createContact({ input: { name: 'Eve Events', phone: '+5561998877665' } });
    const all = await eventsAfter(backend, '0');
    expect(all.map((stored) => stored.event.type)).toEqual(['contact.created', 'timeline.added']);
    expect(all[0]?.event).toEqual({ type: 'contact.created', contact: created });
    expect(live).toEqual(all);
    const firstId = Number(all[0]?.id);
    expect(Number(all[1]?.id)).toBeGreaterThan(firstId);

    await backend.provider.sendNotification({ input: orderSend(oscar, 'events-key-00001') });
    const later = await eventsAfter(backend, all[1]?.id ?? '');
    expect(later.map((stored) => stored.event.type)).toEqual(['ticket.updated', 'timeline.added']);
    expect(later.every((stored) => Number(stored.id) > Number(all[1]?.id))).toBe(true);
    unsubscribe();
    expect((await rejection(backend.events.since('abc', { limit: 10 }))).code).toBe('VALIDATION');
  });
});

describe('WhatsApp statuses and replies', () => {
  it('moves delivery forward only, verifying the ticket at the first success', async () => {
    const backend = await backendWith();
    const ticket = await backend.provider.sendNotification({ input: orderSend(oscar, 'status-key-00001') });
    const messageId = await messageIdOf(ticket.id);
    expect(messageId).toMatch(/^wamid\.SIM/);
    const at = new Date().toISOString();

    await backend.whatsapp.recordStatus({ messageId, status: 'delivered', at });
    const delivered = await backend.provider.getTicket({ id: ticket.id });
    expect(delivered.status).toBe('assigned');
    expect(delivered.notification.delivery).toBe('delivered');
    const chat = await backend.provider.getActiveChat({ contactId: oscar });
    expect(delivered.chatId).toBe(chat?.id);

    await backend.whatsapp.recordStatus({ messageId, status: 'sent', at });
    await backend.whatsapp.recordStatus({ messageId, status: 'failed', at, error: { code: 131026, title: 'Message undeliverable' } });
    expect((await backend.provider.getTicket({ id: ticket.id })).notification.delivery).toBe('delivered');

    await backend.whatsapp.recordStatus({ messageId, status: 'read', at });
    expect((await backend.provider.getTicket({ id: ticket.id })).notification.delivery).toBe('read');
    const types = (await backend.provider.listTimeline({ contactId: oscar })).items.map((event) => event.type).toReversed();
    expect(types).toEqual(['notification.sent', 'notification.verified', 'ticket.assigned', 'notification.delivered', 'notification.read']);

    await expect(backend.whatsapp.recordStatus({ messageId: 'wamid.unknown', status: 'read', at })).resolves.toBeUndefined();
  });

  it('fails an unreachable number with the reason in plain words, and stays failed', async () => {
    const backend = await backendWith();
    const ticket = await backend.provider.sendNotification({ input: orderSend(paula, 'status-key-00002') });
    const messageId = await messageIdOf(ticket.id);
    const at = new Date().toISOString();
    await backend.whatsapp.recordStatus({ messageId, status: 'failed', at, error: { code: 131026, title: 'Message undeliverable' } });
    await backend.whatsapp.recordStatus({ messageId, status: 'sent', at });
    const failed = await backend.provider.getTicket({ id: ticket.id });
    expect(failed.status).toBe('failed');
    expect(failed.notification.delivery).toBe('failed');
    expect(failed.notification.failureReason).toMatch(/undeliverable.*131026/);
    expect(await backend.provider.getActiveChat({ contactId: paula })).toBeNull();
    expect((await rejection(backend.simulator?.completeVerification(ticket.id, 'success') ?? Promise.resolve())).code).toBe('CONFLICT');
  });

  it('records a reply on the active chat, opens a chat when there is none, and ignores strangers', async () => {
    const backend = await backendWith();
    const at = '2026-11-25T08:00:00.000Z';
    await backend.whatsapp.recordInbound({ from: '33612345678', text: 'Any news?', at });
    const hugoChat = await backend.provider.getActiveChat({ contactId: hugo });
    expect(hugoChat).toMatchObject({ id: 'contract-chat-hugo', lastInboundAt: at });

    await backend.whatsapp.recordInbound({ from: '+447400123456', text: 'Hello there', at });
    const oscarChat = await backend.provider.getActiveChat({ contactId: oscar });
    expect(oscarChat).toMatchObject({ status: 'open', lastInboundAt: at, assignee: null, senderId: 'contract-sender-support' });
    const [reply] = (await backend.provider.listTimeline({ contactId: oscar })).items;
    expect(reply).toMatchObject({ type: 'customer.replied', text: 'Hello there', at });

    const before = await eventsAfter(backend, '0');
    await expect(backend.whatsapp.recordInbound({ from: '+19995550100', text: 'Who is this?', at })).resolves.toBeUndefined();
    expect(await eventsAfter(backend, '0')).toEqual(before);
    expect(before.filter((stored) => stored.event.type === 'chat.updated')).toHaveLength(2);
  });

  it('runs the simulator on its own: sent, delivered and read for a reachable number, failed for …0000', async () => {
    const backend = await backendWith([], { simulatorDelayMs: 10 });
    const reachable = await backend.provider.sendNotification({ input: orderSend(oscar, 'simulated-key-001') });
    const unreachable = await backend.provider.sendNotification({ input: orderSend(paula, 'simulated-key-002') });
    await eventually(
      async () => (await backend.provider.getTicket({ id: reachable.id })).notification.delivery === 'read',
      'the reachable notification is read',
    );
    await eventually(
      async () => (await backend.provider.getTicket({ id: unreachable.id })).status === 'failed',
      'the unreachable notification failed',
    );
  });
});

describe('media', () => {
  it('stores bytes and answers them by id, and null for an unknown id', async () => {
    const backend = await backendWith();
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const { id } = await backend.media.put({ bytes, contentType: 'image/png', filename: 'dot.png' }, 'avatar');
    expect(await backend.media.get(id)).toEqual({ bytes, contentType: 'image/png', filename: 'dot.png' });
    expect(await backend.media.get('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await backend.media.get('not-a-uuid')).toBeNull();
  });
});

describe('demo data', () => {
  it('seeds the demo world and generated contacts once, and does nothing the second time', async () => {
    await resetDatabase(db);
    await seedDemoData(db, { contacts: 200 });
    const [first] = await db.drizzle.select({ count: count() }).from(contacts);
    expect(first?.count).toBe(demoWorld.contacts.length + 200);
    await seedDemoData(db, { contacts: 200 });
    const [second] = await db.drizzle.select({ count: count() }).from(contacts);
    expect(second?.count).toBe(first?.count);
  });
});

describe('a PGlite data directory', () => {
  it('keeps data, event ids and pending simulated steps across close and reopen', async () => {
    expect(JSON.parse(readFileSync(lockFileFor(dataDir), 'utf8'))).toMatchObject({ pid: process.pid });
    await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toThrow(
      `${dataDir} is already open in this process (lock ${dataDir}.lock): close the database on it before opening it again.`,
    );
    await resetDatabase(db);
    await seedWorld(db, contractFixtures);
    // A step's delay is fixed when it is scheduled (a delayed job): due after the reopen below.
    const before = createDatabaseBackend(db, { simulatorDelayMs: 1000 });
    const created = await before.provider.createContact({ input: { name: 'Pat Persistent', phone: '+5561998877665' } });
    const ticket = await before.provider.sendNotification({ input: orderSend(oscar, 'persist-key-0001') });
    const lastId = (await eventsAfter(before, '0')).at(-1)?.id ?? '0';
    await before.close();
    expect(existsSync(lockFileFor(dataDir))).toBe(false);

    db = await openDatabase({ kind: 'pglite', dataDir });
    const after = createDatabaseBackend(db, { simulatorDelayMs: 10, keepDatabaseOpen: true });
    try {
      expect(await after.provider.getContact({ id: created.id })).toEqual(created);
      // The verification left pending at close runs once a backend starts again.
      await eventually(
        async () => (await after.provider.getTicket({ id: ticket.id })).status === 'assigned',
        'the pending verification completes after the restart',
      );
      const newer = await eventsAfter(after, lastId);
      expect(newer.length).toBeGreaterThan(0);
      expect(Number(newer[0]?.id)).toBe(Number(lastId) + 1);
    } finally {
      await after.close();
    }
  }, 60_000);

  it('opens over a lock with our pid left by a crashed predecessor (a restarted container)', async () => {
    await db.close();
    writeFileSync(
      lockFileFor(dataDir),
      JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), id: 'crashed-predecessor' }),
    );

    db = await openDatabase({ kind: 'pglite', dataDir });

    const lock = JSON.parse(readFileSync(lockFileFor(dataDir), 'utf8')) as { pid: number; id: string };
    expect(lock.pid).toBe(process.pid);
    expect(lock.id).not.toBe('crashed-predecessor');
    await db.close();
    expect(existsSync(lockFileFor(dataDir))).toBe(false);
  }, 60_000);

  it('uses a lock its caller holds, refuses a second open of the directory, and leaves the lock to the caller on close', async () => {
    await db.close();
    const lock = acquireDataDirLock(dataDir);
    try {
      await expect(openDatabase({ kind: 'pglite', dataDir: `${dataDir}-other` }, { lock })).rejects.toThrow(
        `openDatabase: the lock ${dataDir}.lock is not the lock of ${dataDir}-other`,
      );
      await expect(openDatabase({ kind: 'pglite', dataDir: null }, { lock })).rejects.toThrow('in-memory');

      db = await openDatabase({ kind: 'pglite', dataDir }, { lock });
      const alreadyOpen = `${dataDir} is already open in this process (lock ${dataDir}.lock)`;
      await expect(openDatabase({ kind: 'pglite', dataDir }, { lock })).rejects.toThrow(alreadyOpen);
      await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toThrow(alreadyOpen);
      const [counted] = await db.drizzle.select({ count: count() }).from(contacts);
      expect(counted?.count).toBeGreaterThan(0);

      await db.close();
      expect(lock.held).toBe(true);
      expect(JSON.parse(readFileSync(lockFileFor(dataDir), 'utf8'))).toMatchObject({ id: lock.owner.id });
    } finally {
      lock.release();
    }
    await expect(openDatabase({ kind: 'pglite', dataDir }, { lock })).rejects.toThrow(`the lock ${dataDir}.lock was already released`);
  }, 60_000);
});
