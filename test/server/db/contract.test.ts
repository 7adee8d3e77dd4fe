import { count } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractFixtures, describeProviderContract } from 'reachout/testing';
import { type Database, openDatabase } from '../../../server/src/db';
import { tickets } from '../../../server/src/db/schema';
import { backendWithWorld, contractSubjectFactory, orderSend, raceSendsToOneContact, retryAfterADeadSend } from './helpers';
import { eventsAfter } from '../eventReplay';

describe('database backend on PGlite', () => {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
  });
  afterAll(async () => {
    await db?.close();
  });

  describeProviderContract('database backend (PGlite)', {
    test: { describe, it, afterAll },
    createProvider: contractSubjectFactory(() => {
      if (!db) throw new Error('The PGlite database did not open');
      return db;
    }),
  });
});

const postgresUrl = process.env.REACHOUT_TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)('database backend on PostgreSQL (REACHOUT_TEST_DATABASE_URL)', () => {
  // A database of our own, dropped at the end, so the tests never touch existing data.
  const databaseName = `reachout_test_${process.pid}_${Date.now()}`;
  let db: Database | undefined;
  const admin = () => new pg.Client({ connectionString: postgresUrl });

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`create database ${databaseName}`);
    await client.end();
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${databaseName}`;
    db = await openDatabase({ kind: 'postgres', url: url.toString() });
  });
  afterAll(async () => {
    await db?.close();
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${databaseName} with (force)`);
    await client.end();
  });

  const database = () => {
    if (!db) throw new Error('The PostgreSQL database did not open');
    return db;
  };

  describeProviderContract('database backend (PostgreSQL)', {
    test: { describe, it, afterAll },
    createProvider: contractSubjectFactory(database),
  });

  // What only a server with real concurrent connections and its own types can get wrong.
  describe('PostgreSQL specifics', () => {
    it('makes one ticket for 30 concurrent sends with one key over a connection pool', async () => {
      const backend = await backendWithWorld(database(), contractFixtures);
      try {
        const input = orderSend('contract-contact-oscar', 'postgres-concurrent-0001');
        const answers = await Promise.all(Array.from({ length: 30 }, () => backend.provider.sendNotification({ input })));
        expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
        const [row] = await database().drizzle.select({ count: count() }).from(tickets);
        expect(row?.count).toBe(contractFixtures.tickets.length + 1);
      } finally {
        await backend.close();
      }
    });

    it('makes one ticket and one WhatsApp message for 30 concurrent sends with different keys to one contact over a pool', async () => {
      const { answered, refusals, tickets: made, sent } = await raceSendsToOneContact(database(), 'contract-contact-oscar');
      expect({ answered, tickets: made.length, sent: sent.length }).toEqual({ answered: 1, tickets: 1, sent: 1 });
      expect(refusals).toHaveLength(29);
      for (const refusal of refusals) expect(refusal).toMatch(/^ACTIVE_CHAT: A notification to Oscar Wilde is being verified/);
    });

    it('lets the retry of a send that died before answering succeed at once on another backend', async () => {
      const { retried, sent } = await retryAfterADeadSend(database(), 'contract-contact-oscar', 'postgres-dead-send-0001');
      expect(retried).toMatchObject({ ticket: { contactId: 'contract-contact-oscar', status: 'verifying' } });
      expect(sent).toHaveLength(1);
    }, 30_000);

    it('stores media bytes and reads events back by their bigint ids', async () => {
      const backend = await backendWithWorld(database(), contractFixtures);
      try {
        const bytes = new Uint8Array([0, 127, 128, 255]);
        const { id } = await backend.media.put({ bytes, contentType: 'application/octet-stream' }, 'template-header');
        expect(await backend.media.get(id)).toEqual({ bytes, contentType: 'application/octet-stream' });
        await backend.provider.createContact({ input: { name: 'Pia Postgres', phone: '+5561998877665' } });
        const stored = await eventsAfter(backend, '0');
        expect(stored.map((item) => item.id)).toEqual(['1', '2']);
        expect(await eventsAfter(backend, '1')).toEqual(stored.slice(1));
      } finally {
        await backend.close();
      }
    });
  });
});
