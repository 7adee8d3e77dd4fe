import { useCallback } from 'react';
import type { ChangeEvent, FocusEvent, KeyboardEvent, MouseEvent, RefObject } from 'react';
import type { Contact } from '../../core/types';
import { useLatestRef } from '../internal/useLatestRef';
import { contactListRowAttributes } from './contactListRowAttributes';
import type { ContactListInternals, ContactListStatus, UseContactListResult } from './contactListTypes';
import type { Translate } from './messages';

const interactiveSelector = 'a[href], button, input, select, textarea, summary, [role="button"], [role="link"], [contenteditable="true"]';

/**
 * Whether the event started on a control inside the row (a link in a custom cell...); the row's
 * own selection checkbox is the row's.
 */
function startedOnControl(event: MouseEvent<HTMLElement>): boolean {
  const target = event.target instanceof Element ? event.target.closest(interactiveSelector) : null;
  if (target?.getAttribute('data-slot') === 'contact-list-checkbox') return false;
  return target !== null && target !== event.currentTarget && event.currentTarget.contains(target);
}

/**
 * A row's click (select, or toggle in multiple mode) and focus (makes it the active row). The
 * Grid's rows are memoized: these never change, and read the latest `select` and `toggle` late.
 */
export function useContactListRowHandlers(
  select: (contact: Contact) => void,
  toggle: UseContactListResult['toggleSelection'] | null,
  setActiveContactId: (contactId: string) => void,
): Pick<ContactListInternals, 'onRowClick' | 'onRowFocus'> {
  const selectRef = useLatestRef(select);
  const toggleSelectionRef = useLatestRef(toggle);
  const onRowClick = useCallback(
    (contact: Contact, event: MouseEvent<HTMLDivElement>) => {
      if (startedOnControl(event)) return;
      const toggleSelection = toggleSelectionRef.current;
      if (toggleSelection === null) {
        selectRef.current(contact);
        return;
      }
      toggleSelection(contact, { range: event.shiftKey });
      // A click on the checkbox (which never takes focus) makes its row the active one.
      if (event.currentTarget !== document.activeElement) event.currentTarget.focus();
    },
    [selectRef, toggleSelectionRef],
  );
  const onRowFocus = useCallback(
    (contact: Contact, event: FocusEvent<HTMLDivElement>) => {
      if (event.target === event.currentTarget) setActiveContactId(contact.id);
    },
    [setActiveContactId],
  );
  return { onRowClick, onRowFocus };
}

interface ContactListPropGettersInput {
  t: Translate;
  gridId: string;
  search: string;
  setSearch: (search: string) => void;
  status: ContactListStatus;
  isStale: boolean;
  isFetchingNextPage: boolean;
  isMultiple: boolean;
  /** The grid's `aria-rowcount`: the total and the header row, or -1 while unknown. */
  ariaRowCount: number;
  onSearchKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onGridKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  viewportRef: RefObject<HTMLDivElement | null>;
  virtualizer: ContactListInternals['virtualizer'];
  activeIndex: number;
  isSelected: (contactId: string) => boolean;
  highlightedContactId: string | null;
  measureRow: ContactListInternals['measureRow'];
  rowHandlers: Pick<ContactListInternals, 'onRowClick' | 'onRowFocus'>;
}

/** The prop getters of the search box, the grid, its viewport, body and rows. */
export function useContactListPropGetters(
  input: ContactListPropGettersInput,
): Pick<UseContactListResult, 'getSearchProps' | 'getGridProps' | 'getViewportProps' | 'getBodyProps' | 'getRowProps'> {
  const { t, gridId, search, setSearch, status, isStale, isFetchingNextPage, isMultiple, ariaRowCount, onSearchKeyDown, onGridKeyDown } = input;
  const { viewportRef, virtualizer, activeIndex, isSelected, highlightedContactId, measureRow, rowHandlers } = input;
  return {
    getSearchProps: () => ({
      type: 'search',
      value: search,
      onChange: (event: ChangeEvent<HTMLInputElement>) => setSearch(event.target.value),
      onKeyDown: onSearchKeyDown,
      'aria-label': t('contactList.search.label'),
      // Only while the grid is there: the empty and error panels stand in for it.
      'aria-controls': status === 'loading' || status === 'ready' ? gridId : undefined,
      placeholder: t('contactList.search.placeholder'),
      autoComplete: 'off',
      spellCheck: false,
      enterKeyHint: 'search',
      'data-stale': isStale ? '' : undefined,
    }),
    getGridProps: () => ({
      id: gridId,
      role: 'grid',
      'aria-label': t('contactList.label'),
      'aria-rowcount': ariaRowCount,
      'aria-multiselectable': isMultiple ? true : undefined,
      'aria-busy': status === 'loading' || isStale || isFetchingNextPage ? true : undefined,
      'data-stale': isStale ? '' : undefined,
      'data-state': status,
      onKeyDown: onGridKeyDown,
    }),
    getViewportProps: () => ({
      ref: viewportRef,
      // Behaviour, not looks: without its own scrolling the list would render every row.
      style: { overflowY: 'auto', position: 'relative' },
    }),
    getBodyProps: () => ({
      role: 'rowgroup',
      style: { position: 'relative', blockSize: virtualizer.getTotalSize(), inlineSize: '100%' },
    }),
    getRowProps: (row) => {
      const contact = row.contact;
      const attributes = contactListRowAttributes({
        index: row.index,
        start: row.start,
        contactId: contact?.id ?? null,
        isActive: row.index === activeIndex,
        isSelected: contact !== null && isSelected(contact.id),
        isHighlighted: contact !== null && contact.id === highlightedContactId,
      });
      if (contact === null) return { ...attributes, ref: measureRow };
      return {
        ...attributes,
        ref: measureRow,
        onClick: (event: MouseEvent<HTMLDivElement>) => rowHandlers.onRowClick(contact, event),
        onFocus: (event: FocusEvent<HTMLDivElement>) => rowHandlers.onRowFocus(contact, event),
      };
    },
  };
}
