import { useMemo } from 'react';
import { formatPhone } from '../../core/phone';
import type { Contact } from '../../core/types';
import { useMessages } from '../../data/useMessages';
import { ContactListAvatar } from './ContactListAvatar';
import { useContactListContext } from './ContactListContext';

interface CellProps {
  contact: Contact;
}

// `dir="auto"` isolates each value: an Arabic name in a left-to-right page (or an email in a
// right-to-left one) keeps its own order instead of scrambling its neighbours.

export function ContactListNameCell({ contact }: CellProps) {
  const { components } = useContactListContext('ContactList name cell');
  const Avatar = components.Avatar ?? ContactListAvatar;
  return (
    <>
      <Avatar contact={contact} />
      <span data-slot="contact-list-name" dir="auto">
        {contact.name}
      </span>
    </>
  );
}

export function ContactListPhoneCell({ contact }: CellProps) {
  // Parsing a number is the costliest thing a row does; rows re-render as the range moves.
  const formatted = useMemo(() => formatPhone(contact.phone), [contact.phone]);
  // Phone numbers read left to right in every script.
  return <span dir="ltr">{formatted}</span>;
}

export function ContactListEmailCell({ contact }: CellProps) {
  return contact.email === null ? null : <span dir="auto">{contact.email}</span>;
}

export function ContactListCreatedCell({ contact }: CellProps) {
  const { formatDate } = useMessages();
  return <time dateTime={contact.createdAt}>{formatDate(contact.createdAt, { dateStyle: 'medium' })}</time>;
}
