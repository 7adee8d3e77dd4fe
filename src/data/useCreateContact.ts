import { useMutation } from '@tanstack/react-query';
import type { ReachoutError } from '../core/errors';
import type { Contact, ContactInput } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkEntity } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { useMutationResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutMutationResult } from './types';

/** Creating a contact, as `useCreateContact` reports it. */
export type UseCreateContactResult = ReachoutMutationResult<ContactInput, Contact>;

/**
 * Creates a contact. On success the contact's detail is cached and every contacts list is
 * fetched again (the provider orders and filters them; see `applyReachoutEvent`). A duplicate
 * phone fails with `CONFLICT` and `fieldErrors.phone`.
 *
 * @example
 * const createContact = useCreateContact();
 * createContact.mutate(values, { onSuccess: (contact) => onCreated(contact) });
 */
export function useCreateContact(): UseCreateContactResult {
  const { dataProvider, queryClient } = useReachoutContext('useCreateContact');
  const mutation = useMutation<Contact, ReachoutError, ContactInput>(
    {
      mutationFn: (input) =>
        callProvider('createContact', undefined, () => dataProvider.createContact({ input }), checkEntity('contact')),
      onSuccess: (contact) => {
        queryClient.setQueryData<Contact>(reachoutKeys.contacts.detail(contact.id), contact);
        // Not awaited: the dialog closes now, the lists catch up in the background.
        void queryClient.invalidateQueries({ queryKey: reachoutKeys.contacts.lists });
      },
    },
    queryClient,
  );
  return useMutationResult(mutation, mutation.mutateAsync);
}
