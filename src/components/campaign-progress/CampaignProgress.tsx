import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { useCampaignProgress } from './useCampaignProgress';
import type { UseCampaignProgressOptions } from './useCampaignProgress';
import { campaignProgressWidgetContext } from './CampaignProgressContext';
import { CampaignProgressActions } from './CampaignProgressActions';
import { CampaignProgressRecipients } from './CampaignProgressRecipients';
import { CampaignProgressBar, CampaignProgressCounts, CampaignProgressHeader, CampaignProgressNotice } from './CampaignProgressSummary';

export interface CampaignProgressRootProps extends UseCampaignProgressOptions, ComponentPropsWithoutRef<'section'> {
  /**
   * Leaves out Reachout's classes here and in every part inside (data attributes and behaviour stay).
   * @default false
   */
  unstyled?: boolean;
}

export type CampaignProgressProps = Omit<CampaignProgressRootProps, 'children'>;

/**
 * Runs `useCampaignProgress` and shares it with the parts inside. `data-state` is the campaign's
 * status (or `loading`, `error`, `unsupported`).
 */
export const CampaignProgressRoot = forwardRef<HTMLElement, CampaignProgressRootProps>(function CampaignProgressRoot(
  { campaignId, recipientStatus, defaultRecipientStatus, onRecipientStatusChange, unstyled = false, className, ...props },
  ref,
) {
  const progress = useCampaignProgress({ campaignId, recipientStatus, defaultRecipientStatus, onRecipientStatusChange });
  const { t } = useMessages();
  const { campaign } = progress;
  const state = progress.status === 'ready' && campaign ? campaign.status : progress.status;
  return (
    <campaignProgressWidgetContext.Provider value={{ progress, unstyled }}>
      <section
        ref={ref}
        data-slot="campaign-progress"
        data-state={state}
        aria-label={campaign?.name ?? t('campaignProgress.progress')}
        aria-busy={progress.status === 'loading' ? true : undefined}
        className={cn(!unstyled && 'reachout-campaign-progress', className)}
        {...props}
      />
    </campaignProgressWidgetContext.Provider>
  );
});

/**
 * One campaign as it goes out: its status, a progress bar and the counts (queued, sent,
 * delivered, read, failed, skipped) updated live from `campaign.updated`, "Pause", "Resume" and
 * "Cancel campaign" (asks first; what was sent stays sent), and the "Recipients" table
 * (virtualized, filterable by status, reasons in words). A provider without campaign methods
 * gets a clear message instead. Parts for another layout: `CampaignProgress.Root`, `.Notice`,
 * `.Header`, `.Bar`, `.Counts`, `.Actions`, `.Recipients`; `useCampaignProgress` for your own.
 *
 * @example
 * <CampaignProgress campaignId={campaign.id} />
 */
const CampaignProgressAssembly = forwardRef<HTMLElement, CampaignProgressProps>(function CampaignProgress(props, ref) {
  return (
    <CampaignProgressRoot ref={ref} {...props}>
      <CampaignProgressNotice />
      <CampaignProgressHeader />
      <CampaignProgressBar />
      <CampaignProgressCounts />
      <CampaignProgressActions />
      <CampaignProgressRecipients />
    </CampaignProgressRoot>
  );
});

export const CampaignProgress = Object.assign(CampaignProgressAssembly, {
  Root: CampaignProgressRoot,
  Notice: CampaignProgressNotice,
  Header: CampaignProgressHeader,
  Bar: CampaignProgressBar,
  Counts: CampaignProgressCounts,
  Actions: CampaignProgressActions,
  Recipients: CampaignProgressRecipients,
});
