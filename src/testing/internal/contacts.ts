import { ReachoutError } from '../../core/errors';
import {
  contactMatchesSearch,
  contactSearchFields,
  type ContactSearch,
  type ContactSearchFields,
  parseContactSearch,
} from '../../core/provider-rules';
import type { Contact, Page } from '../../core/types';
import { indexInSorted, mergeIntoSorted } from './importContacts';
import { paginate } from './paginate';

// A fixed locale, so the order does not depend on the machine running the tests.
const nameCollator = new Intl.Collator('en', { sensitivity: 'variant' });

export interface ContactEntry {
  contact: Contact;
  /** Folded name and email and the phone's digits, computed once (100,000 contacts are searched). */
  search: ContactSearchFields;
}

/** The `NOT_FOUND` every memory provider method answers for an unknown id. */
export function notFound(what: string, id: string): ReachoutError {
  return new ReachoutError('NOT_FOUND', `No ${what} with id ${id}`);
}

export function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function compareContacts(left: ContactEntry, right: ContactEntry): number {
  return nameCollator.compare(left.contact.name, right.contact.name) || compareIds(left.contact.id, right.contact.id);
}

/**
 * Sorts like `compareContacts`, but runs the (slow) collator only over distinct names: 100,000
 * generated contacts share a few thousand names.
 */
function sortByName<Entry extends { contact: Contact }>(entries: Entry[]): Entry[] {
  const names = [...new Set(entries.map((entry) => entry.contact.name))].sort(nameCollator.compare);
  const rankOfName = new Map<string, number>();
  let rank = 0;
  names.forEach((name, index) => {
    // Names the collator holds equal share a rank, so ids decide between them as in compareContacts.
    if (index > 0 && nameCollator.compare(names[index - 1] as string, name) !== 0) rank += 1;
    rankOfName.set(name, rank);
  });
  return entries
    .map((entry) => ({ entry, rank: rankOfName.get(entry.contact.name) ?? 0 }))
    .sort((left, right) => left.rank - right.rank || compareIds(left.entry.contact.id, right.entry.contact.id))
    .map(({ entry }) => entry);
}

function entryOf(contact: Contact): ContactEntry {
  return { contact, search: contactSearchFields(contact) };
}

/** A contact's own copy; much faster than `structuredClone` for 100,000 seed contacts. */
export function copyContact(contact: Contact): Contact {
  return contact.attributes ? { ...contact, attributes: { ...contact.attributes } } : { ...contact };
}

/** The memory provider's contacts: by id, by phone, and in name order for listing and search. */
export interface ContactIndex {
  get(id: string): ContactEntry | undefined;
  /** The contact with that id; `NOT_FOUND` otherwise. */
  require(id: string): ContactEntry;
  /** The id of the contact with that phone (E.164), if any. */
  idOfPhone(phone: string): string | undefined;
  /** Adds a new contact (its id and phone unused). */
  add(contact: Contact): void;
  /** Adds many new contacts at once (an import), merged into the name order in one pass. */
  addMany(contacts: readonly Contact[]): void;
  /** Replaces a stored contact (same id and phone) with `contact`, keeping the name order. */
  replace(contact: Contact): void;
  /** `replace` for an import: finds the stored entry by binary search (100,000 rows may update). */
  replaceImported(contact: Contact): void;
  /** One page of `listContacts`: in name order, filtered by the search. */
  list(params: { search?: string; cursor?: string | null; limit?: number }): Page<Contact>;
  /** Every contact in name order (the index's own entries: copy before handing them out). */
  inOrder(): readonly ContactEntry[];
}

/**
 * The contacts of a memory provider, seeded with `seed`; throws when two seed contacts share an
 * id or a phone.
 */
export function createContactIndex(seed: readonly Contact[]): ContactIndex {
  const byId = new Map<string, ContactEntry>();
  const idsByPhone = new Map<string, string>();
  const seeded: Array<{ contact: Contact }> = [];
  const seededIds = new Set<string>();
  for (const seedContact of seed) {
    const contact = copyContact(seedContact);
    if (seededIds.has(contact.id)) throw new Error(`createMemoryProvider: two contacts have the id ${contact.id}`);
    seededIds.add(contact.id);
    if (idsByPhone.has(contact.phone)) {
      throw new Error(`createMemoryProvider: two contacts have the phone ${contact.phone}`);
    }
    idsByPhone.set(contact.phone, contact.id);
    seeded.push({ contact });
  }
  // Entries and their folded strings are made in name order, the order every search scans them:
  // with that memory locality a scan of 100,000 contacts takes half the time.
  const sorted = sortByName(seeded).map(({ contact }) => entryOf(contact));
  for (const entry of sorted) byId.set(entry.contact.id, entry);
  /**
   * The last search's matches: the next page of the same search reuses them, and a search that
   * narrows it (a letter typed at either end) filters them instead of every contact. Cleared
   * whenever a contact is added or changed.
   */
  let lastSearch: { search: ContactSearch; matching: readonly ContactEntry[] } | null = null;

  const require = (id: string): ContactEntry => {
    const entry = byId.get(id);
    if (!entry) throw notFound('contact', id);
    return entry;
  };

  const insertSorted = (entry: ContactEntry) => {
    lastSearch = null;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareContacts(sorted[middle] as ContactEntry, entry) < 0) low = middle + 1;
      else high = middle;
    }
    sorted.splice(low, 0, entry);
  };

  const search = (query: ContactSearch): readonly ContactEntry[] => {
    if (lastSearch !== null && lastSearch.search.text === query.text && lastSearch.search.digits === query.digits) {
      return lastSearch.matching;
    }
    // Anything matching the new search matched the previous one when the previous is contained in
    // it, text and phone digits alike (a search without text or digits matched nothing by them).
    const previous = lastSearch?.search;
    const narrows =
      previous !== undefined &&
      (query.text === '' || (previous.text !== '' && query.text.includes(previous.text))) &&
      (query.digits === null || (previous.digits !== null && query.digits.includes(previous.digits)));
    const candidates = narrows && lastSearch !== null ? lastSearch.matching : sorted;
    const matching = candidates.filter((entry) => contactMatchesSearch(entry.search, query));
    lastSearch = { search: query, matching };
    return matching;
  };

  return {
    get: (id) => byId.get(id),
    require,
    idOfPhone: (phone) => idsByPhone.get(phone),
    add(contact) {
      const entry = entryOf(contact);
      byId.set(contact.id, entry);
      idsByPhone.set(contact.phone, contact.id);
      insertSorted(entry);
    },
    addMany(contacts) {
      const entries = contacts.map(entryOf);
      for (const entry of entries) {
        byId.set(entry.contact.id, entry);
        idsByPhone.set(entry.contact.phone, entry.contact.id);
      }
      lastSearch = null;
      mergeIntoSorted(sorted, entries, compareContacts);
    },
    replace(contact) {
      const previous = require(contact.id);
      const entry = entryOf(contact);
      byId.set(contact.id, entry);
      sorted.splice(sorted.indexOf(previous), 1);
      insertSorted(entry);
    },
    replaceImported(contact) {
      const previous = require(contact.id);
      const entry = entryOf(contact);
      byId.set(contact.id, entry);
      sorted.splice(indexInSorted(sorted, previous, compareContacts), 1);
      insertSorted(entry);
    },
    list(params) {
      const query = parseContactSearch(params.search);
      const matching = query ? search(query) : sorted;
      const page = paginate(matching, {
        list: 'contacts',
        cursor: params.cursor,
        limit: params.limit,
        keyOf: (entry) => [entry.contact.name, entry.contact.id],
        keyShape: ['string', 'string'],
        compareToKey: (entry, key) =>
          nameCollator.compare(entry.contact.name, key[0] as string) || compareIds(entry.contact.id, key[1] as string),
      });
      return { ...page, items: page.items.map((entry) => copyContact(entry.contact)) };
    },
    inOrder: () => sorted,
  };
}
