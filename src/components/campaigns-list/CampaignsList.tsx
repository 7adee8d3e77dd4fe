import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Campaign } from '../../core/types';
import { useCampaigns } from '../../data/useCampaigns';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { usePagedListStatus } from '../internal/usePagedListStatus';

export interface CampaignsListProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'onSelect'> {
  /** Called with the campaign the user opens (to show its `CampaignProgress`). */
  onSelect?: (campaign: Campaign) => void;
  /** The campaign shown as current (`aria-current`), e.g. the one whose progress is open. */
  selectedCampaignId?: string | null;
  /**
   * Campaigns per page.
   * @default 20
   */
  pageSize?: number;
  /**
   * Leaves out Reachout's classes (data attributes and behaviour stay).
   * @default false
   */
  unstyled?: boolean;
}

/**
 * The campaigns, newest first, each with its status and a progress bar, live from
 * `campaign.updated`; a button per campaign calls `onSelect`. "Load more" fetches older ones.
 * A provider without campaign methods gets a clear message instead. `data-state` is
 * `loading`, `ready`, `empty`, `error` or `unsupported`.
 *
 * @example
 * <CampaignsList onSelect={(campaign) => setCampaignId(campaign.id)} />
 */
export const CampaignsList = forwardRef<HTMLElement, CampaignsListProps>(function CampaignsList(
  { onSelect, selectedCampaignId = null, pageSize, unstyled = false, className, ...props },
  ref,
) {
  const query = useCampaigns(pageSize === undefined ? {} : { limit: pageSize });
  const { status, loadMore, retry } = usePagedListStatus(query, query.campaigns.length);
  const { t, formatDate, errorMessage } = useMessages();
  const styled = !unstyled;
  const part = (name: string) => cn(styled && `reachout-campaigns-list__${name}`);
  const state = query.isSupported ? status : 'unsupported';
  return (
    <section
      ref={ref}
      aria-label={t('campaignsList.label')}
      aria-busy={state === 'loading' ? true : undefined}
      data-slot="campaigns-list"
      data-state={state}
      className={cn(styled && 'reachout-campaigns-list', className)}
      {...props}
    >
      {state === 'unsupported' && (
        <p role="status" className={part('note')}>
          {t('campaignProgress.unsupported')}
        </p>
      )}
      {state === 'empty' && <p className={part('note')}>{t('campaignsList.empty')}</p>}
      {query.campaigns.length > 0 && (
        <ul data-slot="campaigns-list-items" className={part('items')}>
          {query.campaigns.map((campaign) => {
            const done = campaign.counts.total - campaign.counts.queued;
            const percent = campaign.counts.total === 0 ? 100 : Math.floor((done / campaign.counts.total) * 100);
            return (
              <li key={campaign.id} className={part('item')}>
                <button
                  type="button"
                  data-slot="campaigns-list-item"
                  data-state={campaign.status}
                  aria-current={campaign.id === selectedCampaignId ? true : undefined}
                  className={part('button')}
                  onClick={() => onSelect?.(campaign)}
                >
                  <span className={part('name')} dir="auto">
                    {campaign.name}
                  </span>
                  <span data-slot="campaigns-list-status" data-state={campaign.status} className={part('status')}>
                    {t(`campaignProgress.status.${campaign.status}`)}
                  </span>
                  <span className={part('meta')}>
                    {t('campaignsList.progress', { done, total: campaign.counts.total })}
                    {' · '}
                    {t('campaignsList.created', { date: formatDate(campaign.createdAt, { dateStyle: 'medium' }) })}
                  </span>
                  <span aria-hidden="true" className={part('bar')}>
                    <span className={part('bar-fill')} style={{ inlineSize: `${percent}%` }} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {query.error && (
        <div role="alert" className={part('error')}>
          <p>{t('campaignsList.error.title')}</p>
          <p>{errorMessage(query.error)}</p>
          <button type="button" className={part('more')} onClick={retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {query.hasNextPage && query.error === null && (
        <button type="button" className={part('more')} disabled={query.isFetchingNextPage} onClick={loadMore}>
          {t('campaignsList.loadMore')}
        </button>
      )}
    </section>
  );
});
