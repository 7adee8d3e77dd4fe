export { CampaignWizard } from './CampaignWizard';
export type { CampaignWizardProps } from './CampaignWizard';
export { useCampaignWizardContext } from './CampaignWizardParts';
export type {
  CampaignWizardContentProps,
  CampaignWizardContextValue,
  CampaignWizardErrorProps,
  CampaignWizardFooterProps,
  CampaignWizardHeaderProps,
  CampaignWizardRootProps,
  CampaignWizardStepperProps,
  CampaignWizardStepProps,
  CampaignWizardTriggerProps,
  CampaignWizardUnsupportedProps,
} from './CampaignWizardParts';
export { campaignWizardSteps, useCampaignWizard } from './useCampaignWizard';
export type {
  CampaignWizardDraft,
  CampaignWizardIssue,
  CampaignWizardStep,
  UseCampaignWizardOptions,
  UseCampaignWizardResult,
} from './useCampaignWizard';
