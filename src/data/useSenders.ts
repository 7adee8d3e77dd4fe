import { useQuery } from '@tanstack/react-query';
import type { ReachoutError } from '../core/errors';
import type { Sender } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkList } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { toQueryResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutQueryResult } from './types';

/** The business numbers, as `useSenders` reports them. */
export type UseSendersResult = ReachoutQueryResult<Sender[]>;

/**
 * The business numbers a notification can be sent from (the wizard's "From"). They rarely
 * change, so they stay fresh for five minutes.
 *
 * @example
 * const { data: senders = [] } = useSenders();
 */
export function useSenders(): UseSendersResult {
  const { dataProvider, queryClient } = useReachoutContext('useSenders');
  const query = useQuery<Sender[], ReachoutError>(
    {
      queryKey: reachoutKeys.senders,
      queryFn: ({ signal }) => callProvider('listSenders', signal, () => dataProvider.listSenders({}, { signal }), checkList),
      staleTime: 5 * 60_000,
    },
    queryClient,
  );
  return toQueryResult(query);
}
