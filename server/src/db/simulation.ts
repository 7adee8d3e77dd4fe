import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like, or } from 'drizzle-orm';
import { undeliverableError } from 'reachout/core';
import type { DeliveryStatusUpdate, WhatsAppGateway } from '../backend';
import type { DrizzleDatabase } from './openDatabase';
import { tickets } from './schema';

/** Numbers ending in this are unreachable in the simulator, as in the memory provider. */
const unreachableSuffix = '0000';
const simulatedIdPrefix = 'wamid.SIM';

export interface Simulation {
  /** Answers every send with a fake `wamid.SIM…` id; statuses follow through `track`. */
  gateway: WhatsAppGateway;
  /** Schedules the ticket's next step (verifying → sent → delivered → read) after the delay. */
  track(ticketId: string): void;
  /** Forgets the ticket's pending step (it was completed by hand). */
  cancel(ticketId: string): void;
  /** Clears every timer and waits for steps already running. */
  stop(): Promise<void>;
}

export interface SimulationOptions {
  database: DrizzleDatabase;
  delayMs: number;
  now: () => Date;
  applyStatus: (ticketId: string, update: Omit<DeliveryStatusUpdate, 'messageId'>) => Promise<void>;
}

/**
 * WhatsApp without WhatsApp: each simulated message moves one step every `delayMs`. The state
 * lives in the tickets, so steps still pending when the server stopped are picked up at start.
 */
export function createSimulation(options: SimulationOptions): Simulation {
  const { database, delayMs, now, applyStatus } = options;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  const run = (task: () => Promise<void>) => {
    const promise = task()
      .catch((error: unknown) => {
        if (!stopped) console.error('The WhatsApp simulator failed to move a message on', error);
      })
      .finally(() => running.delete(promise));
    running.add(promise);
  };

  const step = async (ticketId: string) => {
    const [ticket] = await database
      .select({ status: tickets.status, delivery: tickets.delivery, to: tickets.to })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .limit(1);
    if (!ticket || stopped) return;
    const at = now().toISOString();
    if (ticket.status === 'verifying') {
      if (ticket.to.endsWith(unreachableSuffix)) {
        await applyStatus(ticketId, { status: 'failed', at, error: undeliverableError });
        return;
      }
      await applyStatus(ticketId, { status: 'sent', at });
    } else if (ticket.delivery === 'sent') {
      await applyStatus(ticketId, { status: 'delivered', at });
    } else if (ticket.delivery === 'delivered') {
      await applyStatus(ticketId, { status: 'read', at });
      return;
    } else {
      return;
    }
    track(ticketId);
  };

  const cancel = (ticketId: string) => {
    const timer = timers.get(ticketId);
    if (timer !== undefined) globalThis.clearTimeout(timer);
    timers.delete(ticketId);
  };

  const track = (ticketId: string) => {
    if (stopped) return;
    cancel(ticketId);
    const timer = globalThis.setTimeout(() => {
      timers.delete(ticketId);
      run(() => step(ticketId));
    }, delayMs);
    // A pending step must not keep the process alive.
    timer.unref?.();
    timers.set(ticketId, timer);
  };

  run(async () => {
    const unfinished = await database
      .select({ id: tickets.id })
      .from(tickets)
      .where(
        and(
          like(tickets.messageId, `${simulatedIdPrefix}%`),
          or(eq(tickets.status, 'verifying'), inArray(tickets.delivery, ['sent', 'delivered'])),
        ),
      );
    for (const { id } of unfinished) track(id);
  });

  return {
    gateway: {
      mode: 'simulator',
      send: async () => ({ messageId: `${simulatedIdPrefix}${randomUUID().replaceAll('-', '')}` }),
    },
    track,
    cancel,
    async stop() {
      stopped = true;
      for (const timer of timers.values()) globalThis.clearTimeout(timer);
      timers.clear();
      await Promise.all([...running]);
    },
  };
}
