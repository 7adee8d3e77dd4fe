import { useQuery } from '@tanstack/react-query';
import type { ReachoutError } from '../core/errors';
import type { Ticket } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkEntity } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { toQueryResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutQueryResult } from './types';

/** One ticket, as `useTicket` reports it. */
export type UseTicketResult = ReachoutQueryResult<Ticket>;

/**
 * One ticket. Updated live from `ticket.updated` events; without `subscribe`, fetched again
 * every `pollIntervalMs` while it is verifying, and no longer once verification ends.
 *
 * @example
 * const { data: ticket } = useTicket(ticketId);
 * if (ticket?.status === 'failed') showReason(ticket.notification.failureReason);
 */
export function useTicket(id: string | null | undefined): UseTicketResult {
  const { dataProvider, queryClient, pollIntervalMs } = useReachoutContext('useTicket');
  const ticketId = id ?? '';
  const query = useQuery<Ticket, ReachoutError>(
    {
      queryKey: reachoutKeys.tickets.detail(ticketId),
      queryFn: ({ signal }) =>
        callProvider('getTicket', signal, () => dataProvider.getTicket({ id: ticketId }, { signal }), checkEntity('ticket')),
      enabled: ticketId !== '',
      refetchInterval: (query) =>
        !dataProvider.subscribe && query.state.data?.status === 'verifying' ? pollIntervalMs : false,
    },
    queryClient,
  );
  return toQueryResult(query);
}
