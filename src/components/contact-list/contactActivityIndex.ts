import type { QueryClient } from '@tanstack/react-query';
import { isChatActive } from '../../core/rules';
import type { Chat, Page, Ticket } from '../../core/types';
import { reachoutKeys } from '../../data';

// Loaded on demand by useContactStatus, in a chunk of its own (issue 16: ContactList's initial
// code carries only the loader).

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

function isRelevant(queryKey: readonly unknown[]): boolean {
  return (
    queryKey[0] === reachoutKeys.all[0] &&
    (queryKey[1] === reachoutKeys.activeChat('')[1] || queryKey[1] === reachoutKeys.tickets.all[1])
  );
}

function newer(current: Ticket | undefined, candidate: Ticket): Ticket {
  if (current === undefined) return candidate;
  if (candidate.createdAt !== current.createdAt) return candidate.createdAt > current.createdAt ? candidate : current;
  return candidate.updatedAt > current.updatedAt ? candidate : current;
}

function buildActivity(queryClient: QueryClient): Map<string, ContactActivity> {
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
    if (data === undefined || data === null || !isRelevant(key)) continue;
    if (key[1] === reachoutKeys.activeChat('')[1]) {
      const chat = data as Chat;
      if (isChatActive(chat)) entry(chat.contactId).hasActiveChat = true;
    } else if (key[2] === 'detail') {
      addTicket(data as Ticket);
    } else if (key[2] === 'list') {
      for (const page of (data as { pages: Page<Ticket>[] }).pages) page.items.forEach(addTicket);
    }
  }
  return byContact;
}

/** The query cache's activity index for `queryClient`, one per client, shared by every row. */
export function activityIndex(queryClient: QueryClient): ActivityIndex {
  const existing = indexes.get(queryClient);
  if (existing !== undefined) return existing;
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
        if (!isRelevant(event.query.queryKey)) return;
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
      if (unsubscribeCache === null) return buildActivity(queryClient).get(contactId);
      activity ??= buildActivity(queryClient);
      return activity.get(contactId);
    },
  };
  indexes.set(queryClient, index);
  return index;
}
