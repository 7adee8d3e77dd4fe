import type { ReachoutBackend, WhatsAppGateway } from '../backend';
import type { JobLogEntry } from '../log';
import { type DispatchWorker, startDispatchWorker } from '../jobs/dispatchNotification';
import { createBackendContext, perform } from './backendContext';
import { createCampaignsBackend } from './campaignsBackend';
import { createCatalogMethods } from './catalogMethods';
import { createContactMethods } from './contactMethods';
import { createEventMethods, defaultEventRetentionMs } from './eventMethods';
import { createHistoryMethods } from './historyMethods';
import { createMediaMethods } from './mediaMethods';
import { createMessages } from './messages';
import { createNotificationMethods } from './notificationMethods';
import type { Database } from './openDatabase';
import { createSimulation, type Simulation } from './simulation';
import { createWhatsAppMethods } from './whatsappMethods';

export { defaultEventRetentionMs };

export interface DatabaseBackendOptions {
  /**
   * How sends reach WhatsApp.
   * @default the built-in simulator: numbers ending in `0000` fail (error 131026), others go
   * sent → delivered → read, one step every `simulatorDelayMs`
   */
  gateway?: WhatsAppGateway;
  /**
   * Built-in simulator only: the wait before each step (verifying → sent → delivered → read).
   * @default 3000
   */
  simulatorDelayMs?: number;
  /**
   * The clock for every time the backend writes.
   * @default () => new Date()
   */
  now?: () => Date;
  /**
   * Leave the database open in `close()`, for tests that run several backends over one database.
   * @default false
   */
  keepDatabaseOpen?: boolean;
  /**
   * How long stored events stay replayable (`Last-Event-ID`): older ones are deleted at start
   * and every `eventPruneIntervalMs` (the newest event is always kept). A client that asks for
   * events from before is told to refetch (`reset`).
   * @default 7 days
   */
  eventRetentionMs?: number;
  /**
   * How often events older than `eventRetentionMs` are deleted.
   * @default 1 hour
   */
  eventPruneIntervalMs?: number;
  /** Each try of a queued job (sends, the simulator's steps) when it ends: the server's job log. */
  logJob?: (entry: JobLogEntry) => void;
  /**
   * How long `close()` (and `stopJobs()`) lets running jobs finish before aborting their WhatsApp
   * calls; an aborted job runs again later (after a restart, or on another server).
   * @default 10000
   */
  shutdownTimeoutMs?: number;
}

/** The database backend: a `ReachoutBackend` that also prunes its stored events. */
export type DatabaseBackend = ReachoutBackend & {
  /**
   * Deletes the events older than `eventRetentionMs`, except the newest one (so a client that
   * saw it can still resume), and answers how many it deleted. Also runs at start and on a timer.
   */
  pruneEvents(): Promise<number>;
  /**
   * Takes no new jobs and lets the running ones finish within `shutdownTimeoutMs`, aborting the
   * WhatsApp calls still running then (their jobs run again later). `close()` does it too; a
   * server calls it first, while its HTTP requests drain.
   */
  stopJobs(): Promise<void>;
};

/**
 * The reference server's storage: every provider rule of `reachout/core` over PostgreSQL or
 * PGlite (drizzle), with stored events, media, WhatsApp statuses and the simulator. Each concern
 * lives in its own `create…Methods(context)`; this assembles them around one shared context.
 *
 * @example
 * const db = await openDatabase({ kind: 'pglite', dataDir: '.data/reachout' });
 * await seedDemoData(db);
 * const backend = createDatabaseBackend(db, { simulatorDelayMs: 3000 });
 */
export function createDatabaseBackend(db: Database, options: DatabaseBackendOptions = {}): DatabaseBackend {
  const context = createBackendContext(db, { now: options.now ?? (() => new Date()) });
  const { database, now } = context;
  let closed = false;

  // Filled in below: the simulator needs the notifications' `applyStatus`, the notifications the worker.
  let simulation: Simulation | null = null;
  let dispatchWorker: Promise<DispatchWorker | null> = Promise.resolve(null);

  const notifications = createNotificationMethods(context, {
    wakeDispatch: () => void dispatchWorker.then((worker) => worker?.wake()),
    afterVerified: (ticketId) => simulation?.track(ticketId, 'sent'),
  });

  let gateway: WhatsAppGateway;
  if (options.gateway) {
    gateway = options.gateway;
  } else {
    simulation = createSimulation({
      database,
      queue: db.queue,
      delayMs: options.simulatorDelayMs ?? 3000,
      now,
      applyStatus: notifications.applyStatus,
      recordChatMessageStatus: (update) => messages.recordStatus(update),
      ...(options.logJob ? { logJob: options.logJob } : {}),
    });
    gateway = simulation.gateway;
  }
  context.setGateway(gateway);

  // Sends committed by any server on this database (or before a crash) are handed to WhatsApp here.
  dispatchWorker = startDispatchWorker({
    boss: db.queue,
    database,
    gateway,
    failTicket: (ticketId, reason) => notifications.applyFailure(ticketId, reason),
    afterSent: (ticketId) => simulation?.track(ticketId, 'verifying'),
    ...(options.logJob ? { logJob: options.logJob } : {}),
  }).catch((error: unknown) => {
    console.error('The send queue worker did not start: queued sends wait for the next start', error);
    return null;
  });

  const messages = createMessages({
    database,
    write: context.write,
    now,
    queue: db.queue,
    gateway: () => gateway,
    ...(options.logJob ? { logJob: options.logJob } : {}),
    findTemplate: context.findTemplate,
    afterSent: (whatsappMessageId) => simulation?.trackChatMessage(whatsappMessageId, 'sent'),
  });

  const campaigns = createCampaignsBackend({
    db,
    write: context.write,
    now,
    gateway: () => gateway,
    findTemplate: context.findTemplate,
    simulatorDelayMs: simulation ? (options.simulatorDelayMs ?? 3000) : null,
  });

  const whatsapp = createWhatsAppMethods(context, {
    applyStatus: notifications.applyStatus,
    // A status of a message no ticket sent: a campaign's recipient, else a chat message.
    recordMessageStatus: async (update) => (await campaigns.recordStatus(update)) || messages.recordStatus(update),
  });
  const eventMethods = createEventMethods(context, options);

  const provider: ReachoutBackend['provider'] = {
    listMessages: (params, callContext) => perform(callContext, () => messages.list(params)),
    sendMessage: (params, callContext) => perform(callContext, () => messages.send(params.input, callContext?.signal)),
    ...createContactMethods(context),
    ...createCatalogMethods(context),
    ...createHistoryMethods(context),
    ...notifications.provider,
    ...campaigns.provider,
  };

  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  let jobsStopped: Promise<void> | undefined;
  const stopJobs = () =>
    (jobsStopped ??= (async () => {
      await Promise.all([
        messages.stop(shutdownTimeoutMs),
        dispatchWorker.then((worker) => worker?.stop(shutdownTimeoutMs)),
        campaigns.stop(),
      ]);
    })());

  const backend: DatabaseBackend = {
    provider,
    stopJobs,
    pruneEvents: eventMethods.pruneEvents,
    events: eventMethods.events,
    media: createMediaMethods(context),
    whatsapp: whatsapp.whatsapp,
    async close() {
      if (closed) return;
      closed = true;
      const eventsStopped = eventMethods.stop();
      context.listeners.clear();
      await context.eventRelay?.close();
      await stopJobs();
      gateway.close?.();
      await eventsStopped;
      await simulation?.stop();
      if (!options.keepDatabaseOpen) await db.close();
    },
  };

  // The simulator routes exist only when WhatsApp is simulated.
  if (gateway.mode === 'simulator') {
    backend.simulator = {
      receiveReply: (contactId, text) =>
        perform(undefined, async () => {
          await context.requireContact(database, contactId);
          await whatsapp.receive(contactId, text, now());
        }),
      completeVerification: (ticketId, result) => perform(undefined, () => notifications.completeVerification(ticketId, result)),
    };
  }
  return backend;
}
