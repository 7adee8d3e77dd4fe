import type { QueryClient } from '@tanstack/react-query';
import type { Chat, Page, Ticket } from '../../core/types';

// Loaded on demand by useContactStatus, in a chunk of its own (issue 16: ContactList's initial
// code carries only the loader). It imports nothing the widgets' code also imports: the keys and
// the chat rule come as arguments. A shared import made tsup move what both use into a chunk of
// its own, and other widgets' initial code grew (CreateContactDialog +0.8 kB).

/** The query keys the index reads and the rule for an active chat, from the caller. */
export interface ActivityKeys {
  /** `reachoutKeys.all[0]`. */
  root: string;
  /** `reachoutKeys.activeChat(id)[1]`. */
  activeChat: string;
  /** `reachoutKeys.tickets.all[1]`. */
  tickets: string;
  isChatActive: (chat: Chat) => boolean;
}

export interface ContactActivity {
  hasActiveChat: boolean;
  /** The newest ticket the cache holds for the contact. */
  newestTicket: Ticket | undefined;
}

// The provider contract's `Contact` says nothing about chats or notifications, and asking the
// provider per row would cost two requests for every row scrolled past. So the dot reports what
// the inbox already knows through the contract: the active chats and tickets it has fetched or
// been told about by live events (`chat.updated`, `ticket.updated`), which the cache holds.

export interface ActivityIndex {
  subscribe: (listener: () => void) => () => void;
  activityOf: (contactId: string) => ContactActivity | undefined;
}

const indexes = new WeakMap<QueryClient, ActivityIndex>();

function isRelevant(queryKey: readonly unknown[], keys: ActivityKeys): boolean {
  return queryKey[0] === keys.root && (queryKey[1] === keys.activeChat || queryKey[1] === keys.tickets);
}

function newer(current: Ticket | undefined, candidate: Ticket): Ticket {
  if (current === undefined) return candidate;
  if (candidate.createdAt !== current.createdAt) return candidate.createdAt > current.createdAt ? candidate : current;
  return candidate.updatedAt > current.updatedAt ? candidate : current;
}

function buildActivity(queryClient: QueryClient, keys: ActivityKeys): Map<string, ContactActivity> {
  const byContact = new Map<string, ContactActivity>();
  const entry = (contactId: string) => {
    let activity = byContact.get(contactId);
    if (activity === undefined) {
      activity = { hasActiveChat: false, newestTicket: undefined };
      byContact.set(contactId, activity);
    }
    return activity;
  };
  const addTicket = (ticket: Ticket) => {
    const activity = entry(ticket.contactId);
    activity.newestTicket = newer(activity.newestTicket, ticket);
  };
  for (const query of queryClient.getQueryCache().getAll()) {
    const key = query.queryKey;
    const data: unknown = query.state.data;
    if (data === undefined || data === null || !isRelevant(key, keys)) continue;
    if (key[1] === keys.activeChat) {
      const chat = data as Chat;
      if (keys.isChatActive(chat)) entry(chat.contactId).hasActiveChat = true;
    } else if (key[2] === 'detail') {
      addTicket(data as Ticket);
    } else if (key[2] === 'list') {
      for (const page of (data as { pages: Page<Ticket>[] }).pages) page.items.forEach(addTicket);
    }
  }
  return byContact;
}

/** The query cache's activity index for `queryClient`, one per client, shared by every row. */
export function activityIndex(queryClient: QueryClient, activityKeys: () => ActivityKeys): ActivityIndex {
  const existing = indexes.get(queryClient);
  if (existing !== undefined) return existing;
  const keys = activityKeys();
  const listeners = new Set<() => void>();
  let activity: Map<string, ContactActivity> | null = null;
  let unsubscribeCache: (() => void) | null = null;
  const index: ActivityIndex = {
    subscribe: (listener) => {
      listeners.add(listener);
      // One cache subscription for every row; contact pages loading while the user scrolls are
      // not relevant and wake nobody.
      unsubscribeCache ??= queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'added' && event.type !== 'removed' && event.type !== 'updated') return;
        if (event.type === 'updated' && event.action.type !== 'success' && event.action.type !== 'setState') return;
        if (!isRelevant(event.query.queryKey, keys)) return;
        activity = null;
        listeners.forEach((notify) => notify());
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribeCache?.();
          unsubscribeCache = null;
          activity = null;
        }
      };
    },
    activityOf: (contactId) => {
      // Unsubscribed, nothing would clear a cached index when the cache changes.
      if (unsubscribeCache === null) return buildActivity(queryClient, keys).get(contactId);
      activity ??= buildActivity(queryClient, keys);
      return activity.get(contactId);
    },
  };
  indexes.set(queryClient, index);
  return index;
}
