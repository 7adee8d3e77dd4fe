export { CampaignsList } from './CampaignsList';
export type { CampaignsListProps } from './CampaignsList';
export { useCampaignsListContext } from './CampaignsListParts';
export type {
  CampaignsListContextValue,
  CampaignsListErrorProps,
  CampaignsListItemProps,
  CampaignsListItemsProps,
  CampaignsListLoadMoreProps,
  CampaignsListNoteProps,
  CampaignsListRootProps,
  CampaignsListState,
} from './CampaignsListParts';
