import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReachoutError } from 'reachout/core';
import { contractFixtures, describeProviderContract } from 'reachout/testing';
import { type Database, openDatabase } from '../../../server/src/db';
import { backendWithWorld, failMessageThroughStatus, orderSend } from '../db/helpers';
import { serveOverHttp } from './serveOverHttp';

/** `createProvider` of the contract suite: the database backend behind HTTP, one shared database. */
function restSubjectFactory(getDatabase: () => Database) {
  return async (world: Parameters<typeof backendWithWorld>[1]) => {
    const db = getDatabase();
    const backend = await backendWithWorld(db, world);
    return serveOverHttp(backend, () => backend.close(), { failMessage: failMessageThroughStatus(db, backend) });
  };
}

describe('createRestProvider + reference server on PGlite', () => {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
  });
  afterAll(async () => {
    await db?.close();
  });

  describeProviderContract('REST over PGlite', {
    test: { describe, it, afterAll },
    createProvider: restSubjectFactory(() => {
      if (!db) throw new Error('The PGlite database did not open');
      return db;
    }),
  });

  describe('one idempotency key over HTTP', () => {
    const subject = () => restSubjectFactory(() => {
      if (!db) throw new Error('The PGlite database did not open');
      return db;
    })(contractFixtures);

    it('makes exactly one ticket for 30 concurrent sends and answers each with it', async () => {
      const { provider, dispose } = await subject();
      try {
        const input = orderSend('contract-contact-oscar', 'rest-concurrent-0001');
        const answers = await Promise.all(Array.from({ length: 30 }, () => provider.sendNotification({ input })));
        expect(new Set(answers.map((ticket) => ticket.id)).size).toBe(1);
        const page = await provider.listTickets({ contactId: 'contract-contact-oscar', limit: 100 });
        expect(page.items.filter((ticket) => ticket.id === answers[0]?.id)).toHaveLength(1);
        const before = contractFixtures.tickets.filter((ticket) => ticket.contactId === 'contract-contact-oscar').length;
        expect(page.items).toHaveLength(before + 1);
      } finally {
        await dispose?.();
      }
    });

    it('refuses the key with another body as CONFLICT, and keeps the first ticket', async () => {
      const { provider, dispose } = await subject();
      try {
        const first = await provider.sendNotification({ input: orderSend('contract-contact-oscar', 'rest-reused-0001') });
        const error = await provider
          .sendNotification({ input: orderSend('contract-contact-oscar', 'rest-reused-0001', 'Another description') })
          .then(() => null, (rejection: unknown) => rejection);
        expect(isReachoutError(error) && error.code).toBe('CONFLICT');
        expect((await provider.getTicket({ id: first.id })).description).toBe(first.description);
      } finally {
        await dispose?.();
      }
    });
  });
});

const postgresUrl = process.env.REACHOUT_TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)('createRestProvider + reference server on PostgreSQL (REACHOUT_TEST_DATABASE_URL)', () => {
  const databaseName = `reachout_rest_${process.pid}_${Date.now()}`;
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

  describeProviderContract('REST over PostgreSQL', {
    test: { describe, it, afterAll },
    createProvider: restSubjectFactory(() => {
      if (!db) throw new Error('The PostgreSQL database did not open');
      return db;
    }),
  });
});
