import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReachoutError } from '../core/errors';
import type { Agent } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkList } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { toQueryResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutQueryResult } from './types';

export interface UseAgentsOptions {
  /**
   * Matches agent names on the provider; debounce typing before passing it here.
   * @default ''
   */
  search?: string;
}

/** The agents, as `useAgents` reports them. */
export type UseAgentsResult = ReachoutQueryResult<Agent[]>;

/**
 * Agents a ticket can be assigned to. While a new search loads, the previous answer stays as
 * placeholder data (`isPlaceholderData`).
 *
 * @example
 * const { data: agents = [] } = useAgents({ search });
 */
export function useAgents(options: UseAgentsOptions = {}): UseAgentsResult {
  const { dataProvider, queryClient } = useReachoutContext('useAgents');
  const search = options.search ?? '';
  const query = useQuery<Agent[], ReachoutError>(
    {
      queryKey: reachoutKeys.agents(search),
      queryFn: ({ signal }) =>
        callProvider('listAgents', signal, () => dataProvider.listAgents(search ? { search } : {}, { signal }), checkList),
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  return toQueryResult(query);
}
