export { CampaignProgress } from './CampaignProgress';
export type { CampaignProgressProps } from './CampaignProgress';
export { campaignActions, useCampaignProgress } from './useCampaignProgress';
export type { CampaignProgressStatus, UseCampaignProgressOptions, UseCampaignProgressResult } from './useCampaignProgress';
