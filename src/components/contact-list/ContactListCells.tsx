import { useContext } from 'react';
import type { Contact } from '../../core/types';
import { cn } from '../internal/cn';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { ContactListAvatar } from './ContactListAvatar';
import { ContactListCellAppearanceContext } from './ContactListContext';
import { ContactListCreatedCell, ContactListEmailCell, ContactListPhoneCell } from './contactListPlainCells';
import type { ContactListBuiltInCells } from './contactListPlainCells';
import { useMessages } from './messages';
import { useContactStatus } from './useContactStatus';
import type { ContactListRowStatus } from './useContactStatus';

const statusLabels = {
  failed: 'contactList.status.failed',
  'active-chat': 'contactList.status.activeChat',
  'opted-out': 'contactList.status.optedOut',
} as const satisfies Record<ContactListRowStatus, string>;

/**
 * A coloured dot after the name for what an agent scans for (a failed notification, an active
 * chat, an opt-out), with its words for screen readers (read with the row) and as a tooltip.
 */
function ContactListStatusDot({ status, unstyled }: { status: ContactListRowStatus; unstyled: boolean }) {
  const { t } = useMessages();
  const label = t(statusLabels[status]);
  return (
    <span data-slot="contact-list-status" data-status={status} title={label} className={cn(!unstyled && 'reachout-contact-list__status')}>
      <VisuallyHidden>{label}</VisuallyHidden>
    </span>
  );
}

/** The avatar (the host's `components.Avatar`, else ours), the name and the status dot. */
export function ContactListNameCell({ contact }: { contact: Contact }) {
  const appearance = useContext(ContactListCellAppearanceContext);
  const Avatar = appearance?.Avatar ?? ContactListAvatar;
  const status = useContactStatus(contact);
  return (
    <>
      <Avatar contact={contact} />
      <span data-slot="contact-list-name" dir="auto">
        {contact.name}
      </span>
      {status !== null && <ContactListStatusDot status={status} unstyled={appearance?.unstyled ?? false} />}
    </>
  );
}

/**
 * The cells `ContactList.Root` hands its list: the plain ones, with the avatar beside the name.
 * Listed one by one: a module-level spread is kept by bundlers even when nothing reads it.
 */
export const contactListPartCells: ContactListBuiltInCells = {
  name: ContactListNameCell,
  phone: ContactListPhoneCell,
  email: ContactListEmailCell,
  createdAt: ContactListCreatedCell,
};
