export { CampaignWizard } from './CampaignWizard';
export type { CampaignWizardProps } from './CampaignWizard';
export { campaignWizardSteps, useCampaignWizard } from './useCampaignWizard';
export type {
  CampaignWizardDraft,
  CampaignWizardIssue,
  CampaignWizardStep,
  UseCampaignWizardOptions,
  UseCampaignWizardResult,
} from './useCampaignWizard';
