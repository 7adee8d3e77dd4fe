import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import * as z from 'zod/mini';
import {
  agentMatchesSearch,
  type CallContext,
  checkNotification,
  type Contact,
  type ContactSearch,
  contactInputSchema,
  createAbortError,
  decodeCursor,
  encodeCursor,
  failureReasonOf,
  fieldErrorsOf,
  idempotencyConflictError,
  isAbortError,
  isReachoutError,
  type MessageTemplate,
  type Page,
  parseContactSearch,
  parseSendNotificationInput,
  ReachoutError,
  type ReachoutEvent,
  resolveLimit,
  type Sender,
  type SendNotificationInput,
  templateMatchesSearch,
  type Ticket,
  type TimelineEventType,
  undeliverableError,
} from 'reachout/core';
import type {
  DeliveryStatusUpdate,
  InboundMessage,
  ReachoutBackend,
  StoredEvent,
  StoredMedia,
  WhatsAppGateway,
} from '../backend';
import { createEventRelay, eventsChannel } from '../events/eventRelay';
import { type DispatchWorker, enqueueDispatch, startDispatchWorker } from '../jobs/dispatchNotification';
import { createSortableId } from './ids';
import { addInboundMessage, createMessages, syncNotificationMessage } from './messages';
import { createImportContacts } from './importContacts';
import { createCampaignsBackend } from './campaignsBackend';
import type { Database, DrizzleDatabase } from './openDatabase';
import { agentOf, chatOf, contactOf, contactRowOf, senderOf, ticketOf, timelineEventOf } from './rows';
import { agents, chats, contacts, events, idempotencyKeys, media, senders, templates, tickets, timelineEvents } from './schema';
import { createSimulation, type Simulation } from './simulation';
import { escapeLikePattern, fingerprintOf } from './text';

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
}

/** The database backend: a `ReachoutBackend` that also prunes its stored events. */
export type DatabaseBackend = ReachoutBackend & {
  /**
   * Deletes the events older than `eventRetentionMs`, except the newest one (so a client that
   * saw it can still resume), and answers how many it deleted. Also runs at start and on a timer.
   */
  pruneEvents(): Promise<number>;
};

const hourMs = 60 * 60 * 1000;
export const defaultEventRetentionMs = 7 * 24 * hourMs;

const sendScope = 'sendNotification';

/** Serialises writing transactions on PostgreSQL, so event ids are in commit order (`since` misses none). */
const writeLockKey = 7_346_210_001;

const activeChatStatuses = ['open', 'assigned', 'queued'] as const;
const deliveryRank = { pending: 0, sent: 1, delivered: 2, read: 3 } as const;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(what: string, id: string): ReachoutError {
  return new ReachoutError('NOT_FOUND', `No ${what} with id ${id}`);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw createAbortError(signal);
}

/** A unique-constraint violation (SQLSTATE 23505), however deep the driver wrapped it. */
function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; typeof current === 'object' && current !== null; ) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function validDate(iso: string, fallback: Date): Date {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? fallback : new Date(time);
}

/**
 * The reference server's storage: every provider rule of `reachout/core` over PostgreSQL or
 * PGlite (drizzle), with stored events, media, WhatsApp statuses and the simulator.
 *
 * @example
 * const db = await openDatabase({ kind: 'pglite', dataDir: '.data/reachout' });
 * await seedDemoData(db);
 * const backend = createDatabaseBackend(db, { simulatorDelayMs: 3000 });
 */
export function createDatabaseBackend(db: Database, options: DatabaseBackendOptions = {}): DatabaseBackend {
  const database = db.drizzle;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(stored: StoredEvent) => void>();
  let closed = false;

  // ------------------------------------------------------------------------------------------
  // Writing: one transaction per change, its events stored with it and delivered after commit
  // ------------------------------------------------------------------------------------------

  type Emit = (event: ReachoutEvent) => Promise<void>;

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
  const importContacts = createImportContacts({ now, write: (work) => write((executor, _emit, emitAll) => work(executor, emitAll)) });

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

  // ------------------------------------------------------------------------------------------
  // Reading
  // ------------------------------------------------------------------------------------------

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
    if (gateway.listTemplates) return gateway.listTemplates(signal);
    const rows = await database.select({ template: templates.template }).from(templates).orderBy(asc(templates.position));
    return rows.map((row) => row.template);
  };

  const findTemplate = async (id: string, signal?: AbortSignal): Promise<MessageTemplate | undefined> =>
    gateway.findTemplate ? gateway.findTemplate(id, signal) : (await loadTemplates(signal)).find((candidate) => candidate.id === id);

  /** Newest first, keyset on (time desc, id desc): `[time, id]` are the two ordering columns. */
  const newestFirstPage = async <Row extends { id: string }, Item>(
    list: 'tickets' | 'timeline' | 'chats',
    params: { contactId: string; cursor?: string | null; limit?: number },
    page: {
      columns: readonly [SQL, SQL];
      query: (after: SQL | undefined, limit: number) => Promise<Row[]>;
      timeOf: (row: Row) => Date;
      itemOf: (row: Row) => Item;
    },
  ): Promise<Page<Item>> => {
    const limit = resolveLimit(params.limit);
    let after: SQL | undefined;
    if (params.cursor !== undefined && params.cursor !== null) {
      const [time, id] = decodeCursor(list, params.cursor, ['timestamp', 'string']);
      const [timeColumn, idColumn] = page.columns;
      after = sql`(${timeColumn}, ${idColumn} collate "C") < (${time}::timestamptz, ${id})`;
    }
    await requireContact(database, params.contactId);
    const rows = await page.query(after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(page.itemOf),
      nextCursor: rows.length > limit && last ? encodeCursor(list, [page.timeOf(last).toISOString(), last.id]) : null,
    };
  };

  type ContactColumns = Record<'nameKey' | 'name' | 'id' | 'searchText' | 'phoneDigits', AnyPgColumn>;

  /** The contacts' order (name key, name, id), on the table or on a subquery of it. */
  const contactOrder = (columns: ContactColumns) => [
    sql`${columns.nameKey} collate "C"`,
    sql`${columns.name} collate "C"`,
    sql`${columns.id} collate "C"`,
  ];

  /** The contacts after a cursor position: a row comparison the (name_key, name, id) index serves (an OR chain was 100× slower). */
  const contactsAfter = (columns: ContactColumns, [nameKey, name, id]: readonly [string, string, string]) =>
    sql`(${columns.nameKey} collate "C", ${columns.name} collate "C", ${columns.id} collate "C") > (${nameKey}, ${name}, ${id})`;

  /** `contactMatchesSearch` in SQL: the folded text in `contactSearchText`, or the digits in the phone. */
  const contactsMatching = (columns: ContactColumns, search: ContactSearch): SQL => {
    const conditions: SQL[] = [];
    if (search.text) conditions.push(sql`${columns.searchText} ilike ${`%${escapeLikePattern(search.text)}%`}`);
    if (search.digits !== null) conditions.push(sql`${columns.phoneDigits} like ${`%${escapeLikePattern(search.digits)}%`}`);
    return or(...conditions) ?? sql`false`;
  };

  /**
   * How many contacts in name order a search page looks through before it gives up on the index
   * walk, per row wanted: a search matching more than about 1 contact in 20 fills its page there
   * (measured at 100k contacts: "a" and "ma" in 3–4 ms instead of 90–120 ms), while a search that
   * matches few pays only a short walk before the trigram indexes answer it.
   */
  const searchWalkRowsPerMatch = 20;

  const listContacts = async (params: { search?: string; cursor?: string | null; limit?: number }): Promise<Page<Contact>> => {
    const limit = resolveLimit(params.limit);
    const search = parseContactSearch(params.search);
    const cursor =
      params.cursor === undefined || params.cursor === null
        ? undefined
        : decodeCursor('contacts', params.cursor, ['string', 'string', 'string']);

    let rows: Array<typeof contacts.$inferSelect>;
    let total: number | undefined;
    if (!search) {
      rows = await database
        .select()
        .from(contacts)
        .where(cursor ? contactsAfter(contacts, cursor) : undefined)
        .orderBy(...contactOrder(contacts))
        .limit(limit + 1);
      // The list shows how many contacts there are. At 100k contacts the count is most of this first
      // page's time (about 12 of 14 ms on PGlite), still well under the searches below.
      if (!cursor) {
        const [counted] = await database.select({ count: sql<number>`count(*)::int` }).from(contacts);
        total = counted?.count ?? 0;
      }
    } else {
      // Left to itself, the planner guesses how many contacts match and, for a search that matches
      // few, may walk the whole name index hunting for them (a miss took 200–450 ms at 100k
      // contacts). So a search first walks a bounded stretch of the name order, where a broad one
      // ("a", "ma") fills its page. Only if that falls short are all matches collected, in a
      // subquery with a window function, which PostgreSQL always plans on its own: the trigram
      // indexes find the matches (a seq scan when the search has no trigram), only they are
      // sorted, and counting them is free.
      const walked = database
        .select()
        .from(contacts)
        .where(cursor ? contactsAfter(contacts, cursor) : undefined)
        .orderBy(...contactOrder(contacts))
        .limit((limit + 1) * searchWalkRowsPerMatch)
        .as('walked');
      rows = await database
        .select()
        .from(walked)
        .where(contactsMatching(walked, search))
        .orderBy(...contactOrder(walked))
        .limit(limit + 1);
      if (rows.length <= limit) {
        const matching = database
          .select({ ...getTableColumns(contacts), matchCount: sql<number>`(count(*) over ())::int`.as('match_count') })
          .from(contacts)
          .where(contactsMatching(contacts, search))
          .as('matching');
        const found = await database
          .select()
          .from(matching)
          .where(cursor ? contactsAfter(matching, cursor) : undefined)
          .orderBy(...contactOrder(matching))
          .limit(limit + 1);
        rows = found;
        total = found[0]?.matchCount ?? 0;
      }
    }
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor('contacts', [last.nameKey, last.name, last.id]) : null;
    const page: Page<Contact> = { items: items.map(contactOf), nextCursor };
    // Only the first page says how many contacts match (the list shows it); a broad search, whose
    // page came from the walk, does not know without visiting nearly every contact.
    if (!cursor && total !== undefined) page.total = total;
    return page;
  };

  const createContact = async (input: unknown): Promise<Contact> => {
    const parsed = z.safeParse(contactInputSchema, input);
    if (!parsed.success) {
      throw new ReachoutError('VALIDATION', 'Check the highlighted fields', { fieldErrors: fieldErrorsOf(parsed.error) });
    }
    const { name, email, phone, avatarUrl } = parsed.data;
    const conflict = (existingName?: string) =>
      new ReachoutError(
        'CONFLICT',
        existingName ? `${existingName} already has the phone number ${phone}` : `A contact with the phone number ${phone} already exists`,
        { fieldErrors: { phone: 'A contact with this phone number already exists' } },
      );
    try {
      return await write(async (executor, emit) => {
        const [existing] = await executor.select({ name: contacts.name }).from(contacts).where(eq(contacts.phone, phone)).limit(1);
        if (existing) throw conflict(existing.name);
        const createdAt = now();
        const contact: Contact = {
          id: createSortableId(createdAt.getTime()),
          name,
          email: email ?? null,
          phone,
          avatarUrl: avatarUrl ?? null,
          createdAt: createdAt.toISOString(),
        };
        await executor.insert(contacts).values(contactRowOf(contact));
        await emit({ type: 'contact.created', contact });
        await addTimelineEvent(executor, emit, { contactId: contact.id, type: 'contact.created', text: 'Contact created', at: createdAt });
        return contact;
      });
    } catch (error) {
      // Two creates with one phone at once: the unique index refuses the second.
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
  };

  // ------------------------------------------------------------------------------------------
  // Sending
  // ------------------------------------------------------------------------------------------

  /** The ticket a key answers, or `null` when the key is free; CONFLICT when it was used for another notification. */
  const answerForKey = async (executor: DrizzleDatabase, key: string, fingerprint: string): Promise<string | null> => {
    const [claim] = await executor
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, sendScope), eq(idempotencyKeys.key, key)))
      .limit(1);
    // A key without an answer was claimed by a version of this server that stored the claim
    // before the ticket, and crashed in between: nothing was sent under it, so it is free.
    if (!claim || claim.ticketId === null) return null;
    if (claim.requestHash !== fingerprint) throw idempotencyConflictError('notification');
    return claim.ticketId;
  };

  /**
   * One send, idempotent per key, in one transaction: the key's stored answer if it has one, else
   * every refusal of the memory provider in its order, then the ticket, its timeline event and the
   * key with its answer. The key is stored with the ticket it answers, so a crash (or a refusal)
   * before the commit leaves neither, and a retry runs at once. Writing transactions are
   * serialised (`write`), so a concurrent repeat of the key sees this one's committed answer.
   */
  const createNotificationTicket = (input: SendNotificationInput, fingerprint: string, template: MessageTemplate | undefined) =>
    write(async (executor, emit): Promise<{ ticketId: string; created: boolean }> => {
      const answered = await answerForKey(executor, input.idempotencyKey, fingerprint);
      if (answered !== null) return { ticketId: answered, created: false };
      // Frees a key left without an answer (see answerForKey).
      await executor
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, sendScope), eq(idempotencyKeys.key, input.idempotencyKey)));

      const contactRow = await findContact(executor, input.contactId);
      const [senderRow] = await executor.select().from(senders).where(eq(senders.id, input.senderId)).limit(1);
      const [assigneeRow] =
        input.ticket.assigneeId === null
          ? []
          : await executor.select().from(agents).where(eq(agents.id, input.ticket.assigneeId)).limit(1);
      // A ticket still verifying is a send in flight, however long its job waits in the queue or
      // retries: its chat opens when WhatsApp answers, and a job that fails for good fails it.
      const [verifying] = await executor
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.contactId, input.contactId), eq(tickets.status, 'verifying')))
        .limit(1);
      const { contact, sender, assignee, to, message, body } = checkNotification(input, {
        contact: contactRow && contactOf(contactRow),
        sender: senderRow && senderOf(senderRow),
        template,
        assignee: assigneeRow && agentOf(assigneeRow),
        hasActiveChat: (await activeChatOf(executor, input.contactId)) !== undefined,
        hasVerifyingTicket: verifying !== undefined,
        connectedSenderId: gateway.senderId,
      });

      const at = now();
      const [row] = await executor
        .insert(tickets)
        .values({
          id: createSortableId(at.getTime()),
          contactId: contact.id,
          chatId: null,
          priority: input.ticket.priority,
          assignee,
          description: input.ticket.description,
          status: 'verifying',
          createdAt: at,
          updatedAt: at,
          senderId: sender.id,
          to: to.e164,
          templateName: message.template.name,
          language: message.template.language.code,
          body,
          delivery: 'pending',
          failureReason: null,
          messageId: null,
        })
        .returning();
      if (!row) throw new Error('Storing the ticket answered no row');
      // The outbox: the job that hands the message to WhatsApp commits with the ticket, so a
      // server that dies after this commit leaves a job another start (or server) runs.
      await enqueueDispatch(db.queue, executor, { ticketId: row.id, message, sender });
      await executor
        .insert(idempotencyKeys)
        .values({ scope: sendScope, key: input.idempotencyKey, requestHash: fingerprint, ticketId: row.id, createdAt: at });
      await emit({ type: 'ticket.updated', ticket: ticketOf(row) });
      await addTimelineEvent(executor, emit, {
        contactId: contact.id,
        type: 'notification.sent',
        text: `Sent ${message.template.name} from ${sender.displayName} to ${to.international}`,
        ticketId: row.id,
        at,
      });
      return { ticketId: row.id, created: true };
    });

  const readTicket = async (id: string): Promise<Ticket> => {
    const [row] = await database.select().from(tickets).where(eq(tickets.id, id)).limit(1);
    if (!row) throw notFound('ticket', id);
    return ticketOf(row);
  };

  const sendNotification = async (input: SendNotificationInput, signal?: AbortSignal): Promise<Ticket> => {
    parseSendNotificationInput(input);
    const fingerprint = fingerprintOf(input);
    // A repeat answers without reading templates (in Cloud API mode they come from Meta).
    const answered = await answerForKey(database, input.idempotencyKey, fingerprint);
    if (answered !== null) return readTicket(answered);
    const template = await findTemplate(input.template.id, signal);
    const { ticketId, created } = await createNotificationTicket(input, fingerprint, template);
    // The job is committed; this process's workers look for it now rather than at their next poll.
    if (created) void dispatchWorker.then((worker) => worker?.wake());
    return readTicket(ticketId);
  };

  // ------------------------------------------------------------------------------------------
  // What WhatsApp tells us
  // ------------------------------------------------------------------------------------------

  const lockTicket = async (executor: DrizzleDatabase, id: string) =>
    (await executor.select().from(tickets).where(eq(tickets.id, id)).limit(1).for('update'))[0];

  const applyFailure = (ticketId: string, reason: string, at: Date = now()) =>
    write(async (executor, emit) => {
      const row = await lockTicket(executor, ticketId);
      // Failed only from pending or sent: a delivered message was received.
      if (!row || (row.delivery !== 'pending' && row.delivery !== 'sent')) return;
      const [updated] = await executor
        .update(tickets)
        .set({
          delivery: 'failed',
          failureReason: reason,
          // A ticket already handed to an agent stays theirs; only the verification fails it.
          status: row.status === 'verifying' ? 'failed' : row.status,
          updatedAt: now(),
        })
        .where(eq(tickets.id, ticketId))
        .returning();
      if (updated) await emit({ type: 'ticket.updated', ticket: ticketOf(updated) });
      if (updated) await syncNotificationMessage(executor, emit, updated);
      await addTimelineEvent(executor, emit, { contactId: row.contactId, type: 'notification.failed', text: reason, ticketId, at });
    });

  const applyProgress = (ticketId: string, status: 'sent' | 'delivered' | 'read', at: Date) =>
    write(async (executor, emit) => {
      const row = await lockTicket(executor, ticketId);
      // Never backwards, and never out of failed.
      if (!row || row.delivery === 'failed' || deliveryRank[status] <= deliveryRank[row.delivery]) return;
      let chatId = row.chatId;
      let ticketStatus = row.status;
      const verifiedNow = row.status === 'verifying';
      if (verifiedNow) {
        let chat = await activeChatOf(executor, row.contactId);
        if (!chat) {
          const createdAt = now();
          [chat] = await executor
            .insert(chats)
            .values({
              id: createSortableId(createdAt.getTime()),
              contactId: row.contactId,
              status: row.assignee ? 'assigned' : 'open',
              assignee: row.assignee,
              lastInboundAt: null,
              senderId: row.senderId,
              createdAt,
            })
            .returning();
          if (chat) await emit({ type: 'chat.updated', chat: chatOf(chat) });
        }
        chatId = chat?.id ?? null;
        ticketStatus = row.assignee ? 'assigned' : 'open';
      }
      const [updated] = await executor
        .update(tickets)
        .set({ delivery: status, status: ticketStatus, chatId, updatedAt: now() })
        .where(eq(tickets.id, ticketId))
        .returning();
      if (updated) await emit({ type: 'ticket.updated', ticket: ticketOf(updated) });
      if (updated) await syncNotificationMessage(executor, emit, updated);
      const timeline = { contactId: row.contactId, ticketId, at };
      if (verifiedNow) {
        await addTimelineEvent(executor, emit, { ...timeline, type: 'notification.verified', text: 'Number verified: the notification was sent' });
        if (row.assignee) {
          await addTimelineEvent(executor, emit, { ...timeline, type: 'ticket.assigned', text: `Ticket assigned to ${row.assignee.name}` });
        }
      }
      if (status === 'delivered' || (status === 'read' && deliveryRank[row.delivery] < deliveryRank.delivered)) {
        await addTimelineEvent(executor, emit, { ...timeline, type: 'notification.delivered', text: 'Notification delivered' });
      }
      if (status === 'read') {
        await addTimelineEvent(executor, emit, { ...timeline, type: 'notification.read', text: 'Notification read' });
      }
    });

  const applyStatus = async (ticketId: string, update: Omit<DeliveryStatusUpdate, 'messageId'>) => {
    const at = validDate(update.at, now());
    if (update.status === 'failed') await applyFailure(ticketId, failureReasonOf(update.error), at);
    else await applyProgress(ticketId, update.status, at);
  };

  const recordStatus = async (update: DeliveryStatusUpdate) => {
    const [row] = await database.select({ id: tickets.id }).from(tickets).where(eq(tickets.messageId, update.messageId)).limit(1);
    // Statuses of messages this backend did not send (another app on the number) are not ours.
    if (!row) {
      if (await campaigns.recordStatus(update)) return;
      await messages.recordStatus(update);
      return;
    }
    await applyStatus(row.id, update);
  };

  /**
   * A customer's message: the active chat's reply window opens (a new open chat if none). The
   * window only moves forward: a message older than the chat's last one (WhatsApp delivers
   * webhooks out of order) is added to the timeline but leaves the chat as it is. A message whose
   * WhatsApp id was already recorded (a webhook delivered again) changes nothing.
   */
  const receive = (contactId: string, text: string, at: Date, origin: { businessPhone?: string; messageId?: string } = {}) =>
    write(async (executor, emit) => {
      const { businessPhone, messageId } = origin;
      if (messageId !== undefined) {
        const [seen] = await executor
          .select({ id: timelineEvents.id })
          .from(timelineEvents)
          .where(eq(timelineEvents.whatsappMessageId, messageId))
          .limit(1);
        if (seen) return;
      }
      const isNewer = (chat: { lastInboundAt: Date | null }) =>
        chat.lastInboundAt === null || chat.lastInboundAt.getTime() < at.getTime();
      let chat = await activeChatOf(executor, contactId);
      let chatChanged = true;
      if (chat) {
        if (isNewer(chat)) {
          [chat] = await executor.update(chats).set({ lastInboundAt: at }).where(eq(chats.id, chat.id)).returning();
        } else {
          chatChanged = false;
        }
      }
      const [lastChat] = chat
        ? []
        : await executor
            .select()
            .from(chats)
            .where(eq(chats.contactId, contactId))
            .orderBy(desc(chats.createdAt), sql`${chats.id} collate "C" desc`)
            .limit(1);
      if (lastChat?.lastInboundAt && at.getTime() < lastChat.lastInboundAt.getTime()) {
        // Written before the last message of a conversation that has ended since: it belongs
        // there, and arriving late must not open a new chat.
        chat = lastChat;
        chatChanged = false;
      }
      if (!chat) {
        const [byPhone] = businessPhone
          ? await executor.select({ id: senders.id }).from(senders).where(eq(senders.phone, businessPhone)).limit(1)
          : [];
        const [first] = await executor.select({ id: senders.id }).from(senders).orderBy(asc(senders.position)).limit(1);
        const senderId = byPhone?.id ?? lastChat?.senderId ?? first?.id;
        if (senderId === undefined) {
          throw new ReachoutError('NOT_FOUND', 'No sender to receive the reply on: add a business number first');
        }
        const createdAt = now();
        [chat] = await executor
          .insert(chats)
          .values({
            id: createSortableId(createdAt.getTime()),
            contactId,
            status: 'open',
            assignee: null,
            lastInboundAt: at,
            senderId,
            createdAt,
          })
          .returning();
      }
      if (!chat) throw new Error('Storing the chat answered no row');
      if (chatChanged) await emit({ type: 'chat.updated', chat: chatOf(chat) });
      const [ticket] = await executor
        .select({ id: tickets.id })
        .from(tickets)
        .where(eq(tickets.chatId, chat.id))
        .orderBy(desc(tickets.createdAt), sql`${tickets.id} collate "C" desc`)
        .limit(1);
      await addTimelineEvent(executor, emit, {
        contactId,
        type: 'customer.replied',
        text,
        ticketId: ticket?.id ?? null,
        at,
        whatsappMessageId: messageId ?? null,
      });
      await addInboundMessage(executor, emit, chat, { text, at, whatsappMessageId: messageId ?? null });
    });

  const recordInbound = async (message: InboundMessage) => {
    const digits = message.from.replace(/\D/g, '');
    if (!digits) return;
    const [contact] = await database.select({ id: contacts.id }).from(contacts).where(eq(contacts.phone, `+${digits}`)).limit(1);
    // Someone who is not a contact wrote: nothing to attach the message to.
    if (!contact) return;
    const received = now();
    // A time ahead of ours (a skewed or forged clock) would hold the window open: it moves only forward.
    const at = new Date(Math.min(validDate(message.at, received).getTime(), received.getTime()));
    try {
      await receive(contact.id, message.text, at, {
        ...(message.to === undefined ? {} : { businessPhone: message.to }),
        ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
      });
    } catch (error) {
      // The same message delivered twice at once: the unique id let one of them in.
      if (isUniqueViolation(error)) return;
      throw error;
    }
  };

  // ------------------------------------------------------------------------------------------
  // The simulator
  // ------------------------------------------------------------------------------------------

  let simulation: Simulation | null = null;
  let gateway: WhatsAppGateway;
  if (options.gateway) {
    gateway = options.gateway;
  } else {
    simulation = createSimulation({ database, queue: db.queue, delayMs: options.simulatorDelayMs ?? 3000, now, applyStatus });
    gateway = simulation.gateway;
  }

  // Sends committed by any server on this database (or before a crash) are handed to WhatsApp here.
  const dispatchWorker: Promise<DispatchWorker | null> = startDispatchWorker({
    boss: db.queue,
    database,
    gateway,
    failTicket: (ticketId, reason) => applyFailure(ticketId, reason),
    afterSent: (ticketId) => simulation?.track(ticketId, 'verifying'),
  }).catch((error: unknown) => {
    console.error('The send queue worker did not start: queued sends wait for the next start', error);
    return null;
  });

  const messages = createMessages({
    database,
    write,
    now,
    gateway: () => gateway,
    findTemplate,
    ...(simulation ? { simulatorDelayMs: options.simulatorDelayMs ?? 3000 } : {}),
  });

  const campaigns = createCampaignsBackend({ db, write, now, gateway: () => gateway, findTemplate, simulatorDelayMs: simulation ? (options.simulatorDelayMs ?? 3000) : null });

  const completeVerification = async (ticketId: string, result: 'success' | 'failed') => {
    const ticket = await readTicket(ticketId);
    if (ticket.status !== 'verifying') {
      throw new ReachoutError('CONFLICT', `Ticket ${ticketId} is ${ticket.status}, not verifying: its verification already ended`);
    }
    await applyStatus(ticketId, {
      status: result === 'success' ? 'sent' : 'failed',
      at: now().toISOString(),
      ...(result === 'failed' ? { error: undeliverableError } : {}),
    });
    if (result === 'success') simulation?.track(ticketId, 'sent');
  };

  // ------------------------------------------------------------------------------------------
  // The backend
  // ------------------------------------------------------------------------------------------

  /** Every method: honours an aborted signal, and turns a database failure into a ReachoutError. */
  const perform = async <Result>(context: CallContext | undefined, work: () => Promise<Result>): Promise<Result> => {
    throwIfAborted(context?.signal);
    try {
      return await work();
    } catch (error) {
      if (isReachoutError(error) || isAbortError(error)) throw error;
      throw new ReachoutError('UNKNOWN', 'The database could not complete the request; try again', { cause: error });
    }
  };

  const provider: ReachoutBackend['provider'] = {
    listMessages: (params, context) => perform(context, () => messages.list(params)),
    sendMessage: (params, context) => perform(context, () => messages.send(params.input, context?.signal)),
    listContacts: (params, context) => perform(context, () => listContacts(params)),
    getContact: (params, context) =>
      perform(context, async () => contactOf(await requireContact(database, params.id))),
    createContact: (params, context) => perform(context, () => createContact(params.input)),
    importContacts: (params, context) => perform(context, () => importContacts(params.input)),
    ...campaigns.provider,
    listSenders: (_params, context) =>
      perform(context, async () => {
        const listed = (await database.select().from(senders).orderBy(asc(senders.position))).map(senderOf);
        return gateway.senderId === undefined ? listed : listed.filter((sender) => sender.id === gateway.senderId);
      }),
    listTemplates: (params, context) =>
      perform(context, async () => {
        const limit = resolveLimit(params.limit);
        let start = 0;
        if (params.cursor !== undefined && params.cursor !== null) {
          [start] = decodeCursor('templates', params.cursor, ['number']);
        }
        await requireSender(database, params.senderId);
        const matching = (await loadTemplates(context?.signal))
          .map((template, index) => ({ template, index }))
          .filter(({ template }) => templateMatchesSearch(template, params.search))
          .filter(({ index }) => index >= start);
        const items = matching.slice(0, limit);
        const next = matching[limit];
        return {
          items: items.map(({ template }) => template),
          nextCursor: next ? encodeCursor('templates', [next.index]) : null,
        };
      }),
    listAgents: (params, context) =>
      perform(context, async () => {
        const rows = await database.select().from(agents).orderBy(asc(agents.position));
        return rows.map(agentOf).filter((agent) => agentMatchesSearch(agent, params.search));
      }),
    getActiveChat: (params, context) =>
      perform(context, async () => {
        await requireContact(database, params.contactId);
        const chat = await activeChatOf(database, params.contactId);
        return chat ? chatOf(chat) : null;
      }),
    sendNotification: (params, context) => perform(context, () => sendNotification(params.input, context?.signal)),
    getTicket: (params, context) => perform(context, () => readTicket(params.id)),
    listTickets: (params, context) =>
      perform(context, () =>
        newestFirstPage('tickets', params, {
          columns: [sql`${tickets.createdAt}`, sql`${tickets.id}`],
          query: (after, limit) =>
            database
              .select()
              .from(tickets)
              .where(and(eq(tickets.contactId, params.contactId), after))
              .orderBy(desc(tickets.createdAt), sql`${tickets.id} collate "C" desc`)
              .limit(limit),
          timeOf: (row) => row.createdAt,
          itemOf: ticketOf,
        }),
      ),
    listTimeline: (params, context) =>
      perform(context, () =>
        newestFirstPage('timeline', params, {
          columns: [sql`${timelineEvents.at}`, sql`${timelineEvents.id}`],
          query: (after, limit) =>
            database
              .select()
              .from(timelineEvents)
              .where(and(eq(timelineEvents.contactId, params.contactId), after))
              .orderBy(desc(timelineEvents.at), sql`${timelineEvents.id} collate "C" desc`)
              .limit(limit),
          timeOf: (row) => row.at,
          itemOf: timelineEventOf,
        }),
      ),
    listChats: (params, context) =>
      perform(context, () =>
        newestFirstPage('chats', params, {
          columns: [sql`${chats.createdAt}`, sql`${chats.id}`],
          query: (after, limit) =>
            database
              .select()
              .from(chats)
              .where(and(eq(chats.contactId, params.contactId), after))
              .orderBy(desc(chats.createdAt), sql`${chats.id} collate "C" desc`)
              .limit(limit),
          timeOf: (row) => row.createdAt,
          itemOf: chatOf,
        }),
      ),
  };

  // ------------------------------------------------------------------------------------------
  // Event retention
  // ------------------------------------------------------------------------------------------

  const eventRetentionMs = options.eventRetentionMs ?? defaultEventRetentionMs;

  const pruneEvents = async (): Promise<number> => {
    const cutoff = new Date(now().getTime() - eventRetentionMs);
    const deleted = await database
      .delete(events)
      .where(and(lt(events.createdAt, cutoff), sql`${events.id} < (select max(id) from events)`))
      .returning({ id: events.id });
    return deleted.length;
  };

  let pruning: Promise<void> = Promise.resolve();
  const pruneInBackground = () => {
    pruning = pruning.then(async () => {
      if (closed) return;
      try {
        await pruneEvents();
      } catch (error) {
        if (!closed) console.error('reachout: pruning old events failed; trying again later', error);
      }
    });
  };
  pruneInBackground();
  const pruneTimer = globalThis.setInterval(pruneInBackground, options.eventPruneIntervalMs ?? hourMs);
  // The timer alone must not keep a process (a test, a script) alive.
  pruneTimer.unref?.();

  const backend: DatabaseBackend = {
    provider,
    pruneEvents,
    events: {
      async since(lastEventId, { limit }) {
        if (!/^\d+$/.test(lastEventId)) {
          throw new ReachoutError('VALIDATION', `Last-Event-ID must be an event id (a whole number), got ${JSON.stringify(lastEventId)}`, {
            fieldErrors: { lastEventId: 'Not an event id' },
          });
        }
        const after = BigInt(lastEventId);
        // One snapshot for the bounds and the rows, so a prune in between cannot hide a gap.
        return database.transaction(
          async (transaction) => {
            const [bounds] = await transaction
              .select({ oldest: sql<string | null>`min(${events.id})::text`, newest: sql<string | null>`max(${events.id})::text` })
              .from(events);
            const newest = BigInt(bounds?.newest ?? '0');
            const reset = { kind: 'reset', lastEventId: String(newest) } as const;
            // Ids this database never issued: it was reset or replaced since the client's last event.
            if (after > newest) return reset;
            // Pruned events, or (rarely, and harmlessly) ids a rolled-back write used up: the
            // events right after `after` may be gone, so the client refetches rather than miss them.
            if (bounds?.oldest != null && after < BigInt(bounds.oldest) - 1n) return reset;
            const missed = sql`${events.id} > ${after.toString()}`;
            // Ids only (the primary key's index): counting past the limit must not read a thousand payloads.
            const [beyondLimit] = await transaction
              .select({ id: events.id })
              .from(events)
              .where(missed)
              .orderBy(asc(events.id))
              .offset(limit)
              .limit(1);
            if (beyondLimit) return reset;
            const rows = await transaction.select().from(events).where(missed).orderBy(asc(events.id)).limit(limit);
            return { kind: 'events', events: rows.map((row) => ({ id: String(row.id), event: row.payload })) } as const;
          },
          { isolationLevel: 'repeatable read', accessMode: 'read only' },
        );
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    },
    media: {
      async put(stored: StoredMedia, purpose) {
        const id = randomUUID();
        await database.insert(media).values({
          id,
          contentType: stored.contentType,
          filename: stored.filename ?? null,
          bytes: stored.bytes,
          purpose,
          createdAt: now(),
        });
        return { id };
      },
      async get(id) {
        if (!uuidPattern.test(id)) return null;
        const [row] = await database.select().from(media).where(eq(media.id, id)).limit(1);
        if (!row) return null;
        return {
          bytes: row.bytes,
          contentType: row.contentType,
          ...(row.filename === null ? {} : { filename: row.filename }),
        };
      },
    },
    whatsapp: { recordStatus, recordInbound, templatesChanged: () => gateway.invalidateTemplates?.() },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      await eventRelay?.close();
      messages.stop();
      await campaigns.stop();
      await (await dispatchWorker)?.stop();
      gateway.close?.();
      globalThis.clearInterval(pruneTimer);
      await pruning;
      await simulation?.stop();
      if (!options.keepDatabaseOpen) await db.close();
    },
  };

  // The simulator routes exist only when WhatsApp is simulated.
  if (gateway.mode === 'simulator') {
    backend.simulator = {
      receiveReply: (contactId, text) =>
        perform(undefined, async () => {
          await requireContact(database, contactId);
          await receive(contactId, text, now());
        }),
      completeVerification: (ticketId, result) => perform(undefined, () => completeVerification(ticketId, result)),
    };
  }
  return backend;
}
