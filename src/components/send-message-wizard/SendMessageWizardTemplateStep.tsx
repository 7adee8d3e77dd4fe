import { forwardRef } from 'react';
import { TemplatePicker } from '../template-steps';
import { SendMessageWizardStepBody, usePartClassName, useSendMessageWizardContext } from './SendMessageWizardPanel';
import type { SendMessageWizardStepProps } from './SendMessageWizardPanel';

export interface SendMessageWizardTemplateStepProps extends SendMessageWizardStepProps {
  /**
   * How long typing must pause before the server is searched, in milliseconds.
   * @default 250
   */
  searchDebounceMs?: number;
}

/**
 * Step 2: the shared `TemplatePicker` ("Search templates", the sender's templates as radios,
 * preview on hover and focus; only APPROVED ones can be chosen) over the wizard's draft.
 */
export const SendMessageWizardTemplateStep = forwardRef<HTMLDivElement, SendMessageWizardTemplateStepProps>(
  function SendMessageWizardTemplateStep({ searchDebounceMs = 250, unstyled, className, ...props }, ref) {
    const context = useSendMessageWizardContext('SendMessageWizard.TemplateStep');
    const { wizard } = context;
    const partClass = usePartClassName('SendMessageWizard.TemplateStep', 'reachout-send-message-wizard__template-step', unstyled, className);
    return (
      <SendMessageWizardStepBody ref={ref} step="template" unstyled={unstyled} className={partClass} {...props}>
        <TemplatePicker
          senderId={wizard.values.senderId}
          value={wizard.values.template}
          onValueChange={wizard.setTemplate}
          searchDebounceMs={searchDebounceMs}
          partPrefix="send-message-wizard"
          unstyled={unstyled ?? context.unstyled}
        />
      </SendMessageWizardStepBody>
    );
  },
);
