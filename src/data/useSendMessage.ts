import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ReachoutError } from '../core/errors';
import type { Message, SendMessageInput } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkEntity } from './internal/checks';
import { useReachoutContext } from './internal/context';
import type { PagedData } from './internal/pages';
import { upsertNewestFirst } from './internal/pages';
import { useMutationResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutMutationResult } from './types';

/** Sending a chat message, as `useSendMessage` reports it. */
export type UseSendMessageResult = ReachoutMutationResult<SendMessageInput, Message> & {
  /** False when the data provider has no `sendMessage`: a send then fails with `UNKNOWN`. */
  isSupported: boolean;
};

/**
 * Sends a text (inside the 24-hour window) or a template into a chat. The answered message is
 * put into the chat's cached messages at once (the `message.added` event that follows finds it
 * there). A retry after a failure must reuse the `idempotencyKey`, so the provider sends once.
 *
 * @example
 * const send = useSendMessage();
 * await send.mutateAsync({ idempotencyKey: crypto.randomUUID(), chatId, text: 'On my way' });
 */
export function useSendMessage(): UseSendMessageResult {
  const { dataProvider, queryClient } = useReachoutContext('useSendMessage');
  const sendMessage = dataProvider.sendMessage?.bind(dataProvider);
  const mutation = useMutation<Message, ReachoutError, SendMessageInput>(
    {
      mutationFn: (input) =>
        callProvider(
          'sendMessage',
          undefined,
          () => {
            if (!sendMessage) throw new ReachoutError('UNKNOWN', 'The data provider has no sendMessage');
            return sendMessage({ input });
          },
          checkEntity('message'),
        ),
      onSuccess: (message) => {
        queryClient.setQueryData<PagedData<Message>>(reachoutKeys.messages.list(message.chatId), (data) =>
          data ? upsertNewestFirst(data, message, (item) => item.at) : data,
        );
      },
    },
    queryClient,
  );
  const { mutateAsync: send } = mutation;
  const mutateAsync = useCallback((input: SendMessageInput) => send(input), [send]);
  return { ...useMutationResult(mutation, mutateAsync), isSupported: sendMessage !== undefined };
}
