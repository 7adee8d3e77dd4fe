import { useCallback, useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { isChatActive } from '../../core/rules';
import type { Contact } from '../../core/types';
import { reachoutKeys, useReachout } from '../../data';
import type * as contactActivityIndex from './contactActivityIndex';
import type { ActivityKeys, ContactActivity } from './contactActivityIndex';

/**
 * What a row's status dot says, most urgent first: the newest notification to the contact
 * failed, the contact has an open, assigned or queued chat, or the contact opted out.
 */
export type ContactListRowStatus = 'failed' | 'active-chat' | 'opted-out';

type ActivityModule = typeof contactActivityIndex;

// The index of what the cache knows about chats and tickets is loaded in a chunk of its own the
// first time a row subscribes (issue 16: out of ContactList's initial code). Until it arrives, and
// on the server, a row shows what its contact says (an opt-out); then the cache's statuses.
let activityModule: ActivityModule | undefined;
let activityModuleLoad: Promise<ActivityModule> | undefined;

/** Loads the index once; a failed load (a chunk that did not arrive) is retried by the next subscriber. */
function loadActivityModule(): Promise<ActivityModule> {
  activityModuleLoad ??= import('./contactActivityIndex').then(
    (loaded) => (activityModule = loaded),
    (error: unknown) => {
      activityModuleLoad = undefined;
      throw error;
    },
  );
  return activityModuleLoad;
}

// Read when an index is created, not at module level (no retained module work).
function activityKeys(): ActivityKeys {
  return {
    root: reachoutKeys.all[0],
    activeChat: reachoutKeys.activeChat('')[1],
    tickets: reachoutKeys.tickets.all[1],
    isChatActive,
  };
}

function subscribeToActivity(queryClient: QueryClient, onChange: () => void): () => void {
  if (activityModule !== undefined) return activityModule.activityIndex(queryClient, activityKeys).subscribe(onChange);
  let subscribed = true;
  let unsubscribe: (() => void) | undefined;
  loadActivityModule().then(
    (loaded) => {
      if (!subscribed) return;
      unsubscribe = loaded.activityIndex(queryClient, activityKeys).subscribe(onChange);
      onChange();
    },
    // Without the chunk the dots say only what the contacts say.
    () => {},
  );
  return () => {
    subscribed = false;
    unsubscribe?.();
  };
}

function statusOf(contact: Contact, activity: ContactActivity | undefined): ContactListRowStatus | null {
  if (activity?.newestTicket?.status === 'failed') return 'failed';
  if (activity?.hasActiveChat === true) return 'active-chat';
  if (contact.optedOut === true) return 'opted-out';
  return null;
}

/**
 * The status a contact's row shows (`null`: nothing to flag), from what the provider has told
 * this page: the newest cached ticket failed, a cached active chat, `contact.optedOut`. It
 * updates live with the cache (once the index's chunk has loaded). Not part of the public API.
 */
export function useContactStatus(contact: Contact): ContactListRowStatus | null {
  const { queryClient } = useReachout();
  const subscribe = useCallback((onChange: () => void) => subscribeToActivity(queryClient, onChange), [queryClient]);
  const getSnapshot = useCallback(
    () => statusOf(contact, activityModule?.activityIndex(queryClient, activityKeys).activityOf(contact.id)),
    [contact, queryClient],
  );
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
