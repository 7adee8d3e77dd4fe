import type { Chat } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkPage } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { usePagedQuery } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutPagedQueryState } from './types';

export interface UseChatsOptions {
  /**
   * Chats per page.
   * @default 20
   */
  limit?: number;
}

export interface UseChatsResult extends ReachoutPagedQueryState {
  /** The contact's chats of the loaded pages, newest first. */
  chats: Chat[];
}

/**
 * A contact's chats, page by page, newest first; `chat.updated` events update them live.
 *
 * @example
 * const { chats, isLoading } = useChats(contactId);
 */
export function useChats(contactId: string | null | undefined, options: UseChatsOptions = {}): UseChatsResult {
  const { dataProvider, queryClient } = useReachoutContext('useChats');
  const id = contactId ?? '';
  const limit = options.limit ?? 20;
  const { items, ...state } = usePagedQuery<Chat>({
    queryClient,
    queryKey: reachoutKeys.chats(id),
    enabled: id !== '',
    fetchPage: (cursor, signal) =>
      callProvider('listChats', signal, () => dataProvider.listChats({ contactId: id, cursor, limit }, { signal }), checkPage),
  });
  return { ...state, chats: items };
}
