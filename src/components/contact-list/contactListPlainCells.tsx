import type { ComponentType } from 'react';
import type { Contact } from '../../core/types';
import { useMessages } from './messages';
import { usePhone } from '../internal/usePhone';
import type { ContactListBuiltInColumnId } from './columns';

interface CellProps {
  contact: Contact;
}

/** The component that draws each built-in column's cell. */
export type ContactListBuiltInCells = Record<ContactListBuiltInColumnId, ComponentType<{ contact: Contact }>>;

// `dir="auto"` isolates each value: an Arabic name in a left-to-right page (or an email in a
// right-to-left one) keeps its own order instead of scrambling its neighbours.

/** The name alone; `ContactList.Root` puts the avatar beside it (`ContactListNameCell`). */
export function ContactListPlainNameCell({ contact }: CellProps) {
  return (
    <span data-slot="contact-list-name" dir="auto">
      {contact.name}
    </span>
  );
}

// Parsing a number is the costliest thing a row does, and scrolling mounts new rows all the
// time (and brings old ones back): formatted numbers are cached by E.164, within a bound.
const formattedPhones = new Map<string, string>();
const maxFormattedPhones = 5_000;

function formatPhoneCached(phone: string, formatPhone: (e164: string) => string): string {
  let formatted = formattedPhones.get(phone);
  if (formatted === undefined) {
    formatted = formatPhone(phone);
    if (formattedPhones.size >= maxFormattedPhones) formattedPhones.clear();
    formattedPhones.set(phone, formatted);
  }
  return formatted;
}

export function ContactListPhoneCell({ contact }: CellProps) {
  // The phone chunk loads after the first rows paint; until then the number shows as stored, in a
  // column whose width does not depend on its text, so nothing moves when it is formatted.
  const phone = usePhone();
  const formatted = phone === undefined ? contact.phone : formatPhoneCached(contact.phone, phone.formatPhone);
  // Phone numbers read left to right in every script.
  return <span dir="ltr">{formatted}</span>;
}

export function ContactListEmailCell({ contact }: CellProps) {
  return contact.email === null ? null : <span dir="auto">{contact.email}</span>;
}

// Formatting a date is the next costliest thing a new row does: cached the same way, by locale.
const formattedDates = new Map<string, string>();
const maxFormattedDates = 5_000;

export function ContactListCreatedCell({ contact }: CellProps) {
  const { formatDate, locale } = useMessages();
  const key = `${locale} ${contact.createdAt}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    formatted = formatDate(contact.createdAt, { dateStyle: 'medium' });
    if (formattedDates.size >= maxFormattedDates) formattedDates.clear();
    formattedDates.set(key, formatted);
  }
  return <time dateTime={contact.createdAt}>{formatted}</time>;
}

/**
 * The headless hook's cells: no parts, no context. `ContactList.Root` swaps in the name cell
 * with the avatar, so `useContactList` never depends on the parts (they depend on it).
 */
export const plainContactListCells: ContactListBuiltInCells = {
  name: ContactListPlainNameCell,
  phone: ContactListPhoneCell,
  email: ContactListEmailCell,
  createdAt: ContactListCreatedCell,
};
