import { forwardRef } from 'react';
import { useMessages } from './messages';
import { usePart, usePartClassName } from './CampaignProgressContext';
import type { CampaignProgressPartProps } from './CampaignProgressContext';

/** "Pause", "Resume", "Cancel campaign" as the status allows; cancelling asks first. */
export const CampaignProgressActions = forwardRef<HTMLDivElement, CampaignProgressPartProps>(function CampaignProgressActions(
  { unstyled, className, ...props },
  ref,
) {
  const { progress, part } = usePart('Actions', unstyled);
  const { t, errorMessage } = useMessages();
  const partClassName = usePartClassName('CampaignProgress.Actions', 'reachout-campaign-progress__controls', unstyled, className);
  const { campaign } = progress;
  if (!campaign) return null;
  return (
    <div ref={ref} data-slot="campaign-progress-controls" className={partClassName} {...props}>
      {progress.actions.length > 0 && (
        <div data-slot="campaign-progress-actions" className={part('actions')}>
          {progress.actions.map((action) => (
            <button
              key={action}
              type="button"
              data-action={action}
              className={part(action === 'cancel' ? 'button-danger' : 'button')}
              disabled={progress.isUpdating}
              onClick={() => progress.run(action)}
            >
              {t(`campaignProgress.${action}`)}
            </button>
          ))}
        </div>
      )}
      {progress.isConfirmingCancel && (
        <div
          role="alertdialog"
          aria-labelledby={`${campaign.id}-cancel-title`}
          aria-describedby={`${campaign.id}-cancel-text`}
          data-slot="campaign-progress-confirm"
          className={part('confirm')}
        >
          <p id={`${campaign.id}-cancel-title`} className={part('confirm-title')}>
            {t('campaignProgress.cancel.confirmTitle')}
          </p>
          <p id={`${campaign.id}-cancel-text`}>{t('campaignProgress.cancel.confirmText')}</p>
          <div className={part('actions')}>
            <button type="button" className={part('button')} onClick={progress.dismissCancel}>
              {t('campaignProgress.cancel.keep')}
            </button>
            <button
              type="button"
              className={part('button-danger')}
              disabled={progress.isUpdating}
              onClick={progress.confirmCancel}
            >
              {t('campaignProgress.cancel')}
            </button>
          </div>
        </div>
      )}
      {progress.updateError && (
        <p role="alert" data-slot="campaign-progress-update-error" className={part('update-error')}>
          {errorMessage(progress.updateError)}
        </p>
      )}
    </div>
  );
});
