import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Chat, Message } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkPage } from './internal/checks';
import { useReachoutContext } from './internal/context';
import type { PagedData } from './internal/pages';
import { usePagedQuery } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutPagedQueryState } from './types';

export interface UseChatMessagesOptions {
  /**
   * Messages per page.
   * @default 30
   */
  limit?: number;
}

export interface UseChatMessagesResult extends ReachoutPagedQueryState {
  /** The chat's messages of the loaded pages, newest first. */
  messages: Message[];
  /** False when the data provider has no `listMessages`: nothing is fetched then. */
  isSupported: boolean;
  /**
   * When the customer last wrote, as far as anything loaded knows: the newest inbound message,
   * or the chat's `lastInboundAt` where a chats list or active chat has it cached (whichever is
   * later). Feed it to `replyWindow`.
   */
  lastInboundAt: string | null;
}

/** The chat with this id wherever a chats list or an active chat query holds it. */
function findCachedChat(queryClient: QueryClient, chatId: string): Chat | undefined {
  for (const [, data] of queryClient.getQueriesData<PagedData<Chat>>({ queryKey: ['reachout', 'chats'] })) {
    for (const page of data?.pages ?? []) {
      const found = page.items.find((chat) => chat.id === chatId);
      if (found) return found;
    }
  }
  for (const [, chat] of queryClient.getQueriesData<Chat | null>({ queryKey: ['reachout', 'active-chat'] })) {
    if (chat?.id === chatId) return chat;
  }
  return undefined;
}

function later(left: string | null | undefined, right: string | null | undefined): string | null {
  if (!left) return right ?? null;
  if (!right) return left;
  return Date.parse(right) > Date.parse(left) ? right : left;
}

/**
 * A chat's messages, page by page, newest first; `message.added` and `message.updated` events
 * update them live. Without `listMessages` on the data provider, `isSupported` is false.
 *
 * @example
 * const { messages, hasNextPage, fetchNextPage, lastInboundAt } = useChatMessages(chatId);
 * const window = replyWindow({ lastInboundAt }, new Date());
 */
export function useChatMessages(chatId: string | null | undefined, options: UseChatMessagesOptions = {}): UseChatMessagesResult {
  const { dataProvider, queryClient } = useReachoutContext('useChatMessages');
  const id = chatId ?? '';
  const limit = options.limit ?? 30;
  const listMessages = dataProvider.listMessages?.bind(dataProvider);
  const isSupported = listMessages !== undefined;
  const { items, ...state } = usePagedQuery<Message>({
    queryClient,
    queryKey: reachoutKeys.messages.list(id),
    enabled: id !== '' && isSupported,
    fetchPage: (cursor, signal) =>
      callProvider(
        'listMessages',
        signal,
        () => {
          if (!listMessages) throw new Error('The data provider has no listMessages');
          return listMessages({ chatId: id, cursor, limit }, { signal });
        },
        checkPage,
      ),
  });

  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient]);
  const cachedInboundAt = useSyncExternalStore(
    subscribe,
    () => findCachedChat(queryClient, id)?.lastInboundAt ?? null,
    () => null,
  );
  const newestInboundAt = useMemo(() => items.find((message) => message.direction === 'inbound')?.at ?? null, [items]);

  return { ...state, messages: items, isSupported, lastInboundAt: later(cachedInboundAt, newestInboundAt) };
}
