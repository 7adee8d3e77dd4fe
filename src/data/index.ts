// The React binding of the data provider: <ReachoutProvider>, query hooks, live updates, i18n.
export { ReachoutProvider } from './ReachoutProvider';
export type { ReachoutProviderProps } from './ReachoutProvider';
export { createReachoutQueryClient, reachoutRetryDelay, shouldRetryReachoutRequest } from './createReachoutQueryClient';
export { reachoutKeys } from './reachoutKeys';
export { applyReachoutEvent } from './applyReachoutEvent';
export { useReachout } from './useReachout';
export type { UseReachoutResult } from './useReachout';

export { useContacts } from './useContacts';
export type { UseContactsOptions, UseContactsResult } from './useContacts';
export { useContact } from './useContact';
export type { UseContactResult } from './useContact';
export { useCreateContact } from './useCreateContact';
export type { UseCreateContactResult } from './useCreateContact';
export { useSenders } from './useSenders';
export type { UseSendersResult } from './useSenders';
export { useTemplates } from './useTemplates';
export type { UseTemplatesOptions, UseTemplatesResult } from './useTemplates';
export { useAgents } from './useAgents';
export type { UseAgentsOptions, UseAgentsResult } from './useAgents';
export { useActiveChat } from './useActiveChat';
export type { UseActiveChatResult } from './useActiveChat';
export { useSendNotification } from './useSendNotification';
export type { UseSendNotificationResult } from './useSendNotification';
export { useTickets } from './useTickets';
export type { UseTicketsOptions, UseTicketsResult } from './useTickets';
export { useTicket } from './useTicket';
export type { UseTicketResult } from './useTicket';
export { useTimeline } from './useTimeline';
export type { UseTimelineOptions, UseTimelineResult } from './useTimeline';
export { useChats } from './useChats';
export type { UseChatsOptions, UseChatsResult } from './useChats';
export { useChatMessages } from './useChatMessages';
export type { UseChatMessagesOptions, UseChatMessagesResult } from './useChatMessages';
export { useSendMessage } from './useSendMessage';
export type { UseSendMessageResult } from './useSendMessage';
export { useCampaign } from './useCampaign';
export type { UseCampaignResult } from './useCampaign';
export { useCampaigns } from './useCampaigns';
export type { UseCampaignsOptions, UseCampaignsResult } from './useCampaigns';
export { useCampaignRecipients } from './useCampaignRecipients';
export type { UseCampaignRecipientsOptions, UseCampaignRecipientsResult } from './useCampaignRecipients';
export { useUpdateCampaign } from './useUpdateCampaign';
export type { UpdateCampaignInput, UseUpdateCampaignResult } from './useUpdateCampaign';
export { useCreateCampaign } from './useCreateCampaign';
export type { UseCreateCampaignResult } from './useCreateCampaign';
export { usePreviewCampaign } from './usePreviewCampaign';
export type { UsePreviewCampaignResult } from './usePreviewCampaign';
export type {
  ReachoutMutateCallbacks,
  ReachoutMutationResult,
  ReachoutPagedQueryState,
  ReachoutQueryResult,
  ReachoutQueryState,
} from './types';

export { defaultMessages } from './messages';
export type { MessageKey, ReachoutMessages } from './messages';
export { formatMessage } from './formatMessage';
export type { MessageValues } from './formatMessage';
export { useMessages } from './useMessages';
export type { DateInput, UseMessagesResult } from './useMessages';
