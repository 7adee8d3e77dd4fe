import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { defaultRangeExtractor } from '@tanstack/react-virtual';
import type { Range } from '@tanstack/react-virtual';
import type { UseContactsResult } from '../../data/useContacts';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect';
import type { ContactListInternals, ContactListVirtualRow } from './contactListTypes';
import { useListVirtualizer } from './useListVirtualizer';

export const estimatedRowHeight = 56;
/** Start fetching the next page when the rendered range comes this close to the end. */
const prefetchRows = 15;
const nextPageKey = 'reachout-next-page';

/** The loaded pages, as `useContacts` gives them. */
export type ContactListPages = Pick<UseContactsResult, 'contacts' | 'hasNextPage' | 'isFetchingNextPage' | 'error' | 'fetchNextPage'>;

interface ContactListRowsInput {
  pages: ContactListPages;
  /** The row holding the roving focus, kept rendered wherever the list scrolls; -1 for none. */
  activeIndex: number;
  /** Inside the Root: the window moves without re-rendering the hook's owner. */
  isolated: boolean;
  measureRows: boolean;
  /** The settled search; while `isPlaceholderData`, the rows are still the previous search's. */
  query: string;
  isPlaceholderData: boolean;
  /** The index of a contact to scroll into view once (a highlighted one, then a selected one). */
  highlighted: { contactId: string | null; index: number | undefined };
  selected: { contactId: string | null; index: number | undefined };
}

export interface ContactListRows extends Pick<ContactListInternals, 'subscribe' | 'measureRow' | 'virtualizer' | 'loadMoreIfNeeded'> {
  viewportRef: RefObject<HTMLDivElement | null>;
  /** The rows in the window now: read when asked, as the window moves without a render. */
  getVirtualRows: () => ContactListVirtualRow[];
}

/**
 * The list's rows on TanStack Virtual: one measured row height (or each row measured), the
 * active row kept rendered, the next page fetched near the end, and the scrolls the list makes
 * by itself (to the top on a new search, to a highlighted or selected contact once loaded).
 */
export function useContactListRows(input: ContactListRowsInput): ContactListRows {
  const { contacts, hasNextPage, isFetchingNextPage, error, fetchNextPage } = input.pages;
  const { activeIndex, isolated, measureRows } = input;
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
    { count: rowCount, getScrollElement: () => viewportRef.current, estimateSize, overscan: 6, getItemKey, rangeExtractor },
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

  useListScrolls(virtualizer, input);
  return { viewportRef, virtualizer, subscribe, measureRow, getVirtualRows, loadMoreIfNeeded };
}

/** The scrolls the list makes by itself. */
function useListScrolls(
  virtualizer: ContactListInternals['virtualizer'],
  { query, isPlaceholderData, highlighted, selected }: Pick<ContactListRowsInput, 'query' | 'isPlaceholderData' | 'highlighted' | 'selected'>,
) {
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
  const revealedHighlightRef = useRef<string | null>(null);
  const { contactId: highlightedContactId, index: highlightedIndex } = highlighted;
  useEffect(() => {
    if (highlightedContactId === null || highlightedIndex === undefined) return;
    if (revealedHighlightRef.current === highlightedContactId) return;
    revealedHighlightRef.current = highlightedContactId;
    virtualizer.scrollToIndex(highlightedIndex, { align: 'center' });
  }, [highlightedContactId, highlightedIndex, virtualizer]);

  // A selection the host starts with (or sets) scrolls into view once its row has loaded.
  const revealedSelectionRef = useRef<string | null>(null);
  const { contactId: selectedContactId, index: selectedIndex } = selected;
  useEffect(() => {
    if (selectedContactId === null || selectedIndex === undefined) return;
    if (revealedSelectionRef.current === selectedContactId) return;
    revealedSelectionRef.current = selectedContactId;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedContactId, selectedIndex, virtualizer]);
}
