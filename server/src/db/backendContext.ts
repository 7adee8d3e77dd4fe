import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  type CallContext,
  createAbortError,
  isAbortError,
  isReachoutError,
  type MessageTemplate,
  ReachoutError,
  type ReachoutEvent,
  type Sender,
  type TimelineEventType,
} from 'reachout/core';
import type { StoredEvent, WhatsAppGateway } from '../backend';
import { createEventRelay, eventsChannel, type EventRelay } from '../events/eventRelay';
import { createSortableId } from './ids';
import type { Database, DrizzleDatabase } from './openDatabase';
import { senderOf, timelineEventOf } from './rows';
import { chats, contacts, events, senders, templates, timelineEvents } from './schema';

/** Stores an event in the current transaction; it is delivered after the commit. */
export type Emit = (event: ReachoutEvent) => Promise<void>;

/** One writing transaction, its events stored with it and delivered after commit (see `createBackendContext`). */
export type Write = <Result>(
  work: (executor: DrizzleDatabase, emit: Emit, emitAll: (list: ReachoutEvent[]) => Promise<void>) => Promise<Result>,
) => Promise<Result>;

/** Serialises writing transactions on PostgreSQL, so event ids are in commit order (`since` misses none). */
const writeLockKey = 7_346_210_001;

export const activeChatStatuses = ['open', 'assigned', 'queued'] as const;
export const deliveryRank = { pending: 0, sent: 1, delivered: 2, read: 3 } as const;

export function notFound(what: string, id: string): ReachoutError {
  return new ReachoutError('NOT_FOUND', `No ${what} with id ${id}`);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw createAbortError(signal);
}

/** A unique-constraint violation (SQLSTATE 23505), however deep the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; typeof current === 'object' && current !== null; ) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function validDate(iso: string, fallback: Date): Date {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? fallback : new Date(time);
}

/** Every method: honours an aborted signal, and turns a database failure into a ReachoutError. */
export async function perform<Result>(context: CallContext | undefined, work: () => Promise<Result>): Promise<Result> {
  throwIfAborted(context?.signal);
  try {
    return await work();
  } catch (error) {
    if (isReachoutError(error) || isAbortError(error)) throw error;
    throw new ReachoutError('UNKNOWN', 'The database could not complete the request; try again', { cause: error });
  }
}

/**
 * What every part of the database backend shares: the database, the clock, `write`, the event
 * listeners, the gateway (set once the backend has chosen it) and the reads several parts make.
 */
export function createBackendContext(db: Database, options: { now: () => Date }) {
  const database = db.drizzle;
  const { now } = options;
  const listeners = new Set<(stored: StoredEvent) => void>();
  let currentGateway: WhatsAppGateway | undefined;

  const gateway = (): WhatsAppGateway => {
    if (!currentGateway) throw new Error('The database backend has no WhatsApp gateway yet');
    return currentGateway;
  };

  const deliver = (stored: readonly StoredEvent[]) => {
    for (const item of stored) {
      for (const listener of [...listeners]) {
        try {
          listener(structuredClone(item));
        } catch (error) {
          // A broken listener must not fail the change that caused the event.
          console.error('A Reachout event listener threw', error);
        }
      }
    }
  };

  const write = async <Result>(
    work: (executor: DrizzleDatabase, emit: Emit, emitAll: (list: ReachoutEvent[]) => Promise<void>) => Promise<Result>,
  ): Promise<Result> => {
    const stored: StoredEvent[] = [];
    const result = await database.transaction(async (transaction) => {
      if (db.kind === 'postgres') await transaction.execute(sql`select pg_advisory_xact_lock(${writeLockKey})`);
      const emit: Emit = async (event) => {
        const [row] = await transaction.insert(events).values({ payload: event, createdAt: now() }).returning({ id: events.id });
        if (!row) throw new Error('Storing an event answered no id');
        stored.push({ id: String(row.id), event });
      };
      // Many events in one statement (a contact import): bigserial ids are drawn in VALUES order.
      const emitAll = async (list: ReachoutEvent[]) => {
        if (list.length === 0) return;
        const rows = await transaction
          .insert(events)
          .values(list.map((payload) => ({ payload, createdAt: now() })))
          .returning({ id: events.id });
        rows.sort((left, right) => left.id - right.id);
        rows.forEach((row, index) => stored.push({ id: String(row.id), event: list[index] as ReachoutEvent }));
      };
      const result = await work(transaction, emit, emitAll);
      if (eventRelay && stored.length > 0) {
        // Noted before the commit, so the relay's starting point cannot pass them.
        eventRelay.stored(stored);
        // Delivered on commit only: wakes the event relays of every server on the database.
        await transaction.execute(sql`select pg_notify(${eventsChannel}, ${stored.at(-1)?.id ?? ''})`);
      }
      return result;
    });
    if (eventRelay) {
      eventRelay.wake();
    } else {
      deliver(stored);
    }
    return result;
  };

  // PostgreSQL: every server's events reach this process's listeners in id order, read from the
  // table (see createEventRelay). PGlite is one process: its writes are delivered as they commit.
  const eventRelay = db.listen ? createEventRelay({ database, listen: db.listen, deliver }) : null;

  const addTimelineEvent = async (
    executor: DrizzleDatabase,
    emit: Emit,
    event: {
      contactId: string;
      type: TimelineEventType;
      text: string;
      ticketId?: string | null;
      at?: Date;
      whatsappMessageId?: string | null;
    },
  ) => {
    const at = event.at ?? now();
    const [row] = await executor
      .insert(timelineEvents)
      .values({
        id: createSortableId(at.getTime()),
        contactId: event.contactId,
        type: event.type,
        at,
        ticketId: event.ticketId ?? null,
        text: event.text,
        whatsappMessageId: event.whatsappMessageId ?? null,
      })
      .returning();
    if (row) await emit({ type: 'timeline.added', event: timelineEventOf(row) });
  };

  const findContact = async (executor: DrizzleDatabase, id: string) =>
    (await executor.select().from(contacts).where(eq(contacts.id, id)).limit(1))[0];

  const requireContact = async (executor: DrizzleDatabase, id: string) => {
    const row = await findContact(executor, id);
    if (!row) throw notFound('contact', id);
    return row;
  };

  const activeChatOf = async (executor: DrizzleDatabase, contactId: string) =>
    (
      await executor
        .select()
        .from(chats)
        .where(and(eq(chats.contactId, contactId), inArray(chats.status, [...activeChatStatuses])))
        .orderBy(desc(chats.createdAt), sql`${chats.id} collate "C" desc`)
        .limit(1)
    )[0];

  const requireSender = async (executor: DrizzleDatabase, id: string): Promise<Sender> => {
    const [row] = await executor.select().from(senders).where(eq(senders.id, id)).limit(1);
    if (!row) throw notFound('sender', id);
    return senderOf(row);
  };

  /** The approved-or-not templates every sender can use: from Meta in Cloud API mode, else stored. */
  const loadTemplates = async (signal?: AbortSignal): Promise<MessageTemplate[]> => {
    const chosen = gateway();
    if (chosen.listTemplates) return chosen.listTemplates(signal);
    const rows = await database.select({ template: templates.template }).from(templates).orderBy(asc(templates.position));
    return rows.map((row) => row.template);
  };

  const findTemplate = async (id: string, signal?: AbortSignal): Promise<MessageTemplate | undefined> => {
    const chosen = gateway();
    return chosen.findTemplate ? chosen.findTemplate(id, signal) : (await loadTemplates(signal)).find((candidate) => candidate.id === id);
  };


  return {
    db,
    database,
    now,
    listeners,
    deliver,
    eventRelay: eventRelay as EventRelay | null,
    write: write as Write,
    gateway,
    setGateway(chosen: WhatsAppGateway) {
      currentGateway = chosen;
    },
    addTimelineEvent,
    findContact,
    requireContact,
    activeChatOf,
    requireSender,
    loadTemplates,
    findTemplate,
  };
}

/** What every `create…Methods(context)` of the database backend gets. */
export type BackendContext = ReturnType<typeof createBackendContext>;
