import type { Ticket } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkPage } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { usePagedQuery } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutPagedQueryState } from './types';

export interface UseTicketsOptions {
  /**
   * Tickets per page.
   * @default 20
   */
  limit?: number;
}

export interface UseTicketsResult extends ReachoutPagedQueryState {
  /** The contact's tickets of the loaded pages, newest first. */
  tickets: Ticket[];
}

/**
 * A contact's tickets, page by page, newest first. Updated live from `ticket.updated` events;
 * without `subscribe`, the list is fetched again every `pollIntervalMs` while any ticket in it
 * is verifying.
 *
 * @example
 * const { tickets, isLoading, error } = useTickets(contactId);
 */
export function useTickets(contactId: string | null | undefined, options: UseTicketsOptions = {}): UseTicketsResult {
  const { dataProvider, queryClient, pollIntervalMs } = useReachoutContext('useTickets');
  const id = contactId ?? '';
  const limit = options.limit ?? 20;
  const { items, ...state } = usePagedQuery<Ticket>({
    queryClient,
    queryKey: reachoutKeys.tickets.list(id),
    enabled: id !== '',
    fetchPage: (cursor, signal) =>
      callProvider(
        'listTickets',
        signal,
        () => dataProvider.listTickets({ contactId: id, cursor, limit }, { signal }),
        checkPage,
      ),
    refetchInterval: (data) =>
      !dataProvider.subscribe &&
      data?.pages.some((page) => page.items.some((ticket) => ticket.status === 'verifying'))
        ? pollIntervalMs
        : false,
  });
  return { ...state, tickets: items };
}
