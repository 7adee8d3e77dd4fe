import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { fromDrizzle, type Job, type PgBoss, type Queue } from 'pg-boss';
import { isReachoutError, type Sender, type TemplateMessagePayload } from 'reachout/core';
import type { WhatsAppGateway } from '../backend';
import type { DrizzleDatabase } from '../db/openDatabase';
import { type JobLogEntry, runLoggedJob } from '../log';
import { workEachJob } from './workEachJob';
import { tickets } from '../db/schema';

/** The queue of sends to hand to WhatsApp: one job per ticket, stored in the ticket's own transaction. */
export const dispatchNotificationQueue = 'dispatch-notification';

/**
 * Where pg-boss moves a send job that failed for good, however it failed: its last try threw, or
 * expired because its server died during it. The worker there fails the ticket, which frees its
 * contact for another send.
 */
export const undeliveredNotificationQueue = 'dispatch-notification-failed';

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s... at most 5 min between tries, about half an
 * hour in all), then the job goes to {@link undeliveredNotificationQueue}. A job not finished
 * within the queue's `expireInSeconds` (its server died mid-call; see `QueueSettings`) is tried again.
 */
export const dispatchNotificationQueueOptions: Omit<Queue, 'name'> = {
  retryLimit: 12,
  retryDelay: 1,
  retryBackoff: true,
  retryDelayMax: 300,
  deadLetter: undeliveredNotificationQueue,
};

/** The reason a ticket fails with when WhatsApp could not be reached on any try. */
export const unreachableReason = 'WhatsApp could not be reached, so the message was not sent';

/** What the job carries: the message built and validated with the ticket, and who sends it. */
export interface DispatchNotificationJob {
  ticketId: string;
  message: TemplateMessagePayload;
  sender: Sender;
}

/**
 * Stores the job in the caller's transaction (`executor`), so it commits with the ticket or not at
 * all. pg-boss's `send(..., { db })` was chosen over an outbox table of our own: the job row IS the
 * outbox, the workers already drain it with `SKIP LOCKED` and retries, and no second poller exists.
 */
export async function enqueueDispatch(boss: PgBoss, executor: DrizzleDatabase, job: DispatchNotificationJob): Promise<void> {
  // Both drivers answer `execute` with `{ rows }` (node-postgres' QueryResult, PGlite's Results).
  const transaction = { execute: (query: unknown) => executor.execute(query as SQL) as Promise<{ rows: unknown[] }> };
  await boss.send(dispatchNotificationQueue, job, { db: fromDrizzle(transaction, sql) });
}

/** Gateway failures worth another try: WhatsApp unreachable or 5xx (NETWORK), throttled (130429...), or an unexpected throw. */
export function isTransientSendFailure(error: unknown): boolean {
  return !isReachoutError(error) || error.code === 'NETWORK' || error.code === 'RATE_LIMITED';
}

export interface DispatchWorkerOptions {
  boss: PgBoss;
  database: DrizzleDatabase;
  gateway: WhatsAppGateway;
  /** Fails the ticket with a reason people read (its timeline says it). */
  failTicket(ticketId: string, reason: string): Promise<void>;
  /** After the message id is stored (the simulator schedules its steps here). */
  afterSent?(ticketId: string): void;
  /** Jobs each of the two fetch loops takes and runs at once. @default 10 */
  concurrency?: number;
  /** Each try of a job, when it ends (the server's job log). */
  logJob?(entry: JobLogEntry): void;
}

export interface DispatchWorker {
  /** Looks for new jobs now instead of at the next poll (a send in this process just committed one). */
  wake(): void;
  /**
   * Takes no new jobs, and waits up to `timeoutMs` for the running ones; then aborts their
   * WhatsApp calls, so their tries fail and the jobs run again (on this server's next start or on
   * another server).
   */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Hands each queued send to WhatsApp, once: a job whose ticket already has a message id (its
 * previous try sent and committed, then died before the job completed) or is no longer waiting
 * for one does nothing. Transient failures throw, so pg-boss retries them with backoff; the last
 * try, and a permanent refusal, fail the ticket with its reason.
 *
 * The one window left: WhatsApp accepted the message and the process died before the id was
 * committed. The job runs again and the message goes out a second time.
 */
export async function startDispatchWorker(options: DispatchWorkerOptions): Promise<DispatchWorker> {
  const { boss, database, gateway, failTicket, afterSent } = options;
  const concurrency = options.concurrency ?? 10;
  const stopping = new AbortController();

  const dispatch = async (job: Job<DispatchNotificationJob> & { retryLimit?: number }) => {
    const { ticketId, message, sender } = job.data;
    const [ticket] = await database
      .select({ status: tickets.status, delivery: tickets.delivery, messageId: tickets.messageId })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .limit(1);
    if (!ticket || ticket.messageId !== null || ticket.status !== 'verifying' || ticket.delivery !== 'pending') return;
    let messageId: string;
    try {
      ({ messageId } = await gateway.send(message, sender, AbortSignal.any([job.signal, stopping.signal])));
    } catch (error) {
      // Stopping: the job is tried again (here after a restart, or by another server).
      if (job.signal.aborted || stopping.signal.aborted) throw error;
      const lastTry = job.retryLimit !== undefined && job.retryCount >= job.retryLimit;
      if (isTransientSendFailure(error) && !lastTry) throw error;
      await failTicket(
        ticketId,
        isReachoutError(error) && !isTransientSendFailure(error)
          ? `WhatsApp refused the message: ${error.message}`
          : unreachableReason,
      );
      return;
    }
    // One statement: the window in which WhatsApp has the message and we do not have its id.
    await database
      .update(tickets)
      .set({ messageId })
      .where(and(eq(tickets.id, ticketId), isNull(tickets.messageId)));
    afterSent?.(ticketId);
  };

  // A job that failed for good without failing its ticket (its last try expired: the server died,
  // or the call hung) would leave the ticket verifying, and its contact busy, for ever.
  const failUndelivered = async (job: Job<DispatchNotificationJob>) => {
    const { ticketId } = job.data;
    const [ticket] = await database
      .select({ status: tickets.status, delivery: tickets.delivery, messageId: tickets.messageId })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .limit(1);
    if (!ticket || ticket.messageId !== null || ticket.status !== 'verifying' || ticket.delivery !== 'pending') return;
    await failTicket(ticketId, unreachableReason);
  };

  const workers: Array<{ queue: string; id: string }> = [];
  const sendWorkerIds = await workEachJob<DispatchNotificationJob>(
    boss,
    dispatchNotificationQueue,
    { workers: 2, batchSize: concurrency, pollingIntervalSeconds: 0.5 },
    (job) => runLoggedJob(options.logJob, { queue: job.name, id: job.id }, () => dispatch(job)),
  );
  for (const id of sendWorkerIds) workers.push({ queue: dispatchNotificationQueue, id });
  const undeliveredWorker = await boss.work<DispatchNotificationJob>(
    undeliveredNotificationQueue,
    { batchSize: 1, pollingIntervalSeconds: 1 },
    async ([job]) => {
      if (job) await runLoggedJob(options.logJob, { queue: job.name, id: job.id }, () => failUndelivered(job));
    },
  );
  workers.push({ queue: undeliveredNotificationQueue, id: undeliveredWorker });
  const workerIds = workers.filter((worker) => worker.queue === dispatchNotificationQueue).map((worker) => worker.id);
  let stopped = false;
  return {
    wake() {
      if (stopped) return;
      for (const id of workerIds) boss.notifyWorker(id);
    },
    async stop(timeoutMs = 10_000) {
      if (stopped) return;
      stopped = true;
      const finished = Promise.all(workers.map(({ queue, id }) => boss.offWork(queue, { id, wait: true })));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<'timedOut'>((resolve) => (timer = setTimeout(() => resolve('timedOut'), timeoutMs)));
      try {
        if ((await Promise.race([finished, timedOut])) === 'timedOut') {
          stopping.abort(new Error('The server is stopping'));
          // A gateway that ignores its signal must not hold the shutdown: its job expires and runs again.
          await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
        }
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
