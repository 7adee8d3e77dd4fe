/** CampaignsList's strings. */
export const campaignsListMessages = {
  'campaignsList.label': 'Campaigns',
  'campaignsList.empty': 'No campaigns yet',
  'campaignsList.error.title': 'Campaigns couldn’t be loaded',
  'campaignsList.loadMore': 'Load more',
  'campaignsList.progress': '{done, number} of {total, number}',
  'campaignsList.created': 'Created {date}',
} as const;
