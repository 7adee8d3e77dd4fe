import { forwardRef } from 'react';
import {
  CampaignsListEmpty,
  CampaignsListError,
  CampaignsListItem,
  CampaignsListItems,
  CampaignsListLoadMore,
  CampaignsListRoot,
  CampaignsListUnsupported,
} from './CampaignsListParts';
import type { CampaignsListRootProps } from './CampaignsListParts';

export type CampaignsListProps = Omit<CampaignsListRootProps, 'children'>;

/**
 * The campaigns, newest first, each with its status and a progress bar, live from
 * `campaign.updated`; a button per campaign calls `onSelect`. "Load more" fetches older ones.
 * A provider without campaign methods gets a clear message instead. `data-state` is
 * `loading`, `ready`, `empty`, `error` or `unsupported`. Recompose it from its parts
 * (`CampaignsList.Root`, `.Unsupported`, `.Empty`, `.Items`, `.Item`, `.Error`, `.LoadMore`).
 *
 * @example
 * <CampaignsList onSelect={(campaign) => setCampaignId(campaign.id)} />
 */
const CampaignsListAssembly = forwardRef<HTMLElement, CampaignsListProps>(function CampaignsList(props, ref) {
  return (
    <CampaignsListRoot ref={ref} {...props}>
      <CampaignsListUnsupported />
      <CampaignsListEmpty />
      <CampaignsListItems />
      <CampaignsListError />
      <CampaignsListLoadMore />
    </CampaignsListRoot>
  );
});

export const CampaignsList = Object.assign(CampaignsListAssembly, {
  Root: CampaignsListRoot,
  Unsupported: CampaignsListUnsupported,
  Empty: CampaignsListEmpty,
  Items: CampaignsListItems,
  Item: CampaignsListItem,
  Error: CampaignsListError,
  LoadMore: CampaignsListLoadMore,
});
