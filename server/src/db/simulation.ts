import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { undeliverableError } from 'reachout/core';
import type { DeliveryStatusUpdate, WhatsAppGateway } from '../backend';
import { simulatorStepQueue } from '../jobs/queue';
import { type JobLogEntry, runLoggedJob } from '../log';
import type { DrizzleDatabase } from './openDatabase';
import { messages, tickets } from './schema';

/** Numbers ending in this are unreachable in the simulator, as in the memory provider. */
const unreachableSuffix = '0000';
const simulatedIdPrefix = 'wamid.SIM';

/** Where a simulated message is when its next step is due. */
export type SimulatedStage = 'verifying' | 'sent' | 'delivered';

/** Where a simulated chat message (a text or template sent in a chat) is when its next step is due. */
export type SimulatedChatMessageStage = 'sent' | 'delivered';

/**
 * A step job: move the ticket (or the chat message with this WhatsApp id) on, if it is still where
 * it was when the step was scheduled.
 */
type SimulatorStepJob = { ticketId: string; from: SimulatedStage } | { whatsappMessageId: string; from: SimulatedChatMessageStage };

export interface Simulation {
  /** Answers every send with a fake `wamid.SIM…` id; statuses follow through `track`. */
  gateway: WhatsAppGateway;
  /** Schedules the ticket's next step from `from` (verifying → sent → delivered → read) after the delay. */
  track(ticketId: string, from: SimulatedStage): void;
  /** Schedules the next step of the chat message WhatsApp knows as `whatsappMessageId` (sent → delivered → read). */
  trackChatMessage(whatsappMessageId: string, from: SimulatedChatMessageStage): void;
  /** Stops taking step jobs here (others on the database still run them) and waits for the running ones. */
  stop(): Promise<void>;
}

export interface SimulationOptions {
  database: DrizzleDatabase;
  queue: PgBoss;
  delayMs: number;
  now: () => Date;
  applyStatus: (ticketId: string, update: Omit<DeliveryStatusUpdate, 'messageId'>) => Promise<void>;
  /** Records a chat message's status as WhatsApp's webhook would bring it (forward only). */
  recordChatMessageStatus: (update: DeliveryStatusUpdate) => Promise<unknown>;
  /** Each step job, when it ends (the server's job log). */
  logJob?: (entry: JobLogEntry) => void;
}

/**
 * WhatsApp without WhatsApp: each simulated message (a notification's ticket, or a chat message)
 * moves one step every `delayMs`. Each step is
 * a delayed job on the queue, not a timer in this process: whichever server on the database is
 * alive runs it, also after this one stopped. A step whose ticket or message moved on meanwhile
 * (completed by hand through the simulator route, or a status that arrived otherwise) does
 * nothing, so a chain of steps never runs twice and never moves anything backwards.
 */
export function createSimulation(options: SimulationOptions): Simulation {
  const { database, queue, delayMs, now, applyStatus, recordChatMessageStatus } = options;
  const running = new Set<Promise<void>>();
  let stopped = false;

  const stageOf = (ticket: { status: string; delivery: string }): SimulatedStage | null => {
    if (ticket.status === 'verifying') return ticket.delivery === 'pending' ? 'verifying' : null;
    if (ticket.delivery === 'sent' || ticket.delivery === 'delivered') return ticket.delivery;
    return null;
  };

  const schedule = (job: SimulatorStepJob) => {
    if (stopped) return;
    const promise = queue
      .send(simulatorStepQueue, job, { startAfter: new Date(Date.now() + delayMs) })
      .then(() => {})
      .catch((error: unknown) => console.error('The WhatsApp simulator could not schedule a step', error))
      .finally(() => running.delete(promise));
    running.add(promise);
  };

  const track = (ticketId: string, from: SimulatedStage) => schedule({ ticketId, from });
  const trackChatMessage = (whatsappMessageId: string, from: SimulatedChatMessageStage) => schedule({ whatsappMessageId, from });

  const stepChatMessage = async ({ whatsappMessageId, from }: { whatsappMessageId: string; from: SimulatedChatMessageStage }) => {
    const [message] = await database
      .select({ status: messages.status })
      .from(messages)
      .where(eq(messages.whatsappMessageId, whatsappMessageId))
      .limit(1);
    if (message?.status !== from) return;
    const next = from === 'sent' ? 'delivered' : 'read';
    await recordChatMessageStatus({ messageId: whatsappMessageId, status: next, at: now().toISOString() });
    if (next === 'delivered') trackChatMessage(whatsappMessageId, 'delivered');
  };

  const stepTicket = async ({ ticketId, from }: { ticketId: string; from: SimulatedStage }) => {
    const [ticket] = await database
      .select({ status: tickets.status, delivery: tickets.delivery, to: tickets.to })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .limit(1);
    if (!ticket || stageOf(ticket) !== from) return;
    const at = now().toISOString();
    if (from === 'verifying') {
      if (ticket.to.endsWith(unreachableSuffix)) {
        await applyStatus(ticketId, { status: 'failed', at, error: undeliverableError });
        return;
      }
      await applyStatus(ticketId, { status: 'sent', at });
      track(ticketId, 'sent');
    } else if (from === 'sent') {
      await applyStatus(ticketId, { status: 'delivered', at });
      track(ticketId, 'delivered');
    } else {
      await applyStatus(ticketId, { status: 'read', at });
    }
  };

  const step = (job: SimulatorStepJob) => ('whatsappMessageId' in job ? stepChatMessage(job) : stepTicket(job));

  const worker = queue.work<SimulatorStepJob>(simulatorStepQueue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (job) await runLoggedJob(options.logJob, { queue: job.name, id: job.id }, () => step(job.data));
  });
  worker.catch((error: unknown) => console.error('The WhatsApp simulator did not start: steps wait for the next start', error));

  return {
    gateway: {
      mode: 'simulator',
      send: async () => ({ messageId: `${simulatedIdPrefix}${randomUUID().replaceAll('-', '')}` }),
    },
    track,
    trackChatMessage,
    async stop() {
      stopped = true;
      await Promise.all([...running]);
      const id = await worker.catch(() => null);
      if (id !== null) await queue.offWork(simulatorStepQueue, { id, wait: true });
    },
  };
}
