import { eq, getTableColumns, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import * as z from 'zod/mini';
import {
  type Contact,
  type ContactSearch,
  contactInputSchema,
  decodeCursor,
  encodeCursor,
  fieldErrorsOf,
  type Page,
  parseContactSearch,
  ReachoutError,
  resolveLimit,
} from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { type BackendContext, isUniqueViolation, perform } from './backendContext';
import { createSortableId } from './ids';
import { createImportContacts } from './importContacts';
import { contactOf, contactRowOf } from './rows';
import { contacts } from './schema';
import { escapeLikePattern } from './text';

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

/** `listContacts`, `getContact`, `createContact` and `importContacts` of the database backend. */
export function createContactMethods(context: BackendContext) {
  const { database, now, write, addTimelineEvent, requireContact } = context;
  const importContacts = createImportContacts({ now, write: (work) => write((executor, _emit, emitAll) => work(executor, emitAll)) });

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

  return {
    listContacts: (params, callContext) => perform(callContext, () => listContacts(params)),
    getContact: (params, callContext) => perform(callContext, async () => contactOf(await requireContact(database, params.id))),
    createContact: (params, callContext) => perform(callContext, () => createContact(params.input)),
    importContacts: (params, callContext) => perform(callContext, () => importContacts(params.input)),
  } satisfies Pick<ReachoutBackend['provider'], 'listContacts' | 'getContact' | 'createContact' | 'importContacts'>;
}
