import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor, type Page, resolveLimit } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { type BackendContext, perform } from './backendContext';
import { chatOf, ticketOf, timelineEventOf } from './rows';
import { chats, tickets, timelineEvents } from './schema';

/** A contact's history in the database backend: its tickets, timeline and chats, newest first, and its active chat. */
export function createHistoryMethods(context: BackendContext) {
  const { database, requireContact, activeChatOf } = context;

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

  return {
    getActiveChat: (params, callContext) =>
      perform(callContext, async () => {
        await requireContact(database, params.contactId);
        const chat = await activeChatOf(database, params.contactId);
        return chat ? chatOf(chat) : null;
      }),
    listTickets: (params, callContext) =>
      perform(callContext, () =>
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
    listTimeline: (params, callContext) =>
      perform(callContext, () =>
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
    listChats: (params, callContext) =>
      perform(callContext, () =>
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
  } satisfies Pick<ReachoutBackend['provider'], 'getActiveChat' | 'listTickets' | 'listTimeline' | 'listChats'>;
}
