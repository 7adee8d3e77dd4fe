import { createElement, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect';
import type { ChangeEvent, FocusEvent, KeyboardEvent, MouseEvent } from 'react';
import { FlexRender, useTable } from '@tanstack/react-table';
import { defaultRangeExtractor } from '@tanstack/react-virtual';
import type { Range } from '@tanstack/react-virtual';
import type { Contact } from '../../core/types';
import { useContacts } from '../../data/useContacts';
import { useMessages } from './messages';
import { useControllableState } from '../internal/useControllableState';
import { contactListTableFeatures, defaultContactListColumns, toTableColumns } from './columns';
import type { ContactListTableFeatures } from './columns';
import type {
  ContactListCell,
  ContactListHeader,
  ContactListCellRenderer,
  ContactListInternals,
  ContactListSelection,
  ContactListVirtualRow,
  UseContactListOptions,
  UseContactListResult,
} from './contactListTypes';
import { contactListKeyMove } from './contactListKeyboard';
import { contactListRowAttributes } from './contactListRowAttributes';
import { useListVirtualizer } from './useListVirtualizer';
import { plainContactListCells } from './contactListPlainCells';
import type { ContactListBuiltInCells } from './contactListPlainCells';
import { useDebouncedSearch } from '../internal/useDebouncedValue';
import { useLatestRef } from '../internal/useLatestRef';
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

const ContactListFlexRender = FlexRender<ContactListTableFeatures, Contact>;

const estimatedRowHeight = 56;
/** Start fetching the next page when the rendered range comes this close to the end. */
const prefetchRows = 15;
const nextPageKey = 'reachout-next-page';
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
  const {
    contacts,
    total,
    error,
    isPending,
    isPlaceholderData,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
    refetch,
  } = useContacts({ search: query, limit: pageSize });
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

  // --- Multiple selection (an audience: ids picked, or everyone the search matches) ----------
  const isMultiple = options.selectionMode === 'multiple';
  const [ownSelection, setSelection] = useControllableState<ContactListSelection | null>({
    value: options.selection,
    defaultValue: options.defaultSelection ?? null,
    onChange: options.onSelectionChange,
  });
  const selection = isMultiple ? ownSelection : null;
  const pickedIds = useMemo(
    () => (selection !== null && 'contactIds' in selection ? new Set(selection.contactIds) : null),
    [selection],
  );
  const isAllSelected = selection !== null && 'search' in selection && selection.search === query;
  let selectedCount: number | undefined = 0;
  if (pickedIds !== null) selectedCount = pickedIds.size;
  else if (selection !== null) selectedCount = isAllSelected ? total : undefined;
  // The row a plain toggle last touched: Shift-click and Shift+arrows select from it.
  const selectionAnchorRef = useRef<string | null>(null);
  const toggleSelection = useCallback(
    (contact: Contact, { range = false }: { range?: boolean } = {}) => {
      if (!isMultiple) return;
      const anchorIndex = selectionAnchorRef.current === null ? undefined : indexById.get(selectionAnchorRef.current);
      const index = indexById.get(contact.id);
      if (range && anchorIndex !== undefined && index !== undefined) {
        // Everyone is already in a "Select all": a range adds nobody.
        if (isAllSelected) return;
        const ids = new Set(pickedIds);
        const [from, to] = anchorIndex <= index ? [anchorIndex, index] : [index, anchorIndex];
        for (const picked of contacts.slice(from, to + 1)) ids.add(picked.id);
        setSelection({ contactIds: [...ids] });
        return;
      }
      selectionAnchorRef.current = contact.id;
      if (isAllSelected) {
        // An audience cannot say "all but one": the rows the user can see, minus this one.
        const rest = contacts.filter((loaded) => loaded.id !== contact.id).map((loaded) => loaded.id);
        setSelection(rest.length === 0 ? null : { contactIds: rest });
        return;
      }
      const ids = new Set(pickedIds);
      if (ids.has(contact.id)) ids.delete(contact.id);
      else ids.add(contact.id);
      setSelection(ids.size === 0 ? null : { contactIds: [...ids] });
    },
    [isMultiple, indexById, isAllSelected, pickedIds, contacts, setSelection],
  );
  const selectAll = useCallback(() => {
    if (isMultiple) setSelection({ search: query });
  }, [isMultiple, query, setSelection]);
  const clearSelection = useCallback(() => {
    selectionAnchorRef.current = null;
    setSelection(null);
  }, [setSelection]);
  // A "Select all" belongs to the search it was made on.
  const selectionQueryRef = useRef(query);
  useEffect(() => {
    if (selectionQueryRef.current === query) return;
    selectionQueryRef.current = query;
    if (selection !== null && 'search' in selection && selection.search !== query) setSelection(null);
  }, [query, selection, setSelection]);
  const isSelected = (contactId: string) =>
    isMultiple ? isAllSelected || (pickedIds?.has(contactId) ?? false) : contactId === selectedContactId;
  const rowCheckboxLabel = useCallback((contact: Contact) => t('contactList.selection.selectRow', { name: contact.name }), [t]);
  // The active row is remembered by id, so a page arriving or a contact added above it keeps it.
  const [activeContactId, setActiveContactId] = useState<string | null>(null);
  let activeIndex = -1;
  if (contacts.length > 0) {
    activeIndex =
      (activeContactId === null ? undefined : indexById.get(activeContactId)) ??
      (selectedContactId === null ? undefined : indexById.get(selectedContactId)) ??
      0;
  }

  // --- Columns (TanStack Table) ------------------------------------------------------------
  const columnList = options.columns ?? defaultContactListColumns;
  const tableColumns = useMemo(() => toTableColumns(columnList, t, cells), [columnList, t, cells]);
  const table = useTable({
    features: contactListTableFeatures,
    columns: tableColumns,
    // The hook hands out a new array only when pages change; the table caches its rows on it.
    data: contacts,
    getRowId: (contact) => contact.id,
  });
  const headers: ContactListHeader[] = (table.getHeaderGroups()[0]?.headers ?? []).map((header) => ({
    id: header.column.id,
    content: createElement(ContactListFlexRender, { header }),
  }));
  const getCells = useCallback(
    (index: number): ContactListCell[] => {
      const row = table.getRowModel().rows[index];
      if (row === undefined) return [];
      return row.getAllCells().map((cell) => ({
        id: cell.id,
        columnId: cell.column.id,
        content: createElement(ContactListFlexRender, { cell }),
      }));
    },
    [table],
  );

  // --- Rows (TanStack Virtual) ------------------------------------------------------------
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const rowCount = contacts.length + (hasNextPage ? 1 : 0);
  // Rows share one height unless the host asks for each to be measured: the first row rendered
  // gives it (a larger default font or a host's row height token changes it).
  const [rowHeight, setRowHeight] = useState(estimatedRowHeight);
  const rowMeasuredRef = useRef(false);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  // Stable while the contacts are: a new key function makes the virtualizer recompute every
  // row's offset.
  const getItemKey = useCallback((index: number) => contacts[index]?.id ?? nextPageKey, [contacts]);
  // The active row stays rendered however far the list scrolls: it holds focus, and an
  // unmounted focused element would drop focus to the page.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= 0 && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((left, right) => left - right);
      }
      return indexes;
    },
    [activeIndex],
  );
  const { virtualizer, subscribe } = useListVirtualizer(
    {
      count: rowCount,
      getScrollElement: () => viewportRef.current,
      estimateSize,
      overscan: 6,
      getItemKey,
      rangeExtractor,
    },
    isolated,
  );
  const measureFirstRow = useCallback((element: HTMLDivElement | null) => {
    if (element === null || rowMeasuredRef.current) return;
    const height = element.getBoundingClientRect().height;
    // A list that is not laid out (inside a closed panel) has nothing to tell yet.
    if (height <= 0) return;
    rowMeasuredRef.current = true;
    // The usual height changes nothing: no second render.
    setRowHeight(height);
  }, []);
  // The virtualizer keeps the offsets it computed with the old height until told.
  const appliedRowHeightRef = useRef(estimatedRowHeight);
  useIsomorphicLayoutEffect(() => {
    if (appliedRowHeightRef.current === rowHeight) return;
    appliedRowHeightRef.current = rowHeight;
    virtualizer.measure();
  }, [rowHeight, virtualizer]);
  const measureRow = measureRows ? virtualizer.measureElement : measureFirstRow;
  // Read when asked: inside the Root the window moves without this hook running again.
  const getVirtualRows = (): ContactListVirtualRow[] =>
    virtualizer.getVirtualItems().map((item) => ({
      key: String(item.key),
      index: item.index,
      start: item.start,
      contact: contacts[item.index] ?? null,
    }));

  const loadMoreIfNeeded = useCallback(
    (lastRenderedIndex: number) => {
      // A failed page waits for Retry rather than being asked for again on every scroll.
      if (!hasNextPage || isFetchingNextPage || error !== null) return;
      if (lastRenderedIndex >= contacts.length - prefetchRows) void fetchNextPage();
    },
    [contacts.length, hasNextPage, isFetchingNextPage, error, fetchNextPage],
  );
  const lastRenderedIndex = virtualizer.range?.endIndex ?? -1;
  useEffect(() => {
    // Inside the Root the Grid, which re-renders as the window moves, asks instead.
    if (!isolated) loadMoreIfNeeded(lastRenderedIndex);
  }, [isolated, lastRenderedIndex, loadMoreIfNeeded]);

  // New results start at the top: the scroll position belonged to the previous search's list.
  const settledQuery = isPlaceholderData ? null : query;
  const scrolledForQueryRef = useRef(query);
  useEffect(() => {
    if (settledQuery === null || settledQuery === scrolledForQueryRef.current) return;
    scrolledForQueryRef.current = settledQuery;
    // Already at the top (the usual case while typing): scrolling would only force a layout.
    if ((virtualizer.scrollOffset ?? 0) !== 0) virtualizer.scrollToOffset(0);
  }, [settledQuery, virtualizer]);

  // A highlighted contact (one just created) scrolls into view once its row has loaded.
  const highlightedContactId = options.highlightedContactId ?? null;
  const revealedHighlightRef = useRef<string | null>(null);
  const highlightedIndex = highlightedContactId === null ? undefined : indexById.get(highlightedContactId);
  useEffect(() => {
    if (highlightedContactId === null || highlightedIndex === undefined) return;
    if (revealedHighlightRef.current === highlightedContactId) return;
    revealedHighlightRef.current = highlightedContactId;
    virtualizer.scrollToIndex(highlightedIndex, { align: 'center' });
  }, [highlightedContactId, highlightedIndex, virtualizer]);

  // A selection the host starts with (or sets) scrolls into view once its row has loaded.
  const revealedSelectionRef = useRef<string | null>(null);
  const selectedIndex = selectedContactId === null ? undefined : indexById.get(selectedContactId);
  useEffect(() => {
    if (selectedContactId === null || selectedIndex === undefined) return;
    if (revealedSelectionRef.current === selectedContactId) return;
    revealedSelectionRef.current = selectedContactId;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedContactId, selectedIndex, virtualizer]);

  // --- Focus -----------------------------------------------------------------------------------
  // The id of a row to focus once the render that makes it active has committed.
  const pendingFocusRef = useRef<string | null>(null);
  const focusPendingRow = useCallback(() => {
    const id = pendingFocusRef.current;
    if (id === null) return;
    pendingFocusRef.current = null;
    const index = indexById.get(id);
    const row = index === undefined ? null : viewportRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`);
    // The virtualizer has already scrolled it into view; the browser's own scroll would undo
    // its alignment.
    row?.focus({ preventScroll: true });
  }, [indexById]);
  useEffect(focusPendingRow);

  // A row asked for by the keyboard beyond the loaded pages (End, PageDown): the list loads pages
  // until it arrives (or the book ends), then moves there. `Infinity` stands for the last contact.
  const wantedIndexRef = useRef<number | null>(null);

  const focusRow = useCallback(
    (index: number) => {
      if (contacts.length === 0) return;
      if (index > contacts.length - 1 && hasNextPage) {
        wantedIndexRef.current = index;
        void fetchNextPage();
      }
      const clamped = Math.min(Math.max(index, 0), contacts.length - 1);
      const contact = contacts[clamped];
      if (contact === undefined) return;
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
      pendingFocusRef.current = contact.id;
      if (activeContactId === contact.id) focusPendingRow();
      else setActiveContactId(contact.id);
    },
    [contacts, virtualizer, activeContactId, focusPendingRow, hasNextPage, fetchNextPage],
  );

  useEffect(() => {
    const wanted = wantedIndexRef.current;
    if (wanted === null) return;
    if (error !== null) {
      // A failed page stops the walk; Retry then loads that page as usual.
      wantedIndexRef.current = null;
    } else if (wanted <= contacts.length - 1 || !hasNextPage) {
      wantedIndexRef.current = null;
      focusRow(wanted);
    } else if (!isFetchingNextPage) {
      void fetchNextPage();
    }
  }, [contacts.length, hasNextPage, isFetchingNextPage, error, fetchNextPage, focusRow]);

  const onGridKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const row = event.target instanceof HTMLElement ? event.target : null;
    // Keys typed in a control inside a custom cell are that control's.
    if (row === null || row.getAttribute('role') !== 'row' || row.dataset.index === undefined) return;
    const index = Number(row.dataset.index);
    if (isMultiple && onMultipleSelectionKey(event, index)) {
      event.preventDefault();
      return;
    }
    if (event.altKey || event.metaKey) return;
    const rowsPerPage = Math.max(1, Math.floor((viewportRef.current?.clientHeight ?? 0) / (row.offsetHeight || estimatedRowHeight)) - 1);
    const move = contactListKeyMove(event.key, index, rowsPerPage);
    if (move === null) return;
    if (move === 'select') {
      const contact = contacts[index];
      if (contact !== undefined) {
        event.preventDefault();
        select(contact);
      }
      return;
    }
    const next = move;
    event.preventDefault();
    // A new move replaces a walk to a row still loading.
    wantedIndexRef.current = null;
    focusRow(next);
  };

  /** react-aria's grid selection keys; whether the key was one. */
  const onMultipleSelectionKey = (event: KeyboardEvent<HTMLElement>, index: number): boolean => {
    const contact = contacts[index];
    if (contact === undefined) return false;
    if (event.key === 'a' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      selectAll();
      return true;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key === ' ') {
      toggleSelection(contact, { range: event.shiftKey });
      return true;
    }
    if (event.key === 'Escape' && selection !== null) {
      clearSelection();
      return true;
    }
    if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      const next = contacts[index + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next === undefined) return true;
      // The row left behind anchors the range when nothing loaded does yet.
      if (selectionAnchorRef.current === null || !indexById.has(selectionAnchorRef.current)) {
        selectionAnchorRef.current = contact.id;
      }
      toggleSelection(next, { range: true });
      focusRow(index + (event.key === 'ArrowDown' ? 1 : -1));
      return true;
    }
    return false;
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && search !== '') {
      // Only a non-empty box takes Escape; an empty one lets it through (e.g. to close a dialog).
      event.preventDefault();
      clearSearch();
    } else if (event.key === 'ArrowDown' && activeIndex >= 0) {
      event.preventDefault();
      focusRow(activeIndex);
    }
  };

  let ariaRowCount: number;
  if (total !== undefined) ariaRowCount = total + 1;
  else if (hasNextPage || contacts.length === 0) ariaRowCount = -1;
  else ariaRowCount = contacts.length + 1;

  // The Grid's rows are memoized: their handlers must not change, so they read `select` late.
  const selectRef = useLatestRef(select);
  const toggleSelectionRef = useLatestRef(isMultiple ? toggleSelection : null);
  const onRowClick = useCallback(
    (contact: Contact, event: MouseEvent<HTMLDivElement>) => {
      if (startedOnControl(event)) return;
      const toggle = toggleSelectionRef.current;
      if (toggle === null) {
        selectRef.current(contact);
        return;
      }
      toggle(contact, { range: event.shiftKey });
      // A click on the checkbox (which never takes focus) makes its row the active one.
      if (event.currentTarget !== document.activeElement) event.currentTarget.focus();
    },
    [selectRef, toggleSelectionRef],
  );
  const onRowFocus = useCallback((contact: Contact, event: FocusEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget) setActiveContactId(contact.id);
  }, []);
  const cellRenderers = useMemo(
    () =>
      tableColumns.map((column): ContactListCellRenderer => ({
        id: column.id ?? '',
        render: column.meta?.render ?? (() => null),
        component: column.meta?.component,
      })),
    [tableColumns],
  );
  const internals: ContactListInternals = {
    subscribe,
    measureRow,
    virtualizer,
    cellRenderers,
    onRowClick,
    onRowFocus,
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
    selectedCount,
    isSelected,
    toggleSelection,
    selectAll,
    clearSelection,
    getSelectAllProps: () => ({
      type: 'checkbox',
      checked: isAllSelected,
      // Ticked: clears. Empty or mixed: everyone the search matches (react-aria's select-all).
      onChange: () => (isAllSelected ? clearSelection() : selectAll()),
      'aria-label': t('contactList.selection.selectAll'),
      // Mixed while some rows are picked, as react-aria's select-all checkbox.
      ref: (element: HTMLInputElement | null) => {
        if (element !== null) element.indeterminate = selection !== null && !isAllSelected;
      },
      disabled: status !== 'ready',
      'data-state': isAllSelected ? 'checked' : selection === null ? 'unchecked' : 'indeterminate',
    }),
    getRowCheckboxProps: (contact) => ({
      type: 'checkbox',
      checked: isSelected(contact.id),
      readOnly: true,
      tabIndex: -1,
      'aria-label': rowCheckboxLabel(contact),
      'data-slot': 'contact-list-checkbox',
      // Focus stays on the row (the grid's roving focus); the row's click toggles.
      onMouseDown: (event) => event.preventDefault(),
    }),
    highlightedContactId: options.highlightedContactId ?? null,
    select,
    gridId,
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
        onClick: (event: MouseEvent<HTMLDivElement>) => onRowClick(contact, event),
        onFocus: (event: FocusEvent<HTMLDivElement>) => onRowFocus(contact, event),
      };
    },
  };
  return { list, internals };
}
