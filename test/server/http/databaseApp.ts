import { sql } from 'drizzle-orm';
import pg from 'pg';
import { contractFixtures } from 'reachout/testing';
import { type Database, openDatabase } from '../../../server/src/db';
import { createApp } from '../../../server/src/http/app';
import { backendWithWorld } from '../db/helpers';
import { origin, token } from './helpers';

/** Every table a request can write to. */
const storedTables = [
  'contacts',
  'senders',
  'templates',
  'agents',
  'chats',
  'tickets',
  'timeline_events',
  'events',
  'media',
  'idempotency_keys',
] as const;

export type RowCounts = Record<(typeof storedTables)[number], number>;

/** How many rows each table holds: a refused request must leave every count as it was. */
export async function rowCounts(db: Database): Promise<RowCounts> {
  const selects = storedTables.map((table) => `(select count(*) from ${table})::int as "${table}"`).join(', ');
  // Both drivers answer `{ rows }`; drizzle types the result per driver.
  const result = (await db.drizzle.execute(sql.raw(`select ${selects}`))) as unknown as { rows: RowCounts[] };
  const counts = result.rows[0];
  if (!counts) throw new Error('The row count query answered no row');
  return counts;
}

/**
 * The reference server's app over the database backend holding `contractFixtures` (simulator
 * mode), with the request helpers of `createTestApp`.
 */
export async function createDatabaseTestApp(db: Database) {
  const backend = await backendWithWorld(db, contractFixtures);
  const app = createApp({ backend, token });
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
    return app.request(origin + path, { ...init, headers });
  };
  const postJsonText = (path: string, text: string, headers: Record<string, string> = {}) =>
    request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: text });
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    postJsonText(path, JSON.stringify(body), headers);
  return { app, backend, request, postJson, postJsonText, close: () => backend.close() };
}

export interface TestDatabaseTarget {
  name: string;
  /** Opens a database of the target's own; `close` drops what it made. */
  open(): Promise<{ db: Database; close: () => Promise<void> }>;
}

/** PGlite in memory, and PostgreSQL when `REACHOUT_TEST_DATABASE_URL` is set. */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [
    {
      name: 'PGlite',
      open: async () => {
        const db = await openDatabase({ kind: 'pglite', dataDir: null });
        return { db, close: () => db.close() };
      },
    },
  ];
  const postgresUrl = process.env.REACHOUT_TEST_DATABASE_URL;
  if (postgresUrl) {
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    targets.push({
      name: 'PostgreSQL',
      open: async () => {
        // A database of our own, dropped at the end, so the tests never touch existing data.
        const databaseName = `reachout_http_${process.pid}_${Date.now()}`;
        await admin(`create database ${databaseName}`);
        const url = new URL(postgresUrl);
        url.pathname = `/${databaseName}`;
        const db = await openDatabase({ kind: 'postgres', url: url.toString() });
        return {
          db,
          close: async () => {
            await db.close();
            await admin(`drop database if exists ${databaseName} with (force)`);
          },
        };
      },
    });
  }
  return targets;
}
