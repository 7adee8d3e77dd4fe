import { forwardRef, useId } from 'react';
import { useMessages } from './messages';
import { FormattedPhone, usePhone } from '../internal/usePhone';
import { SendMessageWizardStepBody, usePartClassName, useSendMessageWizardContext } from './SendMessageWizardPanel';
import type { SendMessageWizardStepProps } from './SendMessageWizardPanel';
import { isSenderSelectable } from './useSendMessageWizard';

/**
 * Step 1: From (the business numbers; ones that cannot send are shown, disabled, with why) and
 * To (the contact's number). A contact with an active chat or who opted out is blocked here,
 * with "Open chat" when there is a chat to continue.
 */
export const SendMessageWizardRecipientStep = forwardRef<HTMLDivElement, SendMessageWizardStepProps>(
  function SendMessageWizardRecipientStep({ unstyled, className, ...props }, ref) {
    const { wizard, onOpenChat } = useSendMessageWizardContext('SendMessageWizard.RecipientStep');
    const { t, errorMessage } = useMessages();
    const phone = usePhone();
    const partClass = usePartClassName('SendMessageWizard.RecipientStep', '', unstyled, className);
    const noticeClass = usePartClassName('SendMessageWizard.RecipientStep', 'reachout-send-message-wizard__notice', unstyled, undefined);
    const fieldClass = usePartClassName('SendMessageWizard.RecipientStep', 'reachout-send-message-wizard__field', unstyled, undefined);
    const optionClass = usePartClassName('SendMessageWizard.RecipientStep', 'reachout-send-message-wizard__option', unstyled, undefined);
    const buttonClass = usePartClassName('SendMessageWizard.RecipientStep', 'reachout-send-message-wizard__button', unstyled, undefined);
    const hintClass = usePartClassName('SendMessageWizard.RecipientStep', 'reachout-send-message-wizard__hint', unstyled, undefined);
    const idPrefix = useId();
    const { blocked, contact, senders, values, loadError, isLoading } = wizard;
    // Isolated, so a right-to-left name inside a left-to-right sentence (or the reverse) keeps its order.
    const name = contact === undefined ? '' : `\u2068${contact.name}\u2069`;
    const selectableCount = senders.filter(isSenderSelectable).length;

    return (
      <SendMessageWizardStepBody ref={ref} step="recipient" unstyled={unstyled} className={partClass} {...props}>
        {loadError !== null && (
          <div role="alert" className={noticeClass} data-variant="danger" data-slot="send-message-wizard-load-error">
            <p>{t('wizard.loadError', { reason: errorMessage(loadError) })}</p>
            <button type="button" className={buttonClass} data-variant="secondary" onClick={wizard.reload}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {isLoading && loadError === null && (
          <p role="status" data-slot="send-message-wizard-loading">
            {t('common.loading')}
          </p>
        )}
        {blocked !== null && (
          <div role="alert" className={noticeClass} data-variant="warning" data-slot="send-message-wizard-blocked" data-reason={blocked.reason}>
            {blocked.reason === 'active_chat' ? (
              <>
                <p data-slot="send-message-wizard-notice-title">{t('wizard.blocked.activeChat.title')}</p>
                <p>{t('wizard.blocked.activeChat', { name, status: t(`chat.status.${blocked.chat.status}`).toLowerCase() })}</p>
                {onOpenChat && (
                  <button type="button" className={buttonClass} data-variant="primary" onClick={() => onOpenChat(blocked.chat)}>
                    {t('wizard.openChat')}
                  </button>
                )}
              </>
            ) : (
              <>
                <p data-slot="send-message-wizard-notice-title">{t('wizard.blocked.optedOut.title')}</p>
                <p>{t('wizard.blocked.optedOut', { name })}</p>
              </>
            )}
          </div>
        )}
        {!isLoading && loadError === null && (
          <>
            <fieldset className={fieldClass} data-slot="send-message-wizard-from" disabled={blocked !== null}>
              <legend>{t('wizard.field.from')}</legend>
              {selectableCount === 0 && <p className={hintClass}>{t('wizard.sender.none')}</p>}
              {senders.map((sender) => {
                const selectable = isSenderSelectable(sender);
                const noteId = `${idPrefix}-sender-${sender.id}`;
                return (
                  <label key={sender.id} className={optionClass} data-disabled={selectable ? undefined : ''}>
                    <input
                      type="radio"
                      name={`${idPrefix}-from`}
                      value={sender.id}
                      checked={values.senderId === sender.id}
                      disabled={!selectable}
                      aria-describedby={selectable ? undefined : noteId}
                      onChange={() => wizard.setValues({ senderId: sender.id })}
                    />
                    <span data-slot="send-message-wizard-option-text">
                      <span data-slot="send-message-wizard-option-title">{sender.displayName}</span>
                      <span dir="ltr" data-slot="send-message-wizard-option-detail">
                        <FormattedPhone e164={sender.phone} />
                      </span>
                      {!selectable && sender.status !== undefined && sender.status !== 'connected' && (
                        <span id={noteId} data-slot="send-message-wizard-option-note">
                          {t(`wizard.sender.status.${sender.status}`)}
                        </span>
                      )}
                    </span>
                  </label>
                );
              })}
            </fieldset>
            <div className={fieldClass} data-slot="send-message-wizard-to">
              <label htmlFor={`${idPrefix}-to`}>{t('wizard.field.to')}</label>
              <input id={`${idPrefix}-to`} readOnly dir="ltr" value={values.to === null ? '' : phone === undefined ? values.to : phone.formatPhone(values.to)} />
              {contact !== undefined && <p className={hintClass}>{contact.name}</p>}
            </div>
          </>
        )}
      </SendMessageWizardStepBody>
    );
  },
);
