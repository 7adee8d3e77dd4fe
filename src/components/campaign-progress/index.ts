export { CampaignProgress, CampaignProgressRoot } from './CampaignProgress';
export type { CampaignProgressProps, CampaignProgressRootProps } from './CampaignProgress';
export { useCampaignProgressContext } from './CampaignProgressContext';
export type { CampaignProgressContextValue, CampaignProgressPartProps } from './CampaignProgressContext';
export { CampaignProgressActions } from './CampaignProgressActions';
export { CampaignProgressBar, CampaignProgressCounts, CampaignProgressHeader, CampaignProgressNotice } from './CampaignProgressSummary';
export { CampaignProgressRecipients } from './CampaignProgressRecipients';
export { campaignActions, useCampaignProgress } from './useCampaignProgress';
export type { CampaignProgressStatus, UseCampaignProgressOptions, UseCampaignProgressResult } from './useCampaignProgress';
