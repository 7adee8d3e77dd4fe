import { forwardRef } from 'react';
import { useAgents } from '../../data';
import { useMessages } from './messages';
import { ticketReference } from '../internal/ticketReference';
import { FormattedPhone } from '../internal/usePhone';
import { SendMessageWizardStepBody, usePartClassName, useSendMessageWizardContext } from './SendMessageWizardPanel';
import type { SendMessageWizardStepProps } from './SendMessageWizardPanel';

/**
 * Step 5: sending → verifying → sent or failed, updated live, with what was sent (the ticket's
 * reference, the template, the number and the assignee) and a spinner while it is on its way.
 * A failure says why in plain words and offers "Retry" (same idempotency key; disabled with a
 * countdown after a rate limit) when retrying can help, "Edit" to go back and fix it, and
 * "Close". After sending: "Open ticket" and "Done" when the host handles them. Screen readers
 * hear each change through the wizard's announcer.
 */
export const SendMessageWizardStatusStep = forwardRef<HTMLDivElement, SendMessageWizardStepProps>(function SendMessageWizardStatusStep(
  { unstyled, className, ...props },
  ref,
) {
  const { wizard, onOpenTicket, onClose } = useSendMessageWizardContext('SendMessageWizard.StatusStep');
  const { t, errorMessage } = useMessages();
  const part = (name: string) => `reachout-send-message-wizard__${name}`;
  const partClass = usePartClassName('SendMessageWizard.StatusStep', part('status-step'), unstyled, className);
  const noticeClass = usePartClassName('SendMessageWizard.StatusStep', part('notice'), unstyled, undefined);
  const actionsClass = usePartClassName('SendMessageWizard.StatusStep', part('footer'), unstyled, undefined);
  const buttonClass = usePartClassName('SendMessageWizard.StatusStep', part('button'), unstyled, undefined);
  const summaryClass = usePartClassName('SendMessageWizard.StatusStep', part('summary'), unstyled, undefined);
  const spinnerClass = usePartClassName('SendMessageWizard.StatusStep', part('spinner'), unstyled, undefined);
  const { status, values } = wizard;
  const ticket = status.ticket;
  const showRetry = status.retryable;
  const agents = useAgents();
  const assigneeId = ticket === null ? values.assigneeId : (ticket.assignee?.id ?? null);
  const assigneeName =
    ticket?.assignee?.name ?? (assigneeId === null ? null : (agents.data?.find((agent) => agent.id === assigneeId)?.name ?? null));
  const templateName = ticket?.notification.templateName ?? values.template?.name ?? null;
  const to = ticket?.notification.to ?? values.to;
  const inFlight = status.state === 'sending' || status.state === 'verifying';

  const variant = status.state === 'failed' ? 'danger' : status.state === 'sent' ? 'success' : 'info';
  return (
    <SendMessageWizardStepBody ref={ref} step="status" unstyled={unstyled} className={partClass} {...props}>
      <div className={noticeClass} data-variant={variant} data-slot="send-message-wizard-status" data-state={status.state}>
        {inFlight && <span aria-hidden="true" data-slot="send-message-wizard-spinner" className={spinnerClass} />}
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
      <dl className={summaryClass} data-slot="send-message-wizard-summary">
        {ticket !== null && (
          <div>
            <dt>{t('wizard.summary.ticket')}</dt>
            <dd dir="ltr" title={ticket.id} data-slot="send-message-wizard-summary-ticket">
              {ticketReference(ticket.id)}
            </dd>
          </div>
        )}
        {templateName !== null && (
          <div>
            <dt>{t('wizard.summary.template')}</dt>
            <dd dir="auto">{templateName}</dd>
          </div>
        )}
        {to !== null && (
          <div>
            <dt>{t('wizard.field.to')}</dt>
            <dd dir="ltr">
              {/* The phone functions load on first use (the recipient step has loaded them by now). */}
              <FormattedPhone e164={to} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('wizard.field.assignee')}</dt>
          <dd dir="auto">{assigneeName ?? t('ticketsTab.unassigned')}</dd>
        </div>
      </dl>
      <div className={actionsClass} data-slot="send-message-wizard-footer">
        {status.state === 'failed' && onClose && (
          <button type="button" className={buttonClass} data-variant="secondary" onClick={onClose}>
            {t('common.close')}
          </button>
        )}
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
