import {
  contactImportFingerprint,
  importKeyReusedError,
  importResultOf,
  planContactImport,
  validateImportBatch,
} from '../../core/import';
import type { Contact, ContactImportBatch, ContactImportResult, E164 } from '../../core/types';

/** What the memory provider's import needs from its store. */
export interface MemoryImportStore {
  findByPhone(phone: E164): Contact | undefined;
  newContactId(): string;
  now(): string;
  /** Stores new contacts (with their timeline entries). */
  addContacts(contacts: Contact[]): void;
  /** Stores changed contacts (same id and phone). */
  replaceContacts(contacts: Contact[]): void;
  /** Emits the batch's one `contacts.imported` event. */
  emitImported(created: Contact[], updated: Contact[]): void;
}

/**
 * `importContacts` over the memory provider's store, with the core rules (`planContactImport`)
 * the reference server applies too; idempotent per key. A batch is applied synchronously, so it
 * is all-or-nothing.
 */
export function createMemoryImport(store: MemoryImportStore): (batch: ContactImportBatch) => ContactImportResult {
  const answered = new Map<string, { fingerprint: string; result: ContactImportResult }>();
  return (batch) => {
    const fingerprint = contactImportFingerprint(batch);
    const previous = answered.get(batch.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) throw importKeyReusedError();
      return structuredClone(previous.result);
    }
    const validated = validateImportBatch(batch);
    const existing = new Map<E164, Contact>();
    for (const row of validated.valid) {
      const contact = store.findByPhone(row.phone);
      if (contact) existing.set(row.phone, contact);
    }
    const plan = planContactImport(batch, validated, existing);
    const createdAt = store.now();
    const created = plan.create.map(
      (row): Contact => ({
        id: store.newContactId(),
        name: row.name,
        email: row.email,
        phone: row.phone,
        avatarUrl: null,
        createdAt,
        ...(row.attributes ? { attributes: row.attributes } : {}),
      }),
    );
    const updated = plan.update.map((update) => update.contact);
    store.addContacts(created);
    store.replaceContacts(updated);
    if (created.length > 0 || updated.length > 0) store.emitImported(created, updated);
    const result = importResultOf(plan);
    answered.set(batch.idempotencyKey, { fingerprint, result: structuredClone(result) });
    return result;
  };
}

/**
 * Inserts `additions` into the sorted `target` in place: a binary search per addition and one
 * pass over `target`, instead of a splice per addition (100,000 imported contacts would move
 * billions of elements).
 */
export function mergeIntoSorted<Item>(target: Item[], additions: readonly Item[], compare: (left: Item, right: Item) => number): void {
  if (additions.length === 0) return;
  const sortedAdditions = [...additions].sort(compare);
  const positions = sortedAdditions.map((item) => {
    let low = 0;
    let high = target.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(target[middle] as Item, item) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  });
  let read = target.length - 1;
  let write = target.length + sortedAdditions.length - 1;
  target.length += sortedAdditions.length;
  for (let addition = sortedAdditions.length - 1; addition >= 0; addition -= 1) {
    const position = positions[addition] as number;
    while (read >= position) target[write--] = target[read--] as Item;
    target[write--] = sortedAdditions[addition] as Item;
  }
}

/** The index of `item` in the sorted `target` (which holds it), found by binary search. */
export function indexInSorted<Item>(target: readonly Item[], item: Item, compare: (left: Item, right: Item) => number): number {
  let low = 0;
  let high = target.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(target[middle] as Item, item) < 0) low = middle + 1;
    else high = middle;
  }
  return target[low] === item ? low : target.indexOf(item);
}
