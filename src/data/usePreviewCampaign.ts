import { useQuery } from '@tanstack/react-query';
import type { ReachoutError } from '../core/errors';
import type { ReachoutMethod } from '../core/provider';
import type { CampaignAudience, CampaignPreflight } from '../core/types';
import { callProvider } from './internal/callProvider';
import { useReachoutContext } from './internal/context';
import { toQueryResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutQueryResult } from './types';

export type UsePreviewCampaignResult = ReachoutQueryResult<CampaignPreflight> & {
  /** False when the data provider has no `previewCampaign`: nothing is fetched then. */
  isSupported: boolean;
};

/**
 * The preflight counts of an audience from a sender: how many would get the message, and how
 * many would be skipped, by reason. Nothing is fetched until both are given.
 *
 * @example
 * const { data: preflight } = usePreviewCampaign({ search: 'lisbon' }, senderId);
 */
export function usePreviewCampaign(audience: CampaignAudience | null, senderId: string | null): UsePreviewCampaignResult {
  const { dataProvider, queryClient } = useReachoutContext('usePreviewCampaign');
  const previewCampaign = dataProvider.previewCampaign?.bind(dataProvider);
  const query = useQuery<CampaignPreflight, ReachoutError>(
    {
      queryKey: reachoutKeys.campaigns.preview(audience, senderId ?? ''),
      queryFn: ({ signal }) =>
        callProvider('previewCampaign' as ReachoutMethod, signal, () => {
          if (!previewCampaign || audience === null || senderId === null) throw new Error('The data provider has no previewCampaign');
          return previewCampaign({ audience, senderId }, { signal });
        }),
      enabled: previewCampaign !== undefined && audience !== null && senderId !== null,
      // Who is skipped changes as chats open and close: ask again each time the review shows.
      staleTime: 0,
    },
    queryClient,
  );
  return { ...toQueryResult(query), isSupported: previewCampaign !== undefined };
}
