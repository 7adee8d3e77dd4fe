import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Campaign } from '../../core/types';
import { useCampaigns } from '../../data/useCampaigns';
import type { UseCampaignsResult } from '../../data/useCampaigns';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { composeEventHandlers } from '../internal/composeEventHandlers';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { usePagedListStatus } from '../internal/usePagedListStatus';

/** What the list shows: loading, the campaigns, none, a failure, or a provider without campaigns. */
export type CampaignsListState = 'loading' | 'ready' | 'empty' | 'error' | 'unsupported';

export interface CampaignsListContextValue {
  /** The campaigns query (newest first, page by page, live from `campaign.updated`). */
  query: UseCampaignsResult;
  state: CampaignsListState;
  loadMore: () => void;
  retry: () => void;
  onSelect: ((campaign: Campaign) => void) | undefined;
  selectedCampaignId: string | null;
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
}

// Read through functions, never destructured at module level: bundlers would keep the widget.
const campaignsListWidgetContext = createWidgetContext<CampaignsListContextValue>('CampaignsList');
const usePartClassName: WidgetContext<CampaignsListContextValue>['usePartClassName'] = (...args) =>
  campaignsListWidgetContext.usePartClassName(...args);

/**
 * The enclosing `CampaignsList.Root`'s state, for the parts and a host's own.
 *
 * @example
 * const { query } = useCampaignsListContext();
 * return <span>{query.campaigns.length} campaigns</span>;
 */
export function useCampaignsListContext(part?: string): CampaignsListContextValue {
  return campaignsListWidgetContext.useWidgetContext(part);
}

interface UnstyledProp {
  /**
   * Leaves out Reachout's classes; data attributes and behaviour stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/** An inner element's class, or none when unstyled. */
function useInnerClass(part: string, unstyled: boolean | undefined) {
  const context = useCampaignsListContext(part);
  const styled = !(unstyled ?? context.unstyled);
  return (name: string) => cn(styled && `reachout-campaigns-list__${name}`);
}

export interface CampaignsListRootProps extends Omit<ComponentPropsWithoutRef<'section'>, 'onSelect'> {
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
   * Leaves out Reachout's classes here and in every part inside.
   * @default false
   */
  unstyled?: boolean;
}

/** The region "Campaigns": loads the campaigns and holds the list's state; `data-state` says which. */
export const CampaignsListRoot = forwardRef<HTMLElement, CampaignsListRootProps>(function CampaignsListRoot(
  { onSelect, selectedCampaignId = null, pageSize, unstyled = false, className, children, ...props },
  ref,
) {
  const query = useCampaigns(pageSize === undefined ? {} : { limit: pageSize });
  const { status, loadMore, retry } = usePagedListStatus(query, query.campaigns.length);
  const { t } = useMessages();
  const state: CampaignsListState = query.isSupported ? status : 'unsupported';
  const value: CampaignsListContextValue = { query, state, loadMore, retry, onSelect, selectedCampaignId, unstyled };
  return (
    <campaignsListWidgetContext.Provider value={value}>
      <section
        ref={ref}
        aria-label={t('campaignsList.label')}
        aria-busy={state === 'loading' ? true : undefined}
        data-slot="campaigns-list"
        data-state={state}
        className={cn(!unstyled && 'reachout-campaigns-list', className)}
        {...props}
      >
        {children}
      </section>
    </campaignsListWidgetContext.Provider>
  );
});

export interface CampaignsListNoteProps extends ComponentPropsWithoutRef<'p'>, UnstyledProp {}

/** Says the data provider offers no campaigns; nothing otherwise. */
export const CampaignsListUnsupported = forwardRef<HTMLParagraphElement, CampaignsListNoteProps>(function CampaignsListUnsupported(
  { unstyled, className, children, ...props },
  ref,
) {
  const { state } = useCampaignsListContext('CampaignsList.Unsupported');
  const partClass = usePartClassName('CampaignsList.Unsupported', 'reachout-campaigns-list__note', unstyled, className);
  const { t } = useMessages();
  if (state !== 'unsupported') return null;
  return (
    <p ref={ref} role="status" data-slot="campaigns-list-unsupported" className={partClass} {...props}>
      {children ?? t('campaignProgress.unsupported')}
    </p>
  );
});

/** "No campaigns yet" when there are none; nothing otherwise. */
export const CampaignsListEmpty = forwardRef<HTMLParagraphElement, CampaignsListNoteProps>(function CampaignsListEmpty(
  { unstyled, className, children, ...props },
  ref,
) {
  const { state } = useCampaignsListContext('CampaignsList.Empty');
  const partClass = usePartClassName('CampaignsList.Empty', 'reachout-campaigns-list__note', unstyled, className);
  const { t } = useMessages();
  if (state !== 'empty') return null;
  return (
    <p ref={ref} data-slot="campaigns-list-empty" className={partClass} {...props}>
      {children ?? t('campaignsList.empty')}
    </p>
  );
});

export interface CampaignsListItemsProps extends Omit<ComponentPropsWithoutRef<'ul'>, 'children'>, UnstyledProp {
  /** How to show each campaign. @default a `CampaignsList.Item` */
  children?: (campaign: Campaign) => ReactNode;
}

/** The loaded campaigns, newest first, one `CampaignsList.Item` each (or `children(campaign)`). */
export const CampaignsListItems = forwardRef<HTMLUListElement, CampaignsListItemsProps>(function CampaignsListItems(
  { unstyled, className, children, ...props },
  ref,
) {
  const { query } = useCampaignsListContext('CampaignsList.Items');
  const partClass = usePartClassName('CampaignsList.Items', 'reachout-campaigns-list__items', unstyled, className);
  if (query.campaigns.length === 0) return null;
  return (
    <ul ref={ref} data-slot="campaigns-list-items" className={partClass} {...props}>
      {query.campaigns.map((campaign) => (children ? children(campaign) : <CampaignsListItem key={campaign.id} campaign={campaign} unstyled={unstyled} />))}
    </ul>
  );
});

export interface CampaignsListItemProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'>, UnstyledProp {
  campaign: Campaign;
}

/** One campaign: a button with its name, status, progress and creation date; calls `onSelect`. */
export const CampaignsListItem = forwardRef<HTMLButtonElement, CampaignsListItemProps>(function CampaignsListItem(
  { campaign, unstyled, className, onClick, ...props },
  ref,
) {
  const { onSelect, selectedCampaignId } = useCampaignsListContext('CampaignsList.Item');
  const part = useInnerClass('CampaignsList.Item', unstyled);
  const partClass = usePartClassName('CampaignsList.Item', 'reachout-campaigns-list__button', unstyled, className);
  const { t, formatDate } = useMessages();
  const done = campaign.counts.total - campaign.counts.queued;
  const percent = campaign.counts.total === 0 ? 100 : Math.floor((done / campaign.counts.total) * 100);
  return (
    <li className={part('item')}>
      <button
        ref={ref}
        type="button"
        data-slot="campaigns-list-item"
        data-state={campaign.status}
        aria-current={campaign.id === selectedCampaignId ? true : undefined}
        className={partClass}
        onClick={composeEventHandlers(onClick, () => onSelect?.(campaign))}
        {...props}
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
});

export interface CampaignsListErrorProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>, UnstyledProp {}

/** Why the campaigns could not be loaded, in words, with "Retry"; nothing otherwise. */
export const CampaignsListError = forwardRef<HTMLDivElement, CampaignsListErrorProps>(function CampaignsListError(
  { unstyled, className, ...props },
  ref,
) {
  const { query, retry } = useCampaignsListContext('CampaignsList.Error');
  const part = useInnerClass('CampaignsList.Error', unstyled);
  const partClass = usePartClassName('CampaignsList.Error', 'reachout-campaigns-list__error', unstyled, className);
  const { t, errorMessage } = useMessages();
  if (!query.error) return null;
  return (
    <div ref={ref} role="alert" data-slot="campaigns-list-error" className={partClass} {...props}>
      <p>{t('campaignsList.error.title')}</p>
      <p>{errorMessage(query.error)}</p>
      <button type="button" className={part('more')} onClick={retry}>
        {t('common.retry')}
      </button>
    </div>
  );
});

export interface CampaignsListLoadMoreProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'>, UnstyledProp {}

/** "Load more" while older campaigns remain. */
export const CampaignsListLoadMore = forwardRef<HTMLButtonElement, CampaignsListLoadMoreProps>(function CampaignsListLoadMore(
  { unstyled, className, onClick, ...props },
  ref,
) {
  const { query, loadMore } = useCampaignsListContext('CampaignsList.LoadMore');
  const partClass = usePartClassName('CampaignsList.LoadMore', 'reachout-campaigns-list__more', unstyled, className);
  const { t } = useMessages();
  if (!query.hasNextPage || query.error !== null) return null;
  return (
    <button
      ref={ref}
      type="button"
      data-slot="campaigns-list-load-more"
      className={partClass}
      disabled={query.isFetchingNextPage}
      onClick={composeEventHandlers(onClick, loadMore)}
      {...props}
    >
      {t('campaignsList.loadMore')}
    </button>
  );
});
