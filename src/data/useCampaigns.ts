import type { ReachoutMethod } from '../core/provider';
import type { Campaign } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkPage } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { usePagedQuery } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutPagedQueryState } from './types';

export interface UseCampaignsOptions {
  /**
   * Campaigns per page.
   * @default 20
   */
  limit?: number;
}

export interface UseCampaignsResult extends ReachoutPagedQueryState {
  /** The campaigns of the loaded pages, newest first. */
  campaigns: Campaign[];
  /** False when the data provider has no `listCampaigns`: nothing is fetched then. */
  isSupported: boolean;
}

/**
 * The campaigns, newest first, page by page; `campaign.updated` events update them live (a new
 * campaign is inserted at its place).
 *
 * @example
 * const { campaigns, hasNextPage, fetchNextPage } = useCampaigns();
 */
export function useCampaigns(options: UseCampaignsOptions = {}): UseCampaignsResult {
  const { dataProvider, queryClient } = useReachoutContext('useCampaigns');
  const limit = options.limit ?? 20;
  const listCampaigns = dataProvider.listCampaigns?.bind(dataProvider);
  const isSupported = listCampaigns !== undefined;
  const { items, ...state } = usePagedQuery<Campaign>({
    queryClient,
    queryKey: reachoutKeys.campaigns.list,
    enabled: isSupported,
    fetchPage: (cursor, signal) =>
      callProvider(
        'listCampaigns' as ReachoutMethod,
        signal,
        () => {
          if (!listCampaigns) throw new Error('The data provider has no listCampaigns');
          return listCampaigns({ cursor, limit }, { signal });
        },
        checkPage,
      ),
  });
  return { ...state, campaigns: items, isSupported };
}
