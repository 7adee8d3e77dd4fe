export { isSenderSelectable, sendMessageWizardSteps, useSendMessageWizard } from './useSendMessageWizard';
export type {
  SendMessageWizardBlock,
  SendMessageWizardField,
  SendMessageWizardFieldError,
  SendMessageWizardStatus,
  SendMessageWizardStatusState,
  SendMessageWizardStep,
  SendMessageWizardValues,
  UseSendMessageWizardOptions,
  UseSendMessageWizardResult,
} from './useSendMessageWizard';
export { SendMessageWizard } from './SendMessageWizard';
export type { SendMessageWizardProps } from './SendMessageWizard';
export {
  SendMessageWizardAnnouncer,
  SendMessageWizardFooter,
  SendMessageWizardRoot,
  SendMessageWizardStepBody,
  SendMessageWizardStepper,
  useSendMessageWizardContext,
} from './SendMessageWizardRoot';
export type {
  SendMessageWizardContextValue,
  SendMessageWizardFooterProps,
  SendMessageWizardRootProps,
  SendMessageWizardStepBodyProps,
  SendMessageWizardStepperProps,
  SendMessageWizardStepProps,
} from './SendMessageWizardRoot';
export { SendMessageWizardRecipientStep } from './SendMessageWizardRecipientStep';
export { SendMessageWizardTemplateStep } from './SendMessageWizardTemplateStep';
export type { SendMessageWizardTemplateStepProps } from './SendMessageWizardTemplateStep';
export { SendMessageWizardContentStep } from './SendMessageWizardContentStep';
export { SendMessageWizardTicketStep } from './SendMessageWizardTicketStep';
export { SendMessageWizardStatusStep } from './SendMessageWizardStatusStep';
