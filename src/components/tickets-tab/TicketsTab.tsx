import { forwardRef } from 'react';
import { TicketsTabEmpty, TicketsTabError, TicketsTabLoadMore, TicketsTabRoot, TicketsTabTable } from './TicketsTabParts';
import type { TicketsTabRootProps } from './TicketsTabParts';

export type TicketsTabProps = Omit<TicketsTabRootProps, 'children'>;

const TicketsTabAssembly = forwardRef<HTMLDivElement, TicketsTabProps>(function TicketsTab(props, ref) {
  return (
    <TicketsTabRoot ref={ref} {...props}>
      <TicketsTabTable />
      <TicketsTabEmpty />
      <TicketsTabError />
      <TicketsTabLoadMore />
    </TicketsTabRoot>
  );
});

/**
 * A contact's tickets in a table named "Tickets": id, status, priority, assignee, delivery (with
 * WhatsApp's failure reason), template and creation time. Sortable by any column, paged by
 * cursor with "Load more", and updated live: a verification result shows without a reload.
 * Parts for recomposing: `TicketsTab.Root`, `.Table`, `.Empty`, `.Error`, `.LoadMore`;
 * `useTicketsTab` for markup of your own.
 *
 * @example
 * <TicketsTab contactId={contact.id} onOpenTicket={(ticket) => navigate(`/tickets/${ticket.id}`)} />
 */
export const TicketsTab = Object.assign(TicketsTabAssembly, {
  Root: TicketsTabRoot,
  Table: TicketsTabTable,
  Empty: TicketsTabEmpty,
  Error: TicketsTabError,
  LoadMore: TicketsTabLoadMore,
});
