import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { describeProviderContract } from 'reachout/testing';
import { type Database, openDatabase } from '../../../server/src/db';
import { backendWithWorld } from '../db/helpers';
import { serveOverHttp } from './serveOverHttp';

/** `createProvider` of the contract suite: the database backend behind HTTP, one shared database. */
function restSubjectFactory(getDatabase: () => Database) {
  return async (world: Parameters<typeof backendWithWorld>[1]) => {
    const backend = await backendWithWorld(getDatabase(), world);
    return serveOverHttp(backend, () => backend.close());
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
