import { forwardRef } from 'react';
import { useMessages } from '../../data';
import { SendMessageWizardStepBody, usePartClassName, useSendMessageWizardContext } from './SendMessageWizardRoot';
import type { SendMessageWizardStepProps } from './SendMessageWizardRoot';

/**
 * Step 5: sending → verifying → sent or failed, updated live. A failure says why in plain words
 * and offers "Retry" (same idempotency key; disabled with a countdown after a rate limit) when
 * retrying can help, and "Edit" to go back and fix it. After sending: "Open ticket" and "Done"
 * when the host handles them. Screen readers hear each change through the wizard's announcer.
 */
export const SendMessageWizardStatusStep = forwardRef<HTMLDivElement, SendMessageWizardStepProps>(function SendMessageWizardStatusStep(
  { unstyled, className, ...props },
  ref,
) {
  const { wizard, onOpenTicket, onClose } = useSendMessageWizardContext('SendMessageWizard.StatusStep');
  const { t, errorMessage } = useMessages();
  const part = (name: string) => `reachout-send-message-wizard__${name}`;
  const partClass = usePartClassName(part('status-step'), unstyled, className, 'SendMessageWizard.StatusStep');
  const noticeClass = usePartClassName(part('notice'), unstyled, undefined, 'SendMessageWizard.StatusStep');
  const actionsClass = usePartClassName(part('footer'), unstyled, undefined, 'SendMessageWizard.StatusStep');
  const buttonClass = usePartClassName(part('button'), unstyled, undefined, 'SendMessageWizard.StatusStep');
  const { status } = wizard;
  const ticket = status.ticket;
  const showRetry = status.retryable;

  const variant = status.state === 'failed' ? 'danger' : status.state === 'sent' ? 'success' : 'info';
  return (
    <SendMessageWizardStepBody ref={ref} step="status" unstyled={unstyled} className={partClass} {...props}>
      <div className={noticeClass} data-variant={variant} data-slot="send-message-wizard-status" data-state={status.state}>
        {status.state === 'idle' && <p>{t('common.loading')}</p>}
        {status.state === 'sending' && <p>{t('wizard.status.sending')}</p>}
        {status.state === 'verifying' && <p>{t('wizard.status.verifying')}</p>}
        {status.state === 'sent' && ticket !== null && <p>{t('wizard.status.sent', { status: t(`ticket.status.${ticket.status}`) })}</p>}
        {status.state === 'failed' && (
          <>
            <p data-slot="send-message-wizard-notice-title">{t('wizard.status.failed')}</p>
            <p>
              {status.error?.code === 'RATE_LIMITED'
                ? status.retryInSeconds > 0
                  ? t('error.RATE_LIMITED.retryAfter', { seconds: status.retryInSeconds })
                  : t('error.RATE_LIMITED')
                : status.error !== null
                  ? errorMessage(status.error)
                : t('wizard.status.failureReason', { reason: status.failureReason ?? t('error.UNKNOWN') })}
            </p>
          </>
        )}
      </div>
      <div className={actionsClass} data-slot="send-message-wizard-footer">
        {status.state === 'failed' && (
          <button type="button" className={buttonClass} data-variant="secondary" onClick={wizard.edit}>
            {t('wizard.edit')}
          </button>
        )}
        {status.state === 'failed' && showRetry && (
          <button
            type="button"
            className={buttonClass}
            data-variant="primary"
            disabled={!status.canRetry}
            onClick={wizard.retry}
          >
            {status.retryInSeconds > 0 ? t('wizard.status.retryIn', { seconds: status.retryInSeconds }) : t('common.retry')}
          </button>
        )}
        {status.state === 'sent' && ticket !== null && onOpenTicket && (
          <button type="button" className={buttonClass} data-variant="secondary" onClick={() => onOpenTicket(ticket)}>
            {t('wizard.openTicket')}
          </button>
        )}
        {(status.state === 'sent' || status.state === 'verifying') && onClose && (
          <button type="button" className={buttonClass} data-variant="primary" onClick={onClose}>
            {t('wizard.done')}
          </button>
        )}
      </div>
    </SendMessageWizardStepBody>
  );
});
