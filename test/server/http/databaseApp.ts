import { sql } from 'drizzle-orm';
import { contractFixtures } from 'reachout/testing';
import type { Database } from '../../../server/src/db';
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
