import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ReachoutError } from '../core/errors';
import type { SendNotificationInput, Ticket } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkEntity } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { upsertFirst } from './internal/pages';
import type { PagedData } from './internal/pages';
import { useMutationResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutMutationResult } from './types';

/** Sending a notification, as `useSendNotification` reports it. */
export type UseSendNotificationResult = ReachoutMutationResult<SendNotificationInput, Ticket>;

/**
 * Sends a template notification and creates its ticket. Safe against double submit: while a
 * send with the same `idempotencyKey` is in flight (from any hook under the same provider),
 * `mutateAsync` answers with that send's promise and `mutate` waits for it, instead of calling
 * the provider again; each caller's callbacks get the one result. After it settles, the same
 * key may be sent again (a retry after a failure reuses the key; the provider dedupes).
 * On success the ticket is cached, put first in the contact's tickets, and the contact's
 * timeline, chats and active chat are fetched again.
 *
 * @example
 * const send = useSendNotification();
 * const ticket = await send.mutateAsync({ ...input, idempotencyKey });
 */
export function useSendNotification(): UseSendNotificationResult {
  const { dataProvider, queryClient, sendsInFlight } = useReachoutContext('useSendNotification');
  const mutation = useMutation<Ticket, ReachoutError, SendNotificationInput>(
    {
      mutationFn: (input) =>
        callProvider('sendNotification', undefined, () => dataProvider.sendNotification({ input }), checkEntity('ticket')),
      onSuccess: (ticket) => {
        const { contactId } = ticket;
        queryClient.setQueryData<Ticket>(reachoutKeys.tickets.detail(ticket.id), ticket);
        queryClient.setQueryData<PagedData<Ticket>>(reachoutKeys.tickets.list(contactId), (data) =>
          data ? upsertFirst(data, ticket) : data,
        );
        for (const queryKey of [
          reachoutKeys.timeline(contactId),
          reachoutKeys.activeChat(contactId),
          reachoutKeys.chats(contactId),
        ]) {
          void queryClient.invalidateQueries({ queryKey });
        }
      },
    },
    queryClient,
  );

  const { mutateAsync: startSend } = mutation;
  const mutateAsync = useCallback(
    (input: SendNotificationInput): Promise<Ticket> => {
      const key = input.idempotencyKey;
      const inFlight = sendsInFlight.get(key);
      if (inFlight) return inFlight;
      const send = startSend(input).finally(() => {
        if (sendsInFlight.get(key) === send) sendsInFlight.delete(key);
      });
      sendsInFlight.set(key, send);
      return send;
    },
    [sendsInFlight, startSend],
  );

  return useMutationResult(mutation, mutateAsync);
}
