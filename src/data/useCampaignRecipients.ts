import type { ReachoutMethod } from '../core/provider';
import type { CampaignRecipient, CampaignRecipientStatus } from '../core/types';
import { callProvider } from './internal/callProvider';
import type { ResponseCheck } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { usePagedQuery } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutPagedQueryState } from './types';

/** `{ items: [], nextCursor }` with a `contactId` on every recipient (they have no `id` of their own). */
const checkRecipientsPage: ResponseCheck = (value) => {
  const page = value as { items?: unknown; nextCursor?: unknown } | null;
  const isPage =
    typeof page === 'object' &&
    page !== null &&
    Array.isArray(page.items) &&
    (page.nextCursor === null || typeof page.nextCursor === 'string') &&
    page.items.every((item: unknown) => typeof (item as { contactId?: unknown } | null)?.contactId === 'string');
  return isPage ? null : 'page: expected { items: [], nextCursor }, every recipient with a contactId';
};

export interface UseCampaignRecipientsOptions {
  /** Only the recipients in this status; every recipient when left out. */
  status?: CampaignRecipientStatus;
  /**
   * Recipients per page.
   * @default 100
   */
  limit?: number;
}

export interface UseCampaignRecipientsResult extends ReachoutPagedQueryState {
  /** The recipients of the loaded pages, in the provider's order. */
  recipients: CampaignRecipient[];
  /** False when the data provider has no `listCampaignRecipients`: nothing is fetched then. */
  isSupported: boolean;
}

/**
 * One campaign's recipients, page by page, optionally of one status; fetched again when a
 * `campaign.updated` event arrives while they are on screen.
 *
 * @example
 * const { recipients, fetchNextPage } = useCampaignRecipients(campaignId, { status: 'failed' });
 */
export function useCampaignRecipients(
  campaignId: string | null | undefined,
  options: UseCampaignRecipientsOptions = {},
): UseCampaignRecipientsResult {
  const { dataProvider, queryClient } = useReachoutContext('useCampaignRecipients');
  const id = campaignId ?? '';
  const { status, limit = 100 } = options;
  const listRecipients = dataProvider.listCampaignRecipients?.bind(dataProvider);
  const isSupported = listRecipients !== undefined;
  const { items, ...state } = usePagedQuery<CampaignRecipient>({
    queryClient,
    queryKey: reachoutKeys.campaigns.recipients(id, status),
    enabled: id !== '' && isSupported,
    // Switching the status filter keeps the previous rows (dimmed) until the new ones arrive.
    keepPreviousFrom: (previousKey) => previousKey[3] === id,
    fetchPage: (cursor, signal) =>
      callProvider(
        'listCampaignRecipients' as ReachoutMethod,
        signal,
        () => {
          if (!listRecipients) throw new Error('The data provider has no listCampaignRecipients');
          return listRecipients({ campaignId: id, ...(status ? { status } : {}), cursor, limit }, { signal });
        },
        checkRecipientsPage,
      ),
  });
  return { ...state, recipients: items, isSupported };
}
