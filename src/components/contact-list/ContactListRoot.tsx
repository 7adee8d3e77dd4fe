import { forwardRef, useMemo } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { cn } from '../internal/cn';
import { ContactListCellAppearanceContext, ContactListInternalsContext, contactListWidgetContext } from './ContactListContext';
import type { ContactListComponents, ContactListContextValue } from './ContactListContext';
import { contactListPartCells } from './ContactListCells';
import { useContactListState } from './useContactList';
import type { UseContactListOptions } from './useContactList';

export interface ContactListRootProps
  extends UseContactListOptions,
    // `onSelect` is the contact picked, not the DOM's text-selection event.
    Omit<ComponentPropsWithoutRef<'div'>, 'onSelect'> {
  /**
   * Called by the "Create contact" buttons (in the toolbar and on the empty book). Without
   * it, no create button is shown.
   */
  onCreateContact?: () => void;
  /**
   * Leaves out Reachout's classes here and in every part inside (data attributes, inline
   * positioning and behaviour stay), for hosts that style with their own design system.
   * Give `[data-slot="contact-list-viewport"]` a bounded height then: it is the scroll container.
   * @default false
   */
  unstyled?: boolean;
  /**
   * Replacements for the empty and error panels and the avatar.
   * @default {}
   */
  components?: ContactListComponents;
}

const noComponents: ContactListComponents = {};

/**
 * Runs `useContactList` and shares it with the parts inside; the element fills the height its
 * host gives it. `data-state` says what the list shows (`loading`, `ready`, `empty`,
 * `no-results`, `error`).
 */
export const ContactListRoot = forwardRef<HTMLDivElement, ContactListRootProps>(function ContactListRoot(
  {
    search,
    defaultSearch,
    onSearchChange,
    searchDebounceMs,
    pageSize,
    columns,
    selectedContactId,
    defaultSelectedContactId,
    onSelectedContactIdChange,
    onSelect,
    highlightedContactId,
    measureRows,
    selectionMode,
    selection,
    defaultSelection,
    onSelectionChange,
    onCreateContact,
    unstyled = false,
    components = noComponents,
    className,
    ...props
  },
  ref,
) {
  // Isolated: the virtualizer's window re-renders the Grid alone, not the Root and its parts.
  const { list, internals } = useContactListState(
    {
      search,
      defaultSearch,
      onSearchChange,
      searchDebounceMs,
      pageSize,
      columns,
      selectedContactId,
      defaultSelectedContactId,
      onSelectedContactIdChange,
      onSelect,
      highlightedContactId,
      measureRows,
      selectionMode,
      selection,
      defaultSelection,
      onSelectionChange,
    },
    true,
    contactListPartCells,
  );
  // The list result is a new object on every render: memoizing the value would gain nothing.
  const value: ContactListContextValue = { list, unstyled, components, onCreateContact };
  const Avatar = components.Avatar;
  const cellAppearance = useMemo(() => ({ unstyled, Avatar }), [unstyled, Avatar]);
  return (
    <contactListWidgetContext.Provider value={value}>
      <ContactListCellAppearanceContext.Provider value={cellAppearance}>
        <ContactListInternalsContext.Provider value={internals}>
          <div
            ref={ref}
            data-slot="contact-list"
            data-state={list.status}
            data-stale={list.isStale ? '' : undefined}
            data-selection-mode={list.selectionMode}
            className={cn(!unstyled && 'reachout-contact-list', className)}
            {...props}
          />
        </ContactListInternalsContext.Provider>
      </ContactListCellAppearanceContext.Provider>
    </contactListWidgetContext.Provider>
  );
});
