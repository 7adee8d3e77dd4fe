import { useCallback, useId, useMemo, useState } from 'react';
import type { Contact } from '../../core/types';
import { useContacts } from '../../data/useContacts';
import { useMessages } from './messages';
import { useControllableState } from '../internal/useControllableState';
import type { ContactListInternals, UseContactListOptions, UseContactListResult } from './contactListTypes';
import { useContactListColumns } from './useContactListColumns';
import { useContactListKeyboard } from './useContactListKeyboard';
import { useContactListPropGetters, useContactListRowHandlers } from './useContactListPropGetters';
import { useContactListRows } from './useContactListRows';
import { useContactListSelection } from './useContactListSelection';
import { plainContactListCells } from './contactListPlainCells';
import type { ContactListBuiltInCells } from './contactListPlainCells';
import { useDebouncedSearch } from '../internal/useDebouncedValue';
import { usePagedListStatus } from '../internal/usePagedListStatus';

export type {
  ContactListCell,
  ContactListDataAttributes,
  ContactListHeader,
  ContactListRowProps,
  ContactListStatus,
  ContactListVirtualRow,
  UseContactListOptions,
  UseContactListResult,
} from './contactListTypes';
export type { ContactListCellRenderer, ContactListInternals } from './contactListTypes';
export type { ContactListSelection, ContactListSelectionMode } from './contactListTypes';

/**
 * A contact list's state and behaviour, without markup: the search box (debounced), the rows
 * (from `useContacts`, paged by cursor as the user scrolls, windowed by TanStack Virtual,
 * columns by TanStack Table), keyboard navigation with a roving focus, and the selection.
 * Spread the prop getters on your own elements; `ContactList.Root` and its parts do exactly that.
 * The built-in `name` column draws the name alone here; `ContactList.Root` adds the avatar.
 *
 * @example
 * const list = useContactList({ onSelect: (contact) => openContact(contact.id) });
 * return (
 *   <>
 *     <input {...list.getSearchProps()} />
 *     <div {...list.getGridProps()}>
 *       <div {...list.getViewportProps()} style={{ height: 400, overflow: 'auto' }}>
 *         <div {...list.getBodyProps()}>
 *           {list.virtualRows.map((row) => (
 *             <div key={row.key} {...list.getRowProps(row)}>
 *               {row.contact && list.getCells(row.index).map((cell) => (
 *                 <div key={cell.id} role="gridcell">{cell.content}</div>
 *               ))}
 *             </div>
 *           ))}
 *         </div>
 *       </div>
 *     </div>
 *   </>
 * );
 */
export function useContactList(options: UseContactListOptions = {}): UseContactListResult {
  return useContactListState(options, false, plainContactListCells).list;
}

/** The hook's body; `isolated` (the Root) keeps scrolling from re-rendering the owner. */
export function useContactListState(
  options: UseContactListOptions,
  isolated: boolean,
  cells: ContactListBuiltInCells,
): { list: UseContactListResult; internals: ContactListInternals } {
  const { searchDebounceMs = 250, pageSize = 50, onSelect, measureRows = false } = options;
  const { t } = useMessages();
  const gridId = useId();

  // --- Search: the box follows every keystroke, the request only the settled text. ---------
  const [search, setSearchState] = useControllableState({
    value: options.search,
    defaultValue: options.defaultSearch ?? '',
    onChange: options.onSearchChange,
  });
  const { query, isSettling } = useDebouncedSearch(search, searchDebounceMs);
  const setSearch = useCallback((next: string) => setSearchState(next), [setSearchState]);
  const clearSearch = useCallback(() => setSearchState(''), [setSearchState]);

  // --- Data ----------------------------------------------------------------------------------
  const page = useContacts({ search: query, limit: pageSize });
  const { contacts, total, error, isPending, isPlaceholderData, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = page;
  const isStale = isPlaceholderData || isSettling;

  const { status, retry } = usePagedListStatus(
    { error, isPending: isPending || isPlaceholderData, hasNextPage, fetchNextPage, refetch },
    contacts.length,
    query === '' ? 'empty' : 'no-results',
  );

  // --- Selection and the active row ---------------------------------------------------------
  const [selectedContactId, setSelectedContactId] = useControllableState<string | null>({
    value: options.selectedContactId,
    defaultValue: options.defaultSelectedContactId ?? null,
    onChange: options.onSelectedContactIdChange,
  });
  const select = useCallback(
    (contact: Contact) => {
      setSelectedContactId(contact.id);
      onSelect?.(contact);
    },
    [setSelectedContactId, onSelect],
  );

  const indexById = useMemo(() => new Map(contacts.map((contact, index) => [contact.id, index])), [contacts]);
  const highlightedContactId = options.highlightedContactId ?? null;

  const multiple = useContactListSelection({ options, query, total, contacts, indexById, t });
  const { isMultiple, selection, isAllSelected, toggleSelection, selectAll, clearSelection, rowCheckboxLabel } = multiple;
  const isSelected = (contactId: string) => (isMultiple ? multiple.isPicked(contactId) : contactId === selectedContactId);
  // The active row is remembered by id, so a page arriving or a contact added above it keeps it.
  const [activeContactId, setActiveContactId] = useState<string | null>(null);
  let activeIndex = -1;
  if (contacts.length > 0) {
    activeIndex =
      (activeContactId === null ? undefined : indexById.get(activeContactId)) ??
      (selectedContactId === null ? undefined : indexById.get(selectedContactId)) ??
      0;
  }

  const { headers, getCells, cellRenderers } = useContactListColumns(options.columns, contacts, t, cells);

  // --- Rows (TanStack Virtual) and the keyboard ---------------------------------------------
  const rows = useContactListRows({
    pages: page,
    activeIndex,
    isolated,
    measureRows,
    query,
    isPlaceholderData,
    highlighted: { contactId: highlightedContactId, index: highlightedContactId === null ? undefined : indexById.get(highlightedContactId) },
    selected: { contactId: selectedContactId, index: selectedContactId === null ? undefined : indexById.get(selectedContactId) },
  });
  const { viewportRef, virtualizer, subscribe, measureRow, getVirtualRows, loadMoreIfNeeded } = rows;
  const keyboard = useContactListKeyboard({ pages: page, indexById, rows, activeContactId, setActiveContactId, activeIndex, select, multiple, search, clearSearch });
  const { focusRow, onGridKeyDown, onSearchKeyDown } = keyboard;

  let ariaRowCount: number;
  if (total !== undefined) ariaRowCount = total + 1;
  else if (hasNextPage || contacts.length === 0) ariaRowCount = -1;
  else ariaRowCount = contacts.length + 1;

  const rowHandlers = useContactListRowHandlers(select, isMultiple ? toggleSelection : null, setActiveContactId);
  const propGetters = useContactListPropGetters({
    t,
    gridId,
    search,
    setSearch,
    status,
    isStale,
    isFetchingNextPage,
    isMultiple,
    ariaRowCount,
    onSearchKeyDown,
    onGridKeyDown,
    viewportRef,
    virtualizer,
    activeIndex,
    isSelected,
    highlightedContactId,
    measureRow,
    rowHandlers,
  });
  const internals: ContactListInternals = {
    subscribe,
    measureRow,
    virtualizer,
    cellRenderers,
    ...rowHandlers,
    rowCheckboxLabel,
    loadMoreIfNeeded,
  };

  const list: UseContactListResult = {
    search,
    setSearch,
    clearSearch,
    query,
    status,
    contacts,
    total,
    error,
    isStale,
    isFetchingNextPage,
    hasNextPage,
    retry,
    headers,
    getCells,
    get virtualRows() {
      return getVirtualRows();
    },
    activeIndex,
    focusRow,
    selectedContactId,
    selectionMode: isMultiple ? 'multiple' : 'single',
    selection,
    isAllSelected,
    selectedCount: multiple.selectedCount,
    isSelected,
    toggleSelection,
    selectAll,
    clearSelection,
    getSelectAllProps: () => multiple.getSelectAllProps(status),
    getRowCheckboxProps: (contact) => multiple.getRowCheckboxProps(contact, isSelected(contact.id)),
    highlightedContactId,
    select,
    gridId,
    ...propGetters,
  };
  return { list, internals };
}
