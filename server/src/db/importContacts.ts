import { eq, sql } from 'drizzle-orm';
import {
  contactImportFingerprint,
  foldText,
  importKeyReusedError,
  importResultOf,
  planContactImport,
  validateImportBatch,
} from 'reachout/core';
import type { Contact, ContactImportBatch, ContactImportResult, ReachoutEvent } from 'reachout/core';
import { createSortableId } from './ids';
import type { DrizzleDatabase } from './openDatabase';
import { contactOf } from './rows';
import { contactImports, contacts } from './schema';
import { contactSearchText, fingerprintOf } from './text';

/** One `text[]` parameter (drizzle would spread a plain array into one parameter per element). */
const textArray = (values: readonly (string | null)[]) => sql`${sql.param(values)}::text[]`;

/** A writing transaction of the database backend: `emitAll` stores events with it, delivered after commit. */
export type ImportWrite = <Result>(
  work: (executor: DrizzleDatabase, emitAll: (events: ReachoutEvent[]) => Promise<void>) => Promise<Result>,
) => Promise<Result>;

/**
 * `importContacts` of the database backend: the core rules (`planContactImport`), each batch in
 * one transaction (its contacts, timeline entries, events and the key's answer commit together,
 * or none of them), idempotent per key through `contact_imports`. Each step is one statement
 * whatever the batch's size, its rows passed as a few array parameters (`unnest`) rather than
 * thousands of single ones: 1,000 rows cost a handful of round trips and no large SQL text.
 */
export function createImportContacts(options: { write: ImportWrite; now: () => Date }) {
  return async (batch: ContactImportBatch): Promise<ContactImportResult> => {
    const validated = validateImportBatch(batch);
    const requestHash = fingerprintOf(contactImportFingerprint(batch));
    return options.write(async (executor, emitAll) => {
      const [previous] = await executor.select().from(contactImports).where(eq(contactImports.key, batch.idempotencyKey)).limit(1);
      if (previous) {
        if (previous.requestHash !== requestHash) throw importKeyReusedError();
        // jsonb stores keys in its own order: answer them in the first answer's.
        const { created, updated, skipped } = previous.result;
        return { created, updated, skipped: skipped.map(({ row, code, message }) => ({ row, code, message })) };
      }
      const phones = validated.valid.map((row) => row.phone);
      const existingRows =
        phones.length === 0 ? [] : await executor.select().from(contacts).where(sql`${contacts.phone} = any(${textArray(phones)})`);
      const plan = planContactImport(batch, validated, new Map(existingRows.map((row) => [row.phone, contactOf(row)])));

      const at = options.now();
      const created: Contact[] = plan.create.map((row) => ({
        id: createSortableId(at.getTime()),
        name: row.name,
        email: row.email,
        phone: row.phone,
        avatarUrl: null,
        createdAt: at.toISOString(),
        ...(row.attributes ? { attributes: row.attributes } : {}),
      }));
      if (created.length > 0) {
        await executor.execute(sql`
          insert into contacts (id, name, email, phone, attributes, created_at, name_key, search_text, phone_digits)
          select id, name, email, phone, attributes::jsonb, ${at.toISOString()}::timestamptz, name_key, search_text, phone_digits
          from unnest(
            ${textArray(created.map((contact) => contact.id))},
            ${textArray(created.map((contact) => contact.name))},
            ${textArray(created.map((contact) => contact.email))},
            ${textArray(created.map((contact) => contact.phone))},
            ${textArray(created.map((contact) => (contact.attributes ? JSON.stringify(contact.attributes) : null)))},
            ${textArray(created.map((contact) => foldText(contact.name)))},
            ${textArray(created.map((contact) => contactSearchText(contact.name, contact.email)))},
            ${textArray(created.map((contact) => contact.phone.replace(/\D/g, '')))}
          ) as row(id, name, email, phone, attributes, name_key, search_text, phone_digits)`);
        await executor.execute(sql`
          insert into timeline_events (id, contact_id, type, at, text)
          select id, contact_id, 'contact.created', ${at.toISOString()}::timestamptz, 'Contact imported'
          from unnest(
            ${textArray(created.map(() => createSortableId(at.getTime())))},
            ${textArray(created.map((contact) => contact.id))}
          ) as row(id, contact_id)`);
      }
      if (plan.update.length > 0) {
        const updates = plan.update.map((update) => update.contact);
        await executor.execute(sql`
          update contacts set
            name = row.name,
            email = row.email,
            attributes = row.attributes::jsonb,
            name_key = row.name_key,
            search_text = row.search_text
          from unnest(
            ${textArray(updates.map((contact) => contact.id))},
            ${textArray(updates.map((contact) => contact.name))},
            ${textArray(updates.map((contact) => contact.email))},
            ${textArray(updates.map((contact) => (contact.attributes ? JSON.stringify(contact.attributes) : null)))},
            ${textArray(updates.map((contact) => foldText(contact.name)))},
            ${textArray(updates.map((contact) => contactSearchText(contact.name, contact.email)))}
          ) as row(id, name, email, attributes, name_key, search_text)
          where contacts.id = row.id`);
      }
      const updated = plan.update.map((update) => update.contact);
      // One event per batch: a thousand would cost the page a thousand cache updates, and replay one batch past its limit.
      if (created.length > 0 || updated.length > 0) await emitAll([{ type: 'contacts.imported', created, updated }]);
      const result = importResultOf(plan);
      await executor.insert(contactImports).values({ key: batch.idempotencyKey, requestHash, result, createdAt: at });
      return result;
    });
  };
}
