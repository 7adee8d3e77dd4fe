import { useQuery } from '@tanstack/react-query';
import type { ReachoutError } from '../core/errors';
import type { ReachoutMethod } from '../core/provider';
import type { Campaign } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkEntity } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { toQueryResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutQueryResult } from './types';

/** One campaign, as `useCampaign` reports it. */
export type UseCampaignResult = ReachoutQueryResult<Campaign> & {
  /** False when the data provider has no `getCampaign`: nothing is fetched then. */
  isSupported: boolean;
};

/**
 * One campaign: status, counts, schedule. Updated live from `campaign.updated` events; without
 * `subscribe`, fetched again every `pollIntervalMs` while it runs.
 *
 * @example
 * const { data: campaign } = useCampaign(campaignId);
 * const done = campaign ? campaign.counts.total - campaign.counts.queued : 0;
 */
export function useCampaign(id: string | null | undefined): UseCampaignResult {
  const { dataProvider, queryClient, pollIntervalMs } = useReachoutContext('useCampaign');
  const campaignId = id ?? '';
  const getCampaign = dataProvider.getCampaign?.bind(dataProvider);
  const query = useQuery<Campaign, ReachoutError>(
    {
      queryKey: reachoutKeys.campaigns.detail(campaignId),
      queryFn: ({ signal }) =>
        callProvider(
          'getCampaign' as ReachoutMethod,
          signal,
          () => {
            if (!getCampaign) throw new Error('The data provider has no getCampaign');
            return getCampaign({ id: campaignId }, { signal });
          },
          checkEntity('campaign'),
        ),
      enabled: campaignId !== '' && getCampaign !== undefined,
      refetchInterval: (query) =>
        !dataProvider.subscribe && query.state.data?.status === 'running' ? pollIntervalMs : false,
    },
    queryClient,
  );
  return { ...toQueryResult(query), isSupported: getCampaign !== undefined };
}
