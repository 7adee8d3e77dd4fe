import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import { ContactListAvatar } from './ContactListAvatar';
import { useContactListContext } from './ContactListContext';
import { ContactListGrid } from './ContactListGrid';
import {
  ContactListCount,
  ContactListCreateButton,
  ContactListEmpty,
  ContactListError,
  ContactListSearch,
  ContactListSelectionBar,
  ContactListToolbar,
} from './ContactListParts';
import { ContactListRoot } from './ContactListRoot';
import type { ContactListRootProps } from './ContactListRoot';
import type { ContactListSelection } from './useContactList';

export interface ContactListProps extends Omit<ContactListRootProps, 'children'> {
  /**
   * With `selectionMode="multiple"`: the actions offered for the selection (e.g. a "Create
   * campaign" button), shown in the selection bar while something is selected; a function
   * receives the selection.
   */
  selectionActions?: ReactNode | ((selection: ContactListSelection) => ReactNode);
}

/** The default layout, inside the Root so it can read the list's state. */
function ContactListLayout({ selectionActions }: Pick<ContactListProps, 'selectionActions'>) {
  const { list, components } = useContactListContext('ContactList');
  const Empty = components.Empty ?? ContactListEmpty;
  const ErrorPanel = components.Error ?? ContactListError;
  return (
    <>
      <ContactListToolbar>
        <ContactListSearch />
        {/* An empty book offers its own create action: one "Create contact" button at a time. */}
        {list.status !== 'empty' && <ContactListCreateButton />}
      </ContactListToolbar>
      <ContactListCount />
      <ContactListSelectionBar>
        {typeof selectionActions === 'function'
          ? list.selection !== null && selectionActions(list.selection)
          : selectionActions}
      </ContactListSelectionBar>
      <ContactListGrid />
      <Empty />
      <ErrorPanel />
    </>
  );
}

const ContactListAssembly = forwardRef<HTMLDivElement, ContactListProps>(function ContactList(
  { selectionActions, ...props },
  ref,
) {
  return (
    <ContactListRoot ref={ref} {...props}>
      <ContactListLayout selectionActions={selectionActions} />
    </ContactListRoot>
  );
});

/**
 * The contact book: a debounced search over name, email and phone, the contacts in a
 * virtualized grid paged from the provider as the user scrolls (100,000 contacts keep a small
 * DOM), keyboard navigation, selection, loading, empty, no-results and error states, and a
 * "Create contact" action. It fills the height its host gives it. Parts are available for
 * recomposing (`ContactList.Root`, `.Toolbar`, `.Search`, `.CreateButton`, `.Count`, `.SelectionBar`, `.Grid`,
 * `.Empty`, `.Error`, `.Avatar`), and `useContactList` for a layout of your own.
 *
 * @example
 * <div style={{ height: 480 }}>
 *   <ContactList
 *     onSelect={(contact) => setContactId(contact.id)}
 *     onCreateContact={() => setCreating(true)}
 *     columns={['name', 'phone', { id: 'city', header: 'City', cell: (contact) => contact.attributes?.city }]}
 *   />
 * </div>
 */
export const ContactList = Object.assign(ContactListAssembly, {
  Root: ContactListRoot,
  Toolbar: ContactListToolbar,
  Search: ContactListSearch,
  CreateButton: ContactListCreateButton,
  Count: ContactListCount,
  SelectionBar: ContactListSelectionBar,
  Grid: ContactListGrid,
  Empty: ContactListEmpty,
  Error: ContactListError,
  Avatar: ContactListAvatar,
});
