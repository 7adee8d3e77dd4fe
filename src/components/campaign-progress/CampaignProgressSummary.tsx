import { forwardRef, memo } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { CampaignRecipientStatus } from '../../core/types';
import { useMessages } from './messages';
import { recipientStatuses, usePart, usePartClassName } from './CampaignProgressContext';
import type { CampaignProgressPartProps, PartOptions } from './CampaignProgressContext';

/** Instead of the campaign: a provider without campaigns, a failure with Retry, or a placeholder while it loads. */
export const CampaignProgressNotice = forwardRef<HTMLDivElement, CampaignProgressPartProps>(function CampaignProgressNotice(
  { unstyled, className, ...props },
  ref,
) {
  const { progress, part } = usePart('Notice', unstyled);
  const { t, errorMessage } = useMessages();
  const partClassName = usePartClassName('CampaignProgress.Notice', 'reachout-campaign-progress__notice', unstyled, className);
  if (progress.status === 'ready') return null;
  return (
    <div ref={ref} data-slot="campaign-progress-notice" data-state={progress.status} className={partClassName} {...props}>
      {progress.status === 'unsupported' && (
        <p role="status" data-slot="campaign-progress-unsupported" className={part('note')}>
          {t('campaignProgress.unsupported')}
        </p>
      )}
      {progress.status === 'error' && progress.error && (
        <div role="alert" data-slot="campaign-progress-error" className={part('error')}>
          <p>{t('campaignProgress.error.title')}</p>
          <p>{errorMessage(progress.error)}</p>
          <button type="button" className={part('button')} onClick={progress.retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {progress.status === 'loading' && <div data-slot="campaign-progress-skeleton" className={part('skeleton')} />}
    </div>
  );
});

/** The campaign's name, its status, its template and, while scheduled, when it starts. */
export const CampaignProgressHeader = forwardRef<HTMLDivElement, CampaignProgressPartProps>(function CampaignProgressHeader(
  { unstyled, className, ...props },
  ref,
) {
  const { progress, part } = usePart('Header', unstyled);
  const { t, formatDate } = useMessages();
  const partClassName = usePartClassName('CampaignProgress.Header', 'reachout-campaign-progress__header', unstyled, className);
  const { campaign } = progress;
  if (!campaign) return null;
  return (
    <div ref={ref} data-slot="campaign-progress-header" className={partClassName} {...props}>
      <h2 data-slot="campaign-progress-name" className={part('name')} dir="auto">
        {campaign.name}
      </h2>
      <span data-slot="campaign-progress-status" data-state={campaign.status} className={part('status')}>
        {t(`campaignProgress.status.${campaign.status}`)}
      </span>
      <p data-slot="campaign-progress-meta" className={part('meta')}>
        {t('campaignProgress.template', { name: campaign.template.name, language: campaign.template.language })}
        {campaign.status === 'scheduled' && campaign.scheduledAt !== null && (
          <>
            {' · '}
            {t('campaignProgress.scheduledFor', {
              date: formatDate(campaign.scheduledAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </>
        )}
      </p>
    </div>
  );
});

/** The progress bar (`role="progressbar"`, "Campaign progress") and "1,000 of 2,400 recipients done". */
export const CampaignProgressBar = forwardRef<HTMLDivElement, CampaignProgressPartProps>(function CampaignProgressBar(
  { unstyled, className, ...props },
  ref,
) {
  const { progress, part } = usePart('Bar', unstyled);
  const { t } = useMessages();
  const partClassName = usePartClassName('CampaignProgress.Bar', 'reachout-campaign-progress__progress', unstyled, className);
  if (!progress.campaign) return null;
  return (
    <div ref={ref} data-slot="campaign-progress-progress" className={partClassName} {...props}>
    <div
      role="progressbar"
      aria-label={t('campaignProgress.progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={progress.percent}
      aria-valuetext={t('campaignProgress.progress.text', { done: progress.done, total: progress.total })}
      data-slot="campaign-progress-bar"
      className={part('bar')}
    >
      <div className={part('bar-fill')} style={{ inlineSize: `${progress.percent}%` }} />
    </div>
    <p data-slot="campaign-progress-text" className={part('text')}>
      {t('campaignProgress.progress.text', { done: progress.done, total: progress.total })}
    </p>
    </div>
  );
});

/**
 * The six figures, memoised on their values: a `campaign.updated` that moves none of them (a
 * status change, receipts of another filter) does not render them again.
 */
const CountFigures = memo(function CountFigures({
  countClassName,
  ...counts
}: Record<CampaignRecipientStatus, number> & { countClassName: string | undefined }) {
  const { t, formatNumber } = useMessages();
  return recipientStatuses.map((status) => (
    <div key={status} data-count={status} className={countClassName}>
      <dt>{t(`campaignProgress.count.${status}`)}</dt>
      <dd>{formatNumber(counts[status])}</dd>
    </div>
  ));
});

/** The counts: queued, sent, delivered, read, failed, skipped. */
export const CampaignProgressCounts = forwardRef<HTMLDListElement, Omit<ComponentPropsWithoutRef<'dl'>, 'children'> & PartOptions>(
  function CampaignProgressCounts({ unstyled, className, ...props }, ref) {
    const { progress, part } = usePart('Counts', unstyled);
    const partClassName = usePartClassName('CampaignProgress.Counts', 'reachout-campaign-progress__counts', unstyled, className);
    const counts = progress.campaign?.counts;
    const figures =
      counts === undefined ? null : (
        <CountFigures
          queued={counts.queued}
          sent={counts.sent}
          delivered={counts.delivered}
          read={counts.read}
          failed={counts.failed}
          skipped={counts.skipped}
          countClassName={part('count')}
        />
      );
    if (figures === null) return null;
    return (
      <dl ref={ref} data-slot="campaign-progress-counts" className={partClassName} {...props}>
        {figures}
      </dl>
    );
  },
);
