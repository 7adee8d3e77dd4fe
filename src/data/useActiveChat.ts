import { useQuery } from '@tanstack/react-query';
import type { ReachoutError } from '../core/errors';
import type { Chat } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkNullableEntity } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { toQueryResult } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutQueryResult } from './types';

/** The active chat (`null` when none), as `useActiveChat` reports it. */
export type UseActiveChatResult = ReachoutQueryResult<Chat | null>;

/**
 * The contact's open, assigned or queued chat, or `null`. While there is one, no proactive
 * notification can be sent. Kept current by `chat.updated` events.
 *
 * @example
 * const { data: activeChat } = useActiveChat(contactId);
 * if (activeChat) return <Blocked onOpenChat={() => onOpenChat(activeChat)} />;
 */
export function useActiveChat(contactId: string | null | undefined): UseActiveChatResult {
  const { dataProvider, queryClient } = useReachoutContext('useActiveChat');
  const id = contactId ?? '';
  const query = useQuery<Chat | null, ReachoutError>(
    {
      queryKey: reachoutKeys.activeChat(id),
      queryFn: ({ signal }) =>
        callProvider(
          'getActiveChat',
          signal,
          () => dataProvider.getActiveChat({ contactId: id }, { signal }),
          checkNullableEntity('chat'),
        ),
      enabled: id !== '',
    },
    queryClient,
  );
  return toQueryResult(query);
}
