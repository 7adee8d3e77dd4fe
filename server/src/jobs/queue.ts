import { fromPglite, PgBoss } from 'pg-boss';
import type { PgliteInWorker } from '../db/pgliteInWorker';
import {
  dispatchNotificationQueue,
  dispatchNotificationQueueOptions,
  undeliveredNotificationQueue,
} from './dispatchNotification';
import { sendMessageQueue, sendMessageQueueOptions, undeliveredMessageQueue } from './sendMessage';

/** The simulator's delayed steps (verifying → sent → delivered → read), run by any server on the database. */
export const simulatorStepQueue = 'simulator-step';

/** An id no job has: reading it fills pg-boss's queue cache (see `startQueue`). */
const noJobId = '00000000-0000-0000-0000-000000000000';

/** Where pg-boss keeps its connection: its own pool on PostgreSQL, the one PGlite connection otherwise. */
export type QueueConnection = { kind: 'postgres'; url: string } | { kind: 'pglite'; client: PgliteInWorker };

/** How the queue finds the jobs of a server that died. */
export interface QueueSettings {
  /**
   * How long a send job may run before it counts as lost (its server died, or the call hangs)
   * and is tried again. Longer than any WhatsApp call, which times out well before.
   * @default 120
   */
  jobExpireSeconds?: number;
  /**
   * How often pg-boss looks for lost (expired) jobs and moves them back to the queue.
   * @default 60
   */
  superviseIntervalSeconds?: number;
  /**
   * Tries of a send after its first, with backoff (1 s, 2 s, 4 s... at most 5 min apart); after
   * the last one its ticket fails.
   * @default 12
   */
  dispatchRetryLimit?: number;
}

export const defaultJobExpireSeconds = 120;
export const defaultSuperviseIntervalSeconds = 60;

/**
 * Starts pg-boss on the server's database: it creates or migrates its own schema (`pgboss`), then
 * the server's queues. On PostgreSQL it pools its own connections from the URL, so several server
 * processes share one queue (`SKIP LOCKED`); on PGlite it runs on the worker thread's connection,
 * the same one the tables are on. The queues' settings are written at every start (the last
 * server started sets them for all).
 *
 * @example
 * const queue = await startQueue({ kind: 'postgres', url: process.env.DATABASE_URL });
 */
export async function startQueue(
  connection: QueueConnection,
  settings: QueueSettings = {},
  log: (line: string) => void = console.error,
): Promise<PgBoss> {
  const superviseIntervalSeconds = settings.superviseIntervalSeconds ?? defaultSuperviseIntervalSeconds;
  // pg-boss looks for expired jobs in its per-queue monitor pass, which runs at most every
  // `monitorIntervalSeconds` (60 by default) whatever the supervise interval: both follow the setting.
  const intervals = { superviseIntervalSeconds, monitorIntervalSeconds: superviseIntervalSeconds };
  const boss =
    connection.kind === 'postgres'
      ? new PgBoss({ connectionString: connection.url, max: 4, schedule: false, ...intervals })
      : new PgBoss({ db: fromPglite(connection.client), backend: 'pglite', schedule: false, ...intervals });
  // Without a listener an 'error' event (a failed maintenance pass, a lost connection) would throw.
  boss.on('error', (error: Error) => log(`Job queue error: ${error.message}`));
  await boss.start();
  // The dead letter queue first: pg-boss refuses a queue whose dead letter queue does not exist.
  const queues = [
    { name: simulatorStepQueue, options: { retryLimit: 3, retryDelay: 1, expireInSeconds: 60 } },
    { name: undeliveredNotificationQueue, options: { retryLimit: 5, retryDelay: 1, retryBackoff: true } },
    {
      name: dispatchNotificationQueue,
      options: {
        ...dispatchNotificationQueueOptions,
        expireInSeconds: settings.jobExpireSeconds ?? defaultJobExpireSeconds,
        ...(settings.dispatchRetryLimit === undefined ? {} : { retryLimit: settings.dispatchRetryLimit }),
      },
    },
    { name: undeliveredMessageQueue, options: { retryLimit: 5, retryDelay: 1, retryBackoff: true } },
    {
      name: sendMessageQueue,
      options: {
        ...sendMessageQueueOptions,
        expireInSeconds: settings.jobExpireSeconds ?? defaultJobExpireSeconds,
        ...(settings.dispatchRetryLimit === undefined ? {} : { retryLimit: settings.dispatchRetryLimit }),
      },
    },
  ];
  try {
    for (const queue of queues) {
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, queue.options);
      else await boss.createQueue(queue.name, queue.options);
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
