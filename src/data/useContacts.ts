import type { Contact } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkPage } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { usePagedQuery } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutPagedQueryState } from './types';

export interface UseContactsOptions {
  /**
   * Matches name, email and phone on the provider. Debounce typing before passing it here:
   * each distinct search is a request (the superseded one is aborted).
   * @default ''
   */
  search?: string;
  /**
   * Contacts per page.
   * @default 50
   */
  limit?: number;
  /**
   * Set `false` to hold the request (e.g. while a list is hidden).
   * @default true
   */
  enabled?: boolean;
}

export interface UseContactsResult extends ReachoutPagedQueryState {
  /** Every contact of the loaded pages, in the provider's order (by name). */
  contacts: Contact[];
}

/**
 * The contacts list, page by page by cursor. When the search changes, the request for the
 * previous search is aborted and its answer, however late, never shows as the new one. While
 * the new search loads, the previous results stay visible with `isPlaceholderData: true` (dim
 * them; a flash of empty list is worse), and `hasNextPage` is false until the new page arrives.
 *
 * @example
 * const { contacts, isPlaceholderData, hasNextPage, fetchNextPage } = useContacts({ search });
 */
export function useContacts(options: UseContactsOptions = {}): UseContactsResult {
  const { dataProvider, queryClient } = useReachoutContext('useContacts');
  const search = options.search ?? '';
  const limit = options.limit ?? 50;
  const { items, ...state } = usePagedQuery<Contact>({
    queryClient,
    queryKey: reachoutKeys.contacts.list(search),
    enabled: options.enabled,
    fetchPage: (cursor, signal) =>
      callProvider(
        'listContacts',
        signal,
        () => dataProvider.listContacts({ ...(search ? { search } : {}), cursor, limit }, { signal }),
        checkPage,
      ),
    keepPreviousFrom: () => true,
  });
  return { ...state, contacts: items };
}
