import { eq, inArray } from 'drizzle-orm';
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
import { contactOf, contactRowOf } from './rows';
import { contactImports, contacts, timelineEvents } from './schema';
import { contactSearchText, fingerprintOf } from './text';

/** A writing transaction of the database backend: `emitAll` stores events with it, delivered after commit. */
export type ImportWrite = <Result>(
  work: (executor: DrizzleDatabase, emitAll: (events: ReachoutEvent[]) => Promise<void>) => Promise<Result>,
) => Promise<Result>;

/**
 * `importContacts` of the database backend: the core rules (`planContactImport`), each batch in
 * one transaction (its contacts, timeline entries, events and the key's answer commit together,
 * or none of them), idempotent per key through `contact_imports`. Inserts go in one statement
 * per table, so 1,000 rows cost a handful of round trips.
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
      const existingRows = phones.length === 0 ? [] : await executor.select().from(contacts).where(inArray(contacts.phone, phones));
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
        await executor.insert(contacts).values(created.map(contactRowOf));
        await executor.insert(timelineEvents).values(
          created.map((contact) => ({
            id: createSortableId(at.getTime()),
            contactId: contact.id,
            type: 'contact.created' as const,
            at,
            text: 'Contact imported',
          })),
        );
      }
      for (const { contact } of plan.update) {
        await executor
          .update(contacts)
          .set({
            name: contact.name,
            email: contact.email,
            attributes: contact.attributes ?? null,
            nameKey: foldText(contact.name),
            searchText: contactSearchText(contact.name, contact.email),
          })
          .where(eq(contacts.id, contact.id));
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
