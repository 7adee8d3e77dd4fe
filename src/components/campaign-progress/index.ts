export {
  CampaignProgress,
  CampaignProgressActions,
  CampaignProgressBar,
  CampaignProgressCounts,
  CampaignProgressHeader,
  CampaignProgressNotice,
  CampaignProgressRecipients,
  CampaignProgressRoot,
  useCampaignProgressContext,
} from './CampaignProgress';
export type {
  CampaignProgressContextValue,
  CampaignProgressPartProps,
  CampaignProgressProps,
  CampaignProgressRootProps,
} from './CampaignProgress';
export { campaignActions, useCampaignProgress } from './useCampaignProgress';
export type { CampaignProgressStatus, UseCampaignProgressOptions, UseCampaignProgressResult } from './useCampaignProgress';
