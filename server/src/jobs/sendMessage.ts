import { type SQL, sql } from 'drizzle-orm';
import { fromDrizzle, type Job, type PgBoss, type Queue } from 'pg-boss';
import { isReachoutError, type Sender, type TemplateMessagePayload } from 'reachout/core';
import type { TextMessagePayload, WhatsAppGateway } from '../backend';
import type { DrizzleDatabase } from '../db/openDatabase';
import { type JobLogEntry, runLoggedJob } from '../log';
import { workEachJob } from './workEachJob';
import { isTransientSendFailure, unreachableReason } from './dispatchNotification';

/** The queue of chat messages (`sendMessage`) to hand to WhatsApp: one job per try of a message, stored in its own transaction. */
export const sendMessageQueue = 'send-message';

/** Where a message's job goes when it failed for good however it failed (its last try expired too): the message fails. */
export const undeliveredMessageQueue = 'send-message-failed';

/** Retries as the notifications' sends do (1 s, 2 s, 4 s... at most 5 min apart), then the dead letter queue. */
export const sendMessageQueueOptions: Omit<Queue, 'name'> = {
  retryLimit: 12,
  retryDelay: 1,
  retryBackoff: true,
  retryDelayMax: 300,
  deadLetter: undeliveredMessageQueue,
};

/** The reason a text WhatsApp refused with 131047 fails with. */
export const outsideWindowReason = 'The customer has not written in the last 24 hours: only a template can reopen the conversation';

/** What the job carries: the Cloud API payload built and checked with the message, and who sends it. */
export interface SendMessageJob {
  messageId: string;
  payload: TemplateMessagePayload | TextMessagePayload;
  sender: Sender;
}

/** Stores the job in the caller's transaction (`executor`), so it commits with the message, or not at all (see `enqueueDispatch`). */
export async function enqueueMessageSend(boss: PgBoss, executor: DrizzleDatabase, job: SendMessageJob): Promise<void> {
  const transaction = { execute: (query: unknown) => executor.execute(query as SQL) as Promise<{ rows: unknown[] }> };
  await boss.send(sendMessageQueue, job, { db: fromDrizzle(transaction, sql) });
}

/** The reason people read on a message WhatsApp did not take. */
export function messageFailureReason(error: unknown): string {
  if (isReachoutError(error) && error.code === 'OUTSIDE_WINDOW') return outsideWindowReason;
  if (isTransientSendFailure(error)) return unreachableReason;
  return error instanceof Error ? error.message : 'WhatsApp did not take the message';
}

export interface MessageSendWorkerOptions {
  boss: PgBoss;
  gateway: () => WhatsAppGateway;
  /** Whether the message still waits for WhatsApp (`pending`, no WhatsApp id): a job for any other does nothing. */
  isWaiting(messageId: string): Promise<boolean>;
  /** Records WhatsApp's id and moves the message to `sent` (one statement: the window that cannot be closed). */
  markSent(messageId: string, whatsappMessageId: string): Promise<void>;
  /** Fails the message with a reason people read. */
  markFailed(messageId: string, reason: string): Promise<void>;
  /** Jobs each of the two fetch loops takes and runs at once. @default 10 */
  concurrency?: number;
  /** Each try of a job, when it ends (the server's job log). */
  logJob?(entry: JobLogEntry): void;
}

export interface MessageSendWorker {
  /** Looks for new jobs now instead of at the next poll (a send in this process just committed one). */
  wake(): void;
  /**
   * Takes no new jobs and waits up to `timeoutMs` for the running ones; then aborts their gateway
   * calls, so their jobs fail this try and run again (after a restart, or on another server).
   */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Hands each queued chat message to WhatsApp, as `startDispatchWorker` does a notification's:
 * transient failures (network, 5xx, 130429) throw so pg-boss retries them with backoff; a
 * permanent refusal, or the last try, fails the message with its reason. The job's signal reaches
 * the gateway, so a stopping server aborts a call that hangs and the job is tried again later.
 */
export async function startMessageSendWorker(options: MessageSendWorkerOptions): Promise<MessageSendWorker> {
  const { boss, isWaiting, markSent, markFailed } = options;
  const concurrency = options.concurrency ?? 10;
  const stopping = new AbortController();

  const send = async (job: Job<SendMessageJob> & { retryLimit?: number }) => {
    const { messageId, payload, sender } = job.data;
    if (!(await isWaiting(messageId))) return;
    let whatsappMessageId: string;
    try {
      const signal = AbortSignal.any([job.signal, stopping.signal]);
      ({ messageId: whatsappMessageId } = await options.gateway().send(payload, sender, signal));
    } catch (error) {
      // Stopping: the job is tried again (here after a restart, or by another server).
      if (job.signal.aborted || stopping.signal.aborted) throw error;
      const lastTry = job.retryLimit !== undefined && job.retryCount >= job.retryLimit;
      if (isTransientSendFailure(error) && !lastTry) throw error;
      await markFailed(messageId, messageFailureReason(error));
      return;
    }
    await markSent(messageId, whatsappMessageId);
  };

  const ids = await workEachJob<SendMessageJob>(
    boss,
    sendMessageQueue,
    { workers: 2, batchSize: concurrency, pollingIntervalSeconds: 0.5 },
    (job) => runLoggedJob(options.logJob, { queue: job.name, id: job.id }, () => send(job)),
  );
  const undeliveredId = await boss.work<SendMessageJob>(undeliveredMessageQueue, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await runLoggedJob(options.logJob, { queue: job.name, id: job.id }, async () => {
      if (await isWaiting(job.data.messageId)) await markFailed(job.data.messageId, unreachableReason);
    });
  });
  let stopped = false;
  return {
    wake() {
      if (stopped) return;
      for (const id of ids) boss.notifyWorker(id);
    },
    async stop(timeoutMs = 10_000) {
      if (stopped) return;
      stopped = true;
      const finished = Promise.all([
        ...ids.map((id) => boss.offWork(sendMessageQueue, { id, wait: true })),
        boss.offWork(undeliveredMessageQueue, { id: undeliveredId, wait: true }),
      ]);
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
