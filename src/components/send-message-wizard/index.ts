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
  SendMessageWizardContent,
  SendMessageWizardRoot,
  SendMessageWizardTitle,
  SendMessageWizardTrigger,
  useSendMessageWizardRootContext,
} from './SendMessageWizardRoot';
export type {
  SendMessageWizardContentProps,
  SendMessageWizardRootContextValue,
  SendMessageWizardRootProps,
  SendMessageWizardTitleProps,
  SendMessageWizardTriggerProps,
} from './SendMessageWizardRoot';
export {
  SendMessageWizardAnnouncer,
  SendMessageWizardFooter,
  SendMessageWizardPanel,
  SendMessageWizardStepBody,
  SendMessageWizardStepper,
  useSendMessageWizardContext,
} from './SendMessageWizardPanel';
export type {
  SendMessageWizardContextValue,
  SendMessageWizardFooterProps,
  SendMessageWizardPanelProps,
  SendMessageWizardStepBodyProps,
  SendMessageWizardStepperProps,
  SendMessageWizardStepProps,
} from './SendMessageWizardPanel';
export { SendMessageWizardRecipientStep } from './SendMessageWizardRecipientStep';
export { SendMessageWizardTemplateStep } from './SendMessageWizardTemplateStep';
export type { SendMessageWizardTemplateStepProps } from './SendMessageWizardTemplateStep';
export { SendMessageWizardContentStep } from './SendMessageWizardContentStep';
export { SendMessageWizardTicketStep } from './SendMessageWizardTicketStep';
export { SendMessageWizardStatusStep } from './SendMessageWizardStatusStep';
