import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { ReachoutError } from '../core/errors';
import type { ReachoutMethod } from '../core/provider';
import type { Campaign, CampaignInput } from '../core/types';
import { applyReachoutEvent } from './applyReachoutEvent';
import { callProvider } from './internal/callProvider';
import { checkEntity } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { useMutationResult } from './internal/queryResults';
import type { ReachoutMutationResult } from './types';

export type UseCreateCampaignResult = ReachoutMutationResult<CampaignInput, Campaign> & {
  /** False when the data provider has no `createCampaign`: a create then fails with `UNKNOWN`. */
  isSupported: boolean;
};

/**
 * Creates a campaign (started now, or scheduled). A second call with the same
 * `idempotencyKey` while the first is on its way shares it, and the provider answers a repeat
 * with the campaign it made: one campaign per key. The campaign goes into the cache at once.
 *
 * @example
 * const create = useCreateCampaign();
 * const campaign = await create.mutateAsync({ idempotencyKey, name, senderId, template, parameters, audience, scheduledAt: null });
 */
export function useCreateCampaign(): UseCreateCampaignResult {
  const { dataProvider, queryClient } = useReachoutContext('useCreateCampaign');
  const createCampaign = dataProvider.createCampaign?.bind(dataProvider);
  const mutation = useMutation<Campaign, ReachoutError, CampaignInput>(
    {
      mutationFn: (input) =>
        callProvider(
          'createCampaign' as ReachoutMethod,
          undefined,
          () => {
            if (!createCampaign) throw new ReachoutError('UNKNOWN', 'The data provider has no createCampaign');
            return createCampaign({ input });
          },
          checkEntity('campaign'),
        ),
      onSuccess: (campaign) => applyReachoutEvent(queryClient, { type: 'campaign.updated', campaign }),
    },
    queryClient,
  );
  // One request per key in flight: a double click gets the same promise, not a second create.
  const inFlight = useRef(new Map<string, Promise<Campaign>>());
  const { mutateAsync: create } = mutation;
  const mutateAsync = useCallback(
    (input: CampaignInput) => {
      const pending = inFlight.current.get(input.idempotencyKey);
      if (pending) return pending;
      const request = create(input).finally(() => inFlight.current.delete(input.idempotencyKey));
      inFlight.current.set(input.idempotencyKey, request);
      return request;
    },
    [create],
  );
  return { ...useMutationResult(mutation, mutateAsync), isSupported: createCampaign !== undefined };
}
