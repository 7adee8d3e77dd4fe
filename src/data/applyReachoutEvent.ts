import type { QueryClient } from '@tanstack/react-query';
import { isChatActive } from '../core/rules';
import type { Chat, Contact, Message, ReachoutEvent, Ticket, TimelineEvent } from '../core/types';
import { replaceInPages, replaceManyInPages, upsertFirst, upsertNewestFirst } from './internal/pages';
import type { PagedData } from './internal/pages';
import { reachoutKeys } from './reachoutKeys';
import type { Campaign } from '../core/types';

/**
 * Applies one live event to the cache, immutably, so every widget showing the object updates
 * in place. `<ReachoutProvider>` calls it for each event of `dataProvider.subscribe`; hosts with
 * their own event stream (a websocket, SSE) may call it themselves.
 *
 * - `ticket.updated`: the ticket's detail, and its contact's tickets list (a new ticket is
 *   inserted where it belongs, newest first).
 * - `chat.updated`: its contact's chats list (prepended when new) and active chat (the chat when
 *   it is open, assigned or queued; `null` when the cached active chat is this one and it ended).
 * - `contact.created`: seeds the detail and refetches the contacts lists. Lists are ordered by
 *   name and filtered by a server-side search (phone in any typed format), across cursor pages:
 *   inserting on the client would misplace the contact or show it under a search it fails.
 * - `contact.updated`: the detail, and the contact wherever a loaded list shows it.
 * - `contacts.imported` (one import batch): refetches the contacts lists once, and puts each
 *   updated contact in its cached detail and wherever a loaded list shows it (new contacts' details
 *   are not seeded: a batch holds up to 1,000).
 * - `timeline.added`: prepended to its contact's timeline, once (deduplicated by id).
 * - `message.added` / `message.updated`: the message in its chat's messages, inserted where it
 *   belongs by time (newest first) when new, replaced when known.
 * - `campaign.updated`: the campaign's detail and its place in the campaigns list (inserted,
 *   newest first, when new); its recipients lists refetch when they are on screen.
 * - `reset`: the provider lost track of what changed, so every Reachout query is invalidated:
 *   the ones on screen refetch at once, the others when next used.
 *
 * @example
 * socket.on('reachout', (event: ReachoutEvent) => applyReachoutEvent(queryClient, event));
 */
export function applyReachoutEvent(queryClient: QueryClient, event: ReachoutEvent): void {
  switch (event.type) {
    case 'campaign.updated':
      applyCampaignUpdated(queryClient, event.campaign);
      return;
    case 'ticket.updated': {
      const { ticket } = event;
      queryClient.setQueryData<Ticket>(reachoutKeys.tickets.detail(ticket.id), ticket);
      queryClient.setQueryData<PagedData<Ticket>>(reachoutKeys.tickets.list(ticket.contactId), (data) =>
        data ? upsertNewestFirst(data, ticket, (item) => item.createdAt) : data,
      );
      return;
    }
    case 'chat.updated': {
      const { chat } = event;
      queryClient.setQueryData<PagedData<Chat>>(reachoutKeys.chats(chat.contactId), (data) =>
        data ? upsertFirst(data, chat) : data,
      );
      const activeChatKey = reachoutKeys.activeChat(chat.contactId);
      if (isChatActive(chat)) {
        queryClient.setQueryData<Chat | null>(activeChatKey, chat);
      } else if (queryClient.getQueryData<Chat | null>(activeChatKey)?.id === chat.id) {
        queryClient.setQueryData<Chat | null>(activeChatKey, null);
      }
      return;
    }
    case 'contact.created': {
      queryClient.setQueryData<Contact>(reachoutKeys.contacts.detail(event.contact.id), event.contact);
      void queryClient.invalidateQueries({ queryKey: reachoutKeys.contacts.lists });
      return;
    }
    case 'contact.updated': {
      const { contact } = event;
      queryClient.setQueryData<Contact>(reachoutKeys.contacts.detail(contact.id), contact);
      queryClient.setQueriesData<PagedData<Contact>>({ queryKey: reachoutKeys.contacts.lists }, (data) =>
        data ? replaceInPages(data, contact) : data,
      );
      return;
    }
    case 'contacts.imported': {
      const updated = new Map(event.updated.map((contact) => [contact.id, contact]));
      for (const contact of event.updated) {
        const key = reachoutKeys.contacts.detail(contact.id);
        if (queryClient.getQueryData(key) !== undefined) queryClient.setQueryData<Contact>(key, contact);
      }
      // Replaced first: setting data clears a query's invalidation.
      if (updated.size > 0) {
        queryClient.setQueriesData<PagedData<Contact>>({ queryKey: reachoutKeys.contacts.lists }, (data) =>
          data ? replaceManyInPages(data, updated) : data,
        );
      }
      if (event.created.length > 0 || updated.size > 0) void queryClient.invalidateQueries({ queryKey: reachoutKeys.contacts.lists });
      return;
    }
    case 'timeline.added': {
      const { event: timelineEvent } = event;
      queryClient.setQueryData<PagedData<TimelineEvent>>(reachoutKeys.timeline(timelineEvent.contactId), (data) =>
        data ? upsertFirst(data, timelineEvent) : data,
      );
      return;
    }
    case 'message.added':
    case 'message.updated': {
      const { message } = event;
      queryClient.setQueryData<PagedData<Message>>(reachoutKeys.messages.list(message.chatId), (data) =>
        data ? upsertNewestFirst(data, message, (item) => item.at) : data,
      );
      return;
    }
    case 'reset': {
      void queryClient.invalidateQueries({ queryKey: reachoutKeys.all });
      return;
    }
    default:
      // A newer provider may emit events this version does not know: ignore them.
      event satisfies never;
  }
}

function applyCampaignUpdated(queryClient: QueryClient, campaign: Campaign): void {
  queryClient.setQueryData<Campaign>(reachoutKeys.campaigns.detail(campaign.id), campaign);
  queryClient.setQueryData<PagedData<Campaign>>(reachoutKeys.campaigns.list, (data) =>
    data ? upsertNewestFirst(data, campaign, (item) => item.createdAt) : data,
  );
  // Recipients move with the counts; only the lists on screen ask again (about once a second).
  void queryClient.invalidateQueries({ queryKey: reachoutKeys.campaigns.recipientLists(campaign.id), refetchType: 'active' });
}
