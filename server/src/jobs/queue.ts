import { fromPglite, PgBoss } from 'pg-boss';
import type { PgliteInWorker } from '../db/pgliteInWorker';
import { dispatchNotificationQueue, dispatchNotificationQueueOptions } from './dispatchNotification';

/** The queues the server creates at start, with their retry and expiry defaults. */
const queues = [{ name: dispatchNotificationQueue, options: dispatchNotificationQueueOptions }];

/** An id no job has: reading it fills pg-boss's queue cache (see `startQueue`). */
const noJobId = '00000000-0000-0000-0000-000000000000';

/** Where pg-boss keeps its connection: its own pool on PostgreSQL, the one PGlite connection otherwise. */
export type QueueConnection = { kind: 'postgres'; url: string } | { kind: 'pglite'; client: PgliteInWorker };

/**
 * Starts pg-boss on the server's database: it creates or migrates its own schema (`pgboss`), then
 * the server's queues. On PostgreSQL it pools its own connections from the URL, so several server
 * processes share one queue (`SKIP LOCKED`); on PGlite it runs on the worker thread's connection,
 * the same one the tables are on.
 *
 * @example
 * const queue = await startQueue({ kind: 'postgres', url: process.env.DATABASE_URL });
 */
export async function startQueue(connection: QueueConnection, log: (line: string) => void = console.error): Promise<PgBoss> {
  const boss =
    connection.kind === 'postgres'
      ? new PgBoss({ connectionString: connection.url, max: 4, schedule: false })
      : new PgBoss({ db: fromPglite(connection.client), backend: 'pglite', schedule: false });
  // Without a listener an 'error' event (a failed maintenance pass, a lost connection) would throw.
  boss.on('error', (error: Error) => log(`Job queue error: ${error.message}`));
  await boss.start();
  try {
    for (const queue of queues) {
      if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue.options);
    }
    // A send inside a server transaction must not make pg-boss read its queue list on its own
    // connection: on PGlite that read would wait for the transaction, which waits for the send.
    for (const queue of queues) await boss.getJobById(queue.name, noJobId);
  } catch (error) {
    await boss.stop({ graceful: false, close: true });
    throw error;
  }
  return boss;
}

/** Stops the queue: running jobs get up to `timeoutMs` to finish, then pg-boss closes its pool. */
export async function stopQueue(boss: PgBoss, timeoutMs = 10_000): Promise<void> {
  await boss.stop({ graceful: true, close: true, timeout: timeoutMs });
}
