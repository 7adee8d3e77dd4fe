import { useMemo } from 'react';
import { tableFeatures, useTable } from '@tanstack/react-table';
import type { ColumnDef } from '@tanstack/react-table';
import type { ReachoutError } from '../../core/errors';
import type { Ticket } from '../../core/types';
import type { WidgetMessageKey } from './messages';
import { useMessages } from './messages';
import { useTickets } from '../../data/useTickets';
import { useControllableState } from '../internal/useControllableState';
import { usePagedListStatus } from '../internal/usePagedListStatus';

/** What the tab shows: a loading row, the tickets, or a panel when there are none. */
export type TicketsTabStatus = 'loading' | 'ready' | 'empty' | 'error';

/** The sortable columns, in order. */
export type TicketsTabColumnId = 'id' | 'status' | 'delivery' | 'assignee' | 'priority' | 'template' | 'createdAt';

/** The order the rows are shown in; `null` keeps the provider's (newest first). */
export type TicketsTabSorting = { columnId: TicketsTabColumnId; direction: 'ascending' | 'descending' } | null;

export interface UseTicketsTabOptions {
  /** Whose tickets to show. */
  contactId: string;
  /**
   * Tickets per request; "Load more" asks for the next page by cursor.
   * @default 20
   */
  pageSize?: number;
  /**
   * The sort order, when the host controls it (with `onSortingChange`).
   * @default undefined (the tab keeps its own, starting at `defaultSorting`)
   */
  sorting?: TicketsTabSorting;
  /**
   * The sort order to start with, when the host does not control `sorting`.
   * @default null (the provider's order: newest first)
   */
  defaultSorting?: TicketsTabSorting;
  /** Called when the user sorts by a column header. */
  onSortingChange?: (sorting: TicketsTabSorting) => void;
}

/** A column header, ready to render. */
export interface TicketsTabColumn {
  /** The column's id. */
  id: TicketsTabColumnId;
  /** The header's text. */
  label: string;
  /** For the header cell's `aria-sort`. */
  sort: 'ascending' | 'descending' | 'none';
  /** Sorts by this column: ascending, then descending, then back to the provider's order. */
  toggleSort: () => void;
}

export interface UseTicketsTabResult {
  /** What to show. */
  status: TicketsTabStatus;
  /** The loaded tickets in the current sort order; updated live. */
  tickets: readonly Ticket[];
  /** The column headers, in order. */
  columns: readonly TicketsTabColumn[];
  /** The current sort order. */
  sorting: TicketsTabSorting;
  /** Why loading failed; `null` when it did not. */
  error: ReachoutError | null;
  /** More tickets can be loaded. */
  hasNextPage: boolean;
  /** The next page is on its way. */
  isFetchingNextPage: boolean;
  /** Loads the next page (by the provider's cursor). */
  loadMore: () => void;
  /** Tries again after a failure: the next page when some tickets loaded, else the first. */
  retry: () => void;
}

const priorityRank: Record<Ticket['priority'], number> = { low: 0, medium: 1, high: 2, urgent: 3 };

// In the table's order: what an agent scans for first; the later ones collapse into the
// ticket's cell in a narrow host.
const sortValues: Record<TicketsTabColumnId, (ticket: Ticket) => string | number> = {
  id: (ticket) => ticket.id,
  status: (ticket) => ticket.status,
  delivery: (ticket) => ticket.notification.delivery,
  assignee: (ticket) => ticket.assignee?.name.toLocaleLowerCase() ?? '',
  priority: (ticket) => priorityRank[ticket.priority],
  template: (ticket) => ticket.notification.templateName,
  // ISO 8601 strings sort chronologically.
  createdAt: (ticket) => ticket.createdAt,
};

const columnIds = Object.keys(sortValues) as TicketsTabColumnId[];

// Core features only: TanStack's sorting feature and sorted row model cost 2 kB gzip, against
// a comparator of a few lines over at most a few pages of tickets.
const ticketsTableFeatures = tableFeatures({});

const tableColumns: ColumnDef<typeof ticketsTableFeatures, Ticket, unknown>[] = columnIds.map((id) => ({
  id,
  accessorFn: sortValues[id],
}));

function sortTickets(tickets: Ticket[], sorting: TicketsTabSorting): Ticket[] {
  if (sorting === null) return tickets;
  const valueOf = sortValues[sorting.columnId];
  const sign = sorting.direction === 'ascending' ? 1 : -1;
  // Array#sort is stable: ties keep the provider's order (newest first).
  return [...tickets].sort((left, right) => {
    const a = valueOf(left);
    const b = valueOf(right);
    return a < b ? -sign : a > b ? sign : 0;
  });
}

/** Ascending, then descending, then back to the provider's order. */
function nextSorting(sorting: TicketsTabSorting, columnId: TicketsTabColumnId): TicketsTabSorting {
  if (sorting?.columnId !== columnId) return { columnId, direction: 'ascending' };
  return sorting.direction === 'ascending' ? { columnId, direction: 'descending' } : null;
}

/**
 * A contact's tickets table without markup: the tickets (paged by cursor, updated live by the
 * provider's events or polling), columns through TanStack Table, sorting by any column, and
 * the loading, empty and error states. `TicketsTab` renders exactly this.
 *
 * @example
 * const tab = useTicketsTab({ contactId });
 * return (
 *   <table aria-label="Tickets">
 *     <thead><tr>{tab.columns.map((column) => (
 *       <th key={column.id} aria-sort={column.sort}><button onClick={column.toggleSort}>{column.label}</button></th>
 *     ))}</tr></thead>
 *     <tbody>{tab.tickets.map((ticket) => <tr key={ticket.id}><td>{ticket.id}</td>...</tr>)}</tbody>
 *   </table>
 * );
 */
export function useTicketsTab(options: UseTicketsTabOptions): UseTicketsTabResult {
  const { t } = useMessages();
  const query = useTickets(
    options.contactId,
    { limit: options.pageSize ?? 20 },
  );
  const { tickets, error, hasNextPage, isFetchingNextPage } = query;
  const [sorting, setSorting] = useControllableState<TicketsTabSorting>({
    value: options.sorting,
    defaultValue: options.defaultSorting ?? null,
    onChange: options.onSortingChange,
  });
  const sortedTickets = useMemo(() => sortTickets(tickets, sorting), [tickets, sorting]);

  const table = useTable({
    features: ticketsTableFeatures,
    columns: tableColumns,
    data: sortedTickets,
    getRowId: (ticket) => ticket.id,
  });

  const columns: TicketsTabColumn[] = table.getAllLeafColumns().map((column) => {
    const id = column.id as TicketsTabColumnId;
    return {
      id,
      label: t(`ticketsTab.column.${id}` satisfies WidgetMessageKey),
      sort: sorting?.columnId === id ? sorting.direction : 'none',
      toggleSort: () => setSorting(nextSorting(sorting, id)),
    };
  });

  const { status, loadMore, retry } = usePagedListStatus(query, tickets.length);

  return {
    status,
    tickets: table.getRowModel().rows.map((row) => row.original),
    columns,
    sorting,
    error,
    hasNextPage,
    isFetchingNextPage,
    loadMore,
    retry,
  };
}
