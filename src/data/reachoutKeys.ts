/**
 * The one query-key factory for everything Reachout caches. Keys are hierarchical, so a prefix
 * (`reachoutKeys.all`, `reachoutKeys.contacts.lists`) matches every query below it.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: reachoutKeys.tickets.list(contactId) });
 */
export const reachoutKeys = {
  /** Every Reachout query. */
  all: ['reachout'] as const,
  contacts: {
    /** Every contact query, lists and details. */
    all: ['reachout', 'contacts'] as const,
    /** Every contacts list, whatever its search. */
    lists: ['reachout', 'contacts', 'list'] as const,
    /** The contacts list for one search (`''` and `undefined` are the same list). */
    list: (search?: string) => ['reachout', 'contacts', 'list', { search: search ?? '' }] as const,
    /** One contact. */
    detail: (id: string) => ['reachout', 'contacts', 'detail', id] as const,
  },
  /** The business numbers notifications are sent from. */
  senders: ['reachout', 'senders'] as const,
  templates: {
    /** Every templates list. */
    all: ['reachout', 'templates'] as const,
    /** One sender's templates for one search. */
    list: (senderId: string, search?: string) =>
      ['reachout', 'templates', 'list', senderId, { search: search ?? '' }] as const,
  },
  /** Agents matching a search. */
  agents: (search?: string) => ['reachout', 'agents', { search: search ?? '' }] as const,
  /** A contact's open, assigned or queued chat (`null` when none). */
  activeChat: (contactId: string) => ['reachout', 'active-chat', contactId] as const,
  tickets: {
    /** Every ticket query, lists and details. */
    all: ['reachout', 'tickets'] as const,
    /** Every contact's tickets list. */
    lists: ['reachout', 'tickets', 'list'] as const,
    /** One contact's tickets, newest first. */
    list: (contactId: string) => ['reachout', 'tickets', 'list', contactId] as const,
    /** One ticket. */
    detail: (id: string) => ['reachout', 'tickets', 'detail', id] as const,
  },
  /** One contact's timeline, newest first. */
  timeline: (contactId: string) => ['reachout', 'timeline', contactId] as const,
  /** One contact's chats, newest first. */
  chats: (contactId: string) => ['reachout', 'chats', contactId] as const,
  messages: {
    /** Every chat's messages. */
    all: ['reachout', 'messages'] as const,
    /** One chat's messages, newest first. */
    list: (chatId: string) => ['reachout', 'messages', chatId] as const,
  },
  campaigns: {
    /** Every campaign query: lists, details and recipients. */
    all: ['reachout', 'campaigns'] as const,
    /** The campaigns list, newest first. */
    list: ['reachout', 'campaigns', 'list'] as const,
    /** One campaign. */
    detail: (id: string) => ['reachout', 'campaigns', 'detail', id] as const,
    /** Every recipients list of one campaign, whatever its status filter. */
    recipientLists: (campaignId: string) => ['reachout', 'campaigns', 'recipients', campaignId] as const,
    /** One campaign's recipients, optionally of one status. */
    recipients: (campaignId: string, status?: string) =>
      ['reachout', 'campaigns', 'recipients', campaignId, { status: status ?? null }] as const,
    /** The preflight counts of an audience from a sender. */
    preview: (audience: unknown, senderId: string) => ['reachout', 'campaigns', 'preview', senderId, audience] as const,
  },
};
