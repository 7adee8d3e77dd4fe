import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ReachoutError } from '../core/errors';
import type { ReachoutMethod } from '../core/provider';
import type { Campaign, CampaignAction } from '../core/types';
import { applyReachoutEvent } from './applyReachoutEvent';
import { callProvider } from './internal/callProvider';
import { checkEntity } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { useMutationResult } from './internal/queryResults';
import type { ReachoutMutationResult } from './types';

/** What `useUpdateCampaign` sends: which campaign, and `pause`, `resume` or `cancel`. */
export interface UpdateCampaignInput {
  id: string;
  action: CampaignAction;
}

export type UseUpdateCampaignResult = ReachoutMutationResult<UpdateCampaignInput, Campaign> & {
  /** False when the data provider has no `updateCampaign`: an update then fails with `UNKNOWN`. */
  isSupported: boolean;
};

/**
 * Pauses, resumes or cancels a campaign (cancelling keeps what was sent). The answered campaign
 * goes into the cache at once, as a `campaign.updated` event would put it.
 *
 * @example
 * const update = useUpdateCampaign();
 * update.mutate({ id: campaign.id, action: 'pause' });
 */
export function useUpdateCampaign(): UseUpdateCampaignResult {
  const { dataProvider, queryClient } = useReachoutContext('useUpdateCampaign');
  const updateCampaign = dataProvider.updateCampaign?.bind(dataProvider);
  const mutation = useMutation<Campaign, ReachoutError, UpdateCampaignInput>(
    {
      mutationFn: (input) =>
        callProvider(
          'updateCampaign' as ReachoutMethod,
          undefined,
          () => {
            if (!updateCampaign) throw new ReachoutError('UNKNOWN', 'The data provider has no updateCampaign');
            return updateCampaign({ id: input.id, action: input.action });
          },
          checkEntity('campaign'),
        ),
      onSuccess: (campaign) => applyReachoutEvent(queryClient, { type: 'campaign.updated', campaign }),
    },
    queryClient,
  );
  const { mutateAsync: update } = mutation;
  const mutateAsync = useCallback((input: UpdateCampaignInput) => update(input), [update]);
  return { ...useMutationResult(mutation, mutateAsync), isSupported: updateCampaign !== undefined };
}
