import { forwardRef } from 'react';
import { ContactFieldSelect, TemplateContentFields } from '../template-steps';
import type { TemplateContentState } from '../template-steps';
import { SendMessageWizardStepBody, usePartClassName, useSendMessageWizardContext } from './SendMessageWizardPanel';
import type { SendMessageWizardStepProps } from './SendMessageWizardPanel';

/**
 * Step 3: the shared `TemplateContentFields` over the wizard's draft (one field per variable,
 * the media header, the live preview); header and body variables can be filled from a contact
 * field instead. Errors show at their field once it was left, or all of them after "Next".
 */
export const SendMessageWizardContentStep = forwardRef<HTMLDivElement, SendMessageWizardStepProps>(
  function SendMessageWizardContentStep({ unstyled, className, ...props }, ref) {
    const context = useSendMessageWizardContext('SendMessageWizard.ContentStep');
    const { wizard } = context;
    const partClass = usePartClassName('SendMessageWizard.ContentStep', 'reachout-send-message-wizard__content-step', unstyled, className);
    const { values, parsedTemplate, parameters, errors, bodyLength, contact, setVariable, setBinding, setValues } = wizard;
    const content: TemplateContentState = { template: values.template, parsedTemplate, values, parameters, errors, bodyLength, contact, setVariable, setBinding, setValues };
    if (values.template === null || parsedTemplate === null) return null;
    return (
      <SendMessageWizardStepBody ref={ref} step="content" unstyled={unstyled} className={partClass} {...props}>
        <TemplateContentFields
          content={content}
          showAllErrors={wizard.showAllErrors}
          partPrefix="send-message-wizard"
          unstyled={unstyled ?? context.unstyled}
          renderVariableSource={(_variable, source) => <ContactFieldSelect contact={contact} partPrefix="send-message-wizard" {...source} />}
        />
      </SendMessageWizardStepBody>
    );
  },
);
