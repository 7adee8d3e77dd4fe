import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildTemplateMessage, isReachoutError, type SendNotificationInput, type TemplateMessagePayload } from 'reachout/core';
import { type ContractSubject, contractFixtures, type ContractWorld } from 'reachout/testing';
import { eq } from 'drizzle-orm';
import type { ReachoutBackend, TextMessagePayload, WhatsAppGateway } from '../../../server/src/backend';
import { messages } from '../../../server/src/db/schema';
import { createDatabaseBackend, type Database, type DatabaseBackendOptions, openDatabase, resetDatabase, seedWorld } from '../../../server/src/db';

/** Long enough that no simulated step fires during a test unless the test asks for it. */
export const idleSimulatorDelayMs = 10 * 60 * 1000;

/** A backend over `db` holding exactly `world`; closing it leaves the shared database open. */
export async function backendWithWorld(db: Database, world: ContractWorld, options: DatabaseBackendOptions = {}) {
  await resetDatabase(db);
  await seedWorld(db, world);
  return createDatabaseBackend(db, { simulatorDelayMs: idleSimulatorDelayMs, keepDatabaseOpen: true, ...options });
}

/**
 * The contract's `failMessage` on a database backend: waits for the queue to record the
 * message's WhatsApp id, then WhatsApp's `failed` status arrives for it as a webhook would bring it.
 */
export function failMessageThroughStatus(db: Database, backend: ReachoutBackend) {
  return async (messageId: string, reason: string) => {
    let whatsappMessageId: string | null = null;
    await eventually(async () => {
      const [row] = await db.drizzle
        .select({ whatsappMessageId: messages.whatsappMessageId })
        .from(messages)
        .where(eq(messages.id, messageId));
      whatsappMessageId = row?.whatsappMessageId ?? null;
      return whatsappMessageId !== null;
    }, `message ${messageId} to be sent to WhatsApp`);
    await backend.whatsapp.recordStatus({
      messageId: whatsappMessageId!,
      status: 'failed',
      at: new Date().toISOString(),
      error: { code: 131026, title: reason },
    });
  };
}

/** `createProvider` of the contract suite over one shared database. */
export function contractSubjectFactory(getDatabase: () => Database) {
  return async (world: ContractWorld): Promise<ContractSubject> => {
    const db = getDatabase();
    const backend = await backendWithWorld(db, world);
    const simulator = backend.simulator;
    return {
      provider: {
        ...backend.provider,
        subscribe: (listener) => backend.events.subscribe((stored) => listener(stored.event)),
      },
      ...(simulator ? { completeVerification: (ticketId, result) => simulator.completeVerification(ticketId, result) } : {}),
      failMessage: failMessageThroughStatus(db, backend),
      dispose: () => backend.close(),
    };
  };
}

export function worldContact(id: string) {
  const contact = contractFixtures.contacts.find((candidate) => candidate.id === id);
  if (!contact) throw new Error(`contractFixtures has no contact ${id}`);
  return contact;
}

/** A valid send of the world's order template to one of its contacts. */
export function orderSend(contactId: string, key: string, description = 'Backend test send'): SendNotificationInput {
  const contact = worldContact(contactId);
  const template = contractFixtures.templates.find((candidate) => candidate.id === 'contract-template-order');
  if (!template) throw new Error('contractFixtures has no order template');
  const parameters = { body: { '1': contact.name.split(' ')[0] ?? contact.name, '2': '#42' } };
  return {
    idempotencyKey: key,
    contactId,
    senderId: 'contract-sender-support',
    to: contact.phone,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message: buildTemplateMessage({ to: contact.phone, template, parameters }),
    ticket: { priority: 'high', assigneeId: 'contract-agent-grace', description },
  };
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A WhatsApp gateway that records every payload it is handed and answers a message id. */
export function recordingGateway(overrides: Partial<WhatsAppGateway> = {}): {
  gateway: WhatsAppGateway;
  /** The template messages (notifications and chat templates). */
  sent: TemplateMessagePayload[];
  /** The chats' free-form texts. */
  texts: TextMessagePayload[];
} {
  const sent: TemplateMessagePayload[] = [];
  const texts: TextMessagePayload[] = [];
  return {
    sent,
    texts,
    gateway: {
      mode: 'cloud-api',
      send: (message) => {
        if (message.type === 'text') texts.push(structuredClone(message));
        else sent.push(structuredClone(message));
        return Promise.resolve({ messageId: `wamid.recorded-${sent.length + texts.length}` });
      },
      ...overrides,
    },
  };
}

/** 30 sends at once with different keys to one contact: what they answered, and what reached the gateway. */
export async function raceSendsToOneContact(db: Database, contactId: string) {
  const { gateway, sent } = recordingGateway();
  const backend = await backendWithWorld(db, contractFixtures, { gateway });
  try {
    const settled = await Promise.allSettled(
      Array.from({ length: 30 }, (_, index) => backend.provider.sendNotification({ input: orderSend(contactId, `race-key-${String(index).padStart(4, '0')}`) })),
    );
    const tickets = (await backend.provider.listTickets({ contactId })).items;
    const refusals = settled.flatMap((outcome) =>
      outcome.status === 'rejected' && isReachoutError(outcome.reason) ? [`${outcome.reason.code}: ${outcome.reason.message}`] : [],
    );
    return { answered: settled.filter((outcome) => outcome.status === 'fulfilled').length, refusals, tickets, sent };
  } finally {
    await backend.close();
  }
}

/**
 * A send that stopped for good before answering (its server hangs on the template lookup, as one
 * killed there would never go on), then the client's retry with the same key on another backend
 * over the same database: what the retry answered.
 */
export async function retryAfterADeadSend(db: Database, contactId: string, key: string) {
  let reachedTemplates!: () => void;
  const stuck = new Promise<void>((resolve) => (reachedTemplates = resolve));
  const { gateway: stuckGateway } = recordingGateway({
    listTemplates: () => {
      reachedTemplates();
      return new Promise<never>(() => {});
    },
  });
  const dead = await backendWithWorld(db, contractFixtures, { gateway: stuckGateway });
  const { gateway, sent } = recordingGateway();
  const alive = createDatabaseBackend(db, { gateway, keepDatabaseOpen: true });
  try {
    const input = orderSend(contactId, key);
    void dead.provider.sendNotification({ input }).catch(() => {});
    // Everything the dead send will ever do is done once it asks for the templates; a dead server
    // runs no queue worker either.
    await stuck;
    await dead.close();
    const retried = await alive.provider.sendNotification({ input }).then(
      (ticket) => ({ ticket }),
      (error: unknown) => ({ error }),
    );
    return { retried, sent };
  } finally {
    await alive.close();
    await dead.close();
  }
}

const postgresUrl = process.env.REACHOUT_TEST_DATABASE_URL;

/**
 * Declares `body` twice: over an in-memory PGlite database, and over a PostgreSQL database of its
 * own (created and dropped here) when `REACHOUT_TEST_DATABASE_URL` is set.
 */
export function describeOnEachDatabase(title: string, body: (database: () => Database) => void): void {
  describe(`${title} (PGlite)`, () => {
    let db: Database | undefined;
    beforeAll(async () => {
      db = await openDatabase({ kind: 'pglite', dataDir: null });
    });
    afterAll(async () => {
      await db?.close();
    });
    body(() => {
      if (!db) throw new Error('The PGlite database did not open');
      return db;
    });
  });

  describe.skipIf(!postgresUrl)(`${title} (PostgreSQL)`, () => {
    const databaseName = `reachout_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    let db: Database | undefined;
    const admin = async <Result>(work: (client: pg.Client) => Promise<Result>) => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    };
    beforeAll(async () => {
      await admin((client) => client.query(`create database ${databaseName}`));
      const url = new URL(postgresUrl ?? '');
      url.pathname = `/${databaseName}`;
      db = await openDatabase({ kind: 'postgres', url: url.toString() });
    });
    afterAll(async () => {
      await db?.close();
      await admin((client) => client.query(`drop database if exists ${databaseName} with (force)`));
    });
    body(() => {
      if (!db) throw new Error('The PostgreSQL database did not open');
      return db;
    });
  });
}
