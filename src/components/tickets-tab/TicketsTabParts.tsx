import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ForwardRefExoticComponent, RefAttributes } from 'react';
import type { Ticket } from '../../core/types';
import { useMessages } from './messages';
import type { WidgetMessageKey } from './messages';
import { cn } from '../internal/cn';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { createPagedListEmpty, createPagedListError, createPagedListLoadMore } from '../internal/pagedListParts';
import type { PagedListPartOptions, PagedListPartsSpec } from '../internal/pagedListParts';
import { ticketReference } from '../internal/ticketReference';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { useTicketsTab } from './useTicketsTab';
import type { TicketsTabColumnId, UseTicketsTabOptions, UseTicketsTabResult } from './useTicketsTab';

export interface TicketsTabContextValue {
  /** Everything `useTicketsTab` returns. */
  tab: UseTicketsTabResult;
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
  /** The host's "Open ticket" action; without one, no button is shown. */
  onOpenTicket: ((ticket: Ticket) => void) | undefined;
}

// Read through functions, never destructured: a module-level destructuring (or property read)
// of the call's result is kept by bundlers, and with it the whole widget.
const ticketsTabWidgetContext = createWidgetContext<TicketsTabContextValue>('TicketsTab');
const useWidgetContext: WidgetContext<TicketsTabContextValue>['useWidgetContext'] = (part) => ticketsTabWidgetContext.useWidgetContext(part);
const usePartClassName: WidgetContext<TicketsTabContextValue>['usePartClassName'] = (...args) => ticketsTabWidgetContext.usePartClassName(...args);

/**
 * The enclosing `TicketsTab.Root`'s state, for parts and for the host's own ones.
 *
 * @example
 * const { tab } = useTicketsTabContext();
 * return <p>{tab.tickets.length} tickets</p>;
 */
export const useTicketsTabContext: (part?: string) => TicketsTabContextValue = useWidgetContext;

type PartOptions = PagedListPartOptions;

export interface TicketsTabRootProps extends UseTicketsTabOptions, ComponentPropsWithoutRef<'div'> {
  /** Called with a ticket when the user presses its "Open ticket" button; without it, no button is shown. */
  onOpenTicket?: (ticket: Ticket) => void;
  /**
   * Leaves out Reachout's classes on every part; behaviour and data attributes stay.
   * @default false
   */
  unstyled?: boolean;
}

/** Loads the contact's tickets and shares them with the parts inside. */
export const TicketsTabRoot = forwardRef<HTMLDivElement, TicketsTabRootProps>(function TicketsTabRoot(
  { contactId, pageSize, sorting, defaultSorting, onSortingChange, onOpenTicket, unstyled = false, className, ...props },
  ref,
) {
  const tab = useTicketsTab({ contactId, pageSize, sorting, defaultSorting, onSortingChange });
  return (
    <ticketsTabWidgetContext.Provider value={{ tab, unstyled, onOpenTicket }}>
      <div
        ref={ref}
        data-slot="tickets-tab"
        data-state={tab.status}
        className={cn(!unstyled && 'reachout-tickets-tab', className)}
        {...props}
      />
    </ticketsTabWidgetContext.Provider>
  );
});

/** The columns that collapse into the ticket's cell when the table is narrow, in that order. */
const collapsibleColumns = ['delivery', 'assignee', 'priority', 'template', 'createdAt'] as const satisfies readonly TicketsTabColumnId[];

function TicketCell({ columnId, ticket }: { columnId: TicketsTabColumnId; ticket: Ticket }) {
  const { t, formatDate, formatRelativeTime } = useMessages();
  switch (columnId) {
    case 'id':
      return (
        <>
          <span dir="ltr" data-slot="tickets-tab-id" title={ticket.id}>
            {ticketReference(ticket.id)}
          </span>
          {/* The columns a narrow table hides, shown here instead (by the stylesheet; `hidden` keeps
              them out of an unstyled table, which shows every column). */}
          <span data-slot="tickets-tab-summary" hidden>
            {collapsibleColumns.map((collapsed) => (
              <span key={collapsed} data-column={collapsed}>
                <TicketCell columnId={collapsed} ticket={ticket} />
              </span>
            ))}
          </span>
        </>
      );
    case 'status':
      return (
        <span data-slot="tickets-tab-badge" data-state={ticket.status}>
          {t(`ticket.status.${ticket.status}`)}
        </span>
      );
    case 'priority':
      return (
        <span data-slot="tickets-tab-priority" data-priority={ticket.priority}>
          {t(`ticket.priority.${ticket.priority}`)}
        </span>
      );
    case 'assignee':
      return ticket.assignee === null ? (
        <span data-slot="tickets-tab-unassigned">{t('ticketsTab.unassigned')}</span>
      ) : (
        <span dir="auto">{ticket.assignee.name}</span>
      );
    case 'delivery': {
      const { delivery, failureReason } = ticket.notification;
      return (
        <>
          <span data-slot="tickets-tab-badge" data-state={delivery}>
            {t(`delivery.${delivery}`)}
          </span>
          {delivery === 'failed' && failureReason !== undefined && (
            <span data-slot="tickets-tab-failure-reason">
              <bdi>{failureReason}</bdi>
            </span>
          )}
        </>
      );
    }
    case 'template':
      return <span dir="auto">{ticket.notification.templateName}</span>;
    case 'createdAt':
      return (
        // `dir="auto"`: "9 months ago" keeps its word order inside a right-to-left page.
        <time dateTime={ticket.createdAt} title={formatDate(ticket.createdAt)} dir="auto">
          {formatRelativeTime(ticket.createdAt)}
        </time>
      );
    default:
      return columnId satisfies never;
  }
}

function SortIcon({ sort }: { sort: 'ascending' | 'descending' | 'none' }) {
  return (
    <svg viewBox="0 0 12 12" width="0.75em" height="0.75em" aria-hidden="true" focusable="false" data-slot="tickets-tab-sort-icon">
      {sort !== 'descending' && <path d="M6 1 10 5H2z" fill="currentColor" opacity={sort === 'ascending' ? 1 : 0.35} />}
      {sort !== 'ascending' && <path d="M6 11 2 7h8z" fill="currentColor" opacity={sort === 'descending' ? 1 : 0.35} />}
    </svg>
  );
}

export interface TicketsTabTableProps extends Omit<ComponentPropsWithoutRef<'table'>, 'children'>, PartOptions {}

/**
 * The table named "Tickets": a header button per column sorts by it (`aria-sort` on the
 * header cell); a busy loading row until the first page arrives. Renders nothing when there
 * is nothing to list (the Empty and Error parts stand in). Tickets show a short reference
 * ("#7KQ2MD", the full id in its title). In a narrow host the later columns collapse into the
 * ticket's cell (the stylesheet decides, by the table's own width), so it never scrolls sideways.
 */
export const TicketsTabTable = forwardRef<HTMLTableElement, TicketsTabTableProps>(function TicketsTabTable(
  { unstyled, className, ...props },
  ref,
) {
  const { tab, onOpenTicket, unstyled: rootUnstyled } = useTicketsTabContext('TicketsTab.Table');
  const { t } = useMessages();
  const partClassName = usePartClassName('TicketsTab.Table', 'reachout-tickets-tab__table', unstyled, className);
  if (tab.status !== 'loading' && tab.status !== 'ready') return null;
  const columnCount = tab.columns.length + (onOpenTicket ? 1 : 0);
  return (
    <div data-slot="tickets-tab-scroller" className={cn(!(unstyled ?? rootUnstyled) && 'reachout-tickets-tab__scroller')}>
      <table
        ref={ref}
        aria-label={t('ticketsTab.table.label')}
        aria-busy={tab.status === 'loading' || tab.isFetchingNextPage ? true : undefined}
        data-slot="tickets-tab-table"
        className={partClassName}
        {...props}
      >
        <thead>
          <tr>
            {tab.columns.map((column) => (
              <th key={column.id} scope="col" aria-sort={column.sort} data-column={column.id}>
                <button type="button" data-slot="tickets-tab-sort" onClick={column.toggleSort}>
                  {column.label}
                  <SortIcon sort={column.sort} />
                </button>
              </th>
            ))}
            {onOpenTicket && (
              <th scope="col" data-column="actions">
                <VisuallyHidden>{t('ticketsTab.column.actions')}</VisuallyHidden>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {tab.status === 'loading' ? (
            <tr data-state="loading">
              <td colSpan={columnCount}>{t('common.loading')}</td>
            </tr>
          ) : (
            tab.tickets.map((ticket) => (
              <tr key={ticket.id} data-ticket-id={ticket.id} data-state={ticket.status}>
                {tab.columns.map((column) => (
                  <td key={column.id} data-column={column.id}>
                    <TicketCell columnId={column.id} ticket={ticket} />
                  </td>
                ))}
                {onOpenTicket && (
                  <td data-column="actions">
                    <button
                      type="button"
                      data-slot="tickets-tab-open"
                      aria-label={t('ticketsTab.openTicket', { id: ticketReference(ticket.id) })}
                      onClick={() => onOpenTicket(ticket)}
                    >
                      {t('wizard.openTicket')}
                    </button>
                  </td>
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
});

const pagedList: PagedListPartsSpec<WidgetMessageKey> = {
  widget: 'TicketsTab',
  slot: 'tickets-tab',
  emptyClass: 'empty',
  emptyMessage: 'ticketsTab.empty',
  errorTitle: 'ticketsTab.error.title',
  useMessages,
  useRoot: (part) => {
    const { tab, unstyled } = useTicketsTabContext(part);
    return { list: tab, unstyled };
  },
};

export interface TicketsTabLoadMoreProps extends ComponentPropsWithoutRef<'button'>, PartOptions {}

/** The "Load more" button: asks for the next page by cursor. Renders nothing on the last page. */
export const TicketsTabLoadMore: ForwardRefExoticComponent<TicketsTabLoadMoreProps & RefAttributes<HTMLButtonElement>> = createPagedListLoadMore(pagedList);

export interface TicketsTabEmptyProps extends ComponentPropsWithoutRef<'p'>, PartOptions {}

/** "No tickets yet", when the contact has none. */
export const TicketsTabEmpty: ForwardRefExoticComponent<TicketsTabEmptyProps & RefAttributes<HTMLParagraphElement>> = createPagedListEmpty(pagedList);

export interface TicketsTabErrorProps extends ComponentPropsWithoutRef<'div'>, PartOptions {}

/**
 * Why the tickets (or the next page) could not be loaded, with "Retry". An alert, so screen
 * readers hear it at once.
 */
export const TicketsTabError: ForwardRefExoticComponent<TicketsTabErrorProps & RefAttributes<HTMLDivElement>> = createPagedListError(pagedList);
