import { useCallback, useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { Contact } from '../../core/types';
import { contactListKeyMove } from './contactListKeyboard';
import { estimatedRowHeight } from './useContactListRows';
import type { ContactListPages, ContactListRows } from './useContactListRows';
import type { ContactListSelectionState } from './useContactListSelection';

interface ContactListKeyboardInput {
  pages: ContactListPages;
  indexById: ReadonlyMap<string, number>;
  rows: Pick<ContactListRows, 'virtualizer' | 'viewportRef'>;
  activeContactId: string | null;
  setActiveContactId: (contactId: string) => void;
  activeIndex: number;
  select: (contact: Contact) => void;
  multiple: Pick<ContactListSelectionState, 'isMultiple' | 'onSelectionKey'>;
  search: string;
  clearSearch: () => void;
}

/**
 * The list's roving focus and keys: `focusRow` (scrolls, then focuses once the row is rendered;
 * past the loaded pages it loads until the row arrives), the grid's keys (moves, Enter, the
 * selection keys) and the search box's (Escape clears, ArrowDown enters the list).
 */
export function useContactListKeyboard(input: ContactListKeyboardInput) {
  const { contacts, hasNextPage, isFetchingNextPage, error, fetchNextPage } = input.pages;
  const { virtualizer, viewportRef } = input.rows;
  const { indexById } = input;
  const { activeContactId, setActiveContactId, activeIndex, select, multiple, search, clearSearch } = input;
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
  }, [indexById, viewportRef]);
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
    [contacts, virtualizer, activeContactId, setActiveContactId, focusPendingRow, hasNextPage, fetchNextPage],
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
    if (multiple.isMultiple && multiple.onSelectionKey(event, index, focusRow)) {
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
    event.preventDefault();
    // A new move replaces a walk to a row still loading.
    wantedIndexRef.current = null;
    focusRow(move);
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

  return { focusRow, onGridKeyDown, onSearchKeyDown };
}
