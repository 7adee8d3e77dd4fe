export { CampaignsList } from './CampaignsList';
export type { CampaignsListProps } from './CampaignsList';
