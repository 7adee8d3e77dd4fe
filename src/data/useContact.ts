import { useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ReachoutError } from '../core/errors';
import type { Contact } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkEntity } from './internal/checks';
import { useReachoutContext } from './internal/context';
import type { PagedData } from './internal/pages';
import { toQueryResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutQueryResult } from './types';

/** One contact, as `useContact` reports it. */
export type UseContactResult = ReachoutQueryResult<Contact>;

function contactFromLists(queryClient: QueryClient, id: string): Contact | undefined {
  for (const [, data] of queryClient.getQueriesData<PagedData<Contact>>({ queryKey: reachoutKeys.contacts.lists })) {
    for (const page of data?.pages ?? []) {
      const contact = page.items.find((item) => item.id === id);
      if (contact) return contact;
    }
  }
  return undefined;
}

/**
 * One contact. A contact already shown in a loaded list is displayed at once (as placeholder
 * data) while its own request confirms it.
 *
 * @example
 * const { data: contact, isLoading, error } = useContact(contactId);
 */
export function useContact(id: string | null | undefined): UseContactResult {
  const { dataProvider, queryClient } = useReachoutContext('useContact');
  const contactId = id ?? '';
  const query = useQuery<Contact, ReachoutError>(
    {
      queryKey: reachoutKeys.contacts.detail(contactId),
      queryFn: ({ signal }) =>
        callProvider('getContact', signal, () => dataProvider.getContact({ id: contactId }, { signal }), checkEntity('contact')),
      enabled: contactId !== '',
      placeholderData: () => contactFromLists(queryClient, contactId),
    },
    queryClient,
  );
  return toQueryResult(query);
}
