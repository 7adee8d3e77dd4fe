import { useCallback, useState } from 'react';
import type { ReachoutError } from '../../core/errors';
import type { Campaign, CampaignAction, CampaignRecipient, CampaignRecipientStatus } from '../../core/types';
import { useCampaign } from '../../data/useCampaign';
import { useCampaignRecipients } from '../../data/useCampaignRecipients';
import { useUpdateCampaign } from '../../data/useUpdateCampaign';
import { useControllableState } from '../internal/useControllableState';

export interface UseCampaignProgressOptions {
  /** The campaign to follow. */
  campaignId: string;
  /**
   * The recipients' status filter, when the host controls it; `null` for every recipient.
   * @default undefined (the widget keeps its own, starting at `defaultRecipientStatus`)
   */
  recipientStatus?: CampaignRecipientStatus | null;
  /** @default null */
  defaultRecipientStatus?: CampaignRecipientStatus | null;
  /** Called when the user changes the status filter. */
  onRecipientStatusChange?: (status: CampaignRecipientStatus | null) => void;
}

/** What the widget shows: loading, the campaign, a failure, or a provider without campaigns. */
export type CampaignProgressStatus = 'loading' | 'ready' | 'error' | 'unsupported';

export interface UseCampaignProgressResult {
  status: CampaignProgressStatus;
  campaign: Campaign | undefined;
  /** Why the campaign could not be loaded. */
  error: ReachoutError | null;
  retry: () => void;
  /** Recipients done (sent, delivered, read, failed or skipped) and the whole audience. */
  done: number;
  total: number;
  /** `done / total` in whole percent (100 for an empty audience). */
  percent: number;
  /** The actions the campaign's status allows now. */
  actions: readonly CampaignAction[];
  /** Pauses or resumes at once; `cancel` only asks for confirmation (see `confirmCancel`). */
  run: (action: CampaignAction) => void;
  /** The cancel confirmation is showing. */
  isConfirmingCancel: boolean;
  confirmCancel: () => void;
  dismissCancel: () => void;
  /** An action is on its way. */
  isUpdating: boolean;
  /** Why the last action failed. */
  updateError: ReachoutError | null;
  recipientStatus: CampaignRecipientStatus | null;
  setRecipientStatus: (status: CampaignRecipientStatus | null) => void;
  recipients: CampaignRecipient[];
  recipientsTotal: number | undefined;
  recipientsError: ReachoutError | null;
  /** The recipients belong to the previous filter while the new one loads. */
  isRecipientsStale: boolean;
  isRecipientsPending: boolean;
  hasMoreRecipients: boolean;
  loadMoreRecipients: () => void;
  retryRecipients: () => void;
}

/** Which actions each status allows. */
export function campaignActions(status: Campaign['status']): readonly CampaignAction[] {
  switch (status) {
    case 'running':
      return ['pause', 'cancel'];
    case 'paused':
      return ['resume', 'cancel'];
    case 'scheduled':
      return ['cancel'];
    case 'completed':
    case 'cancelled':
      return [];
    default:
      status satisfies never;
      return [];
  }
}

/**
 * A campaign's progress without markup: the campaign (live from `campaign.updated`), the done
 * count and percent, the actions its status allows (cancel asks first), and its recipients,
 * filterable by status, page by page.
 *
 * @example
 * const progress = useCampaignProgress({ campaignId });
 * return <progress value={progress.done} max={progress.total} />;
 */
export function useCampaignProgress(options: UseCampaignProgressOptions): UseCampaignProgressResult {
  const { campaignId } = options;
  const campaignQuery = useCampaign(campaignId);
  const [recipientStatus, setRecipientStatus] = useControllableState<CampaignRecipientStatus | null>({
    value: options.recipientStatus,
    defaultValue: options.defaultRecipientStatus ?? null,
    onChange: options.onRecipientStatusChange,
  });
  const recipientsQuery = useCampaignRecipients(campaignId, recipientStatus === null ? {} : { status: recipientStatus });
  const update = useUpdateCampaign();
  const [isConfirmingCancel, setConfirmingCancel] = useState(false);

  const campaign = campaignQuery.data;
  let status: CampaignProgressStatus;
  if (!campaignQuery.isSupported) status = 'unsupported';
  else if (campaign !== undefined) status = 'ready';
  else if (campaignQuery.error !== null) status = 'error';
  else status = 'loading';

  const total = campaign?.counts.total ?? 0;
  const done = campaign === undefined ? 0 : total - campaign.counts.queued;
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);

  const { mutate } = update;
  const send = useCallback(
    (action: CampaignAction) => mutate({ id: campaignId, action }, { onSettled: () => setConfirmingCancel(false) }),
    [mutate, campaignId],
  );
  const run = useCallback(
    (action: CampaignAction) => {
      if (action === 'cancel') setConfirmingCancel(true);
      else send(action);
    },
    [send],
  );
  const { refetch } = campaignQuery;
  const { hasNextPage, fetchNextPage, refetch: refetchRecipients, recipients } = recipientsQuery;
  // Stable: the table's effect asks for the next page whenever its window nears the end.
  const loadMoreRecipients = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return {
    status,
    campaign,
    error: campaignQuery.error,
    retry: () => void refetch(),
    done,
    total,
    percent,
    actions: campaign === undefined ? [] : campaignActions(campaign.status),
    run,
    isConfirmingCancel,
    confirmCancel: () => send('cancel'),
    dismissCancel: () => setConfirmingCancel(false),
    isUpdating: update.isPending,
    updateError: update.error,
    recipientStatus,
    setRecipientStatus,
    recipients,
    recipientsTotal: recipientsQuery.total,
    recipientsError: recipientsQuery.error,
    isRecipientsStale: recipientsQuery.isPlaceholderData,
    isRecipientsPending: recipientsQuery.isPending,
    hasMoreRecipients: hasNextPage,
    loadMoreRecipients,
    retryRecipients: () => void (recipients.length > 0 && hasNextPage ? fetchNextPage() : refetchRecipients()),
  };
}
