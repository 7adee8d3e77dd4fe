import { useContext } from 'react';
import type { Contact } from '../../core/types';
import { ContactListAvatar } from './ContactListAvatar';
import { ContactListCellAppearanceContext } from './ContactListContext';
import { ContactListCreatedCell, ContactListEmailCell, ContactListPhoneCell } from './contactListPlainCells';
import type { ContactListBuiltInCells } from './contactListPlainCells';

/** The avatar (the host's `components.Avatar`, else ours) and the name. */
export function ContactListNameCell({ contact }: { contact: Contact }) {
  const Avatar = useContext(ContactListCellAppearanceContext)?.Avatar ?? ContactListAvatar;
  return (
    <>
      <Avatar contact={contact} />
      <span data-slot="contact-list-name" dir="auto">
        {contact.name}
      </span>
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
