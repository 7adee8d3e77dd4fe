import { createContext } from 'react';
import type { ComponentType } from 'react';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import type { ContactListAvatarProps } from './ContactListAvatar';
import type { ContactListEmptyProps, ContactListErrorProps } from './ContactListParts';
import type { ContactListInternals, UseContactListResult } from './useContactList';

/**
 * Replacements for parts of the list. Each receives the same props as the part it replaces
 * and can read the list's state with `useContactListContext()`, so wrapping the default
 * (`ContactList.Empty`) is one line.
 */
export interface ContactListComponents {
  /** Shown when the book is empty or a search finds nobody. */
  Empty?: ComponentType<ContactListEmptyProps>;
  /** Shown when the contacts could not be loaded, with its Retry. */
  Error?: ComponentType<ContactListErrorProps>;
  /** The picture or initials beside each name. */
  Avatar?: ComponentType<ContactListAvatarProps>;
}

export interface ContactListContextValue {
  /** Everything `useContactList` returns. */
  list: UseContactListResult;
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
  /** The host's replacements for parts. */
  components: ContactListComponents;
  /** The host's "Create contact" action; without one, no create button is shown. */
  onCreateContact: (() => void) | undefined;
}

// Read through functions, never destructured: a module-level destructuring (or property read)
// of the call's result is kept by bundlers, and with it the whole widget.
export const contactListWidgetContext = createWidgetContext<ContactListContextValue>('ContactList');
const useWidgetContext: WidgetContext<ContactListContextValue>['useWidgetContext'] = (part) => contactListWidgetContext.useWidgetContext(part);
const usePartClassName: WidgetContext<ContactListContextValue>['usePartClassName'] = (...args) => contactListWidgetContext.usePartClassName(...args);


/**
 * What the built-in cells read: changes only with `unstyled` or the host's Avatar, so the rows'
 * cells do not re-render with every keystroke, page and selection (the list state does).
 * Not part of the public API.
 */
export interface ContactListCellAppearance {
  unstyled: boolean;
  Avatar: ComponentType<ContactListAvatarProps> | undefined;
}

export const ContactListCellAppearanceContext = createContext<ContactListCellAppearance | null>(null);

/** The Root's virtualizer and row plumbing for `ContactList.Grid`; not part of the public API. */
export const ContactListInternalsContext = createContext<ContactListInternals | null>(null);

/**
 * The enclosing `ContactList.Root`'s state, for parts and for the host's own replacements.
 *
 * @example
 * function MyEmpty(props: ContactListEmptyProps) {
 *   const { list } = useContactListContext();
 *   return <p {...props}>{list.query ? `Nobody called ${list.query}` : 'Add your first contact'}</p>;
 * }
 */
export const useContactListContext: (part?: string) => ContactListContextValue = useWidgetContext;

/** The part's own class, or none when unstyled (explicitly, or through the Root). */
export { usePartClassName };
