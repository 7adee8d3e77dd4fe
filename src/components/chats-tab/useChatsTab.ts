import type { ReachoutError } from '../../core/errors';
import type { Chat } from '../../core/types';
import { useChats } from '../../data/useChats';
import { usePagedListStatus } from '../internal/usePagedListStatus';

/** What the tab shows: a loading line, the chats, or a panel when there are none. */
export type ChatsTabStatus = 'loading' | 'ready' | 'empty' | 'error';

export interface UseChatsTabOptions {
  /** Whose chats to show. */
  contactId: string;
  /**
   * Chats per request; "Load more" asks for the next page by cursor.
   * @default 20
   */
  pageSize?: number;
}

export interface UseChatsTabResult {
  /** What to show. */
  status: ChatsTabStatus;
  /** The loaded chats, newest first; updated live from `chat.updated`. */
  chats: readonly Chat[];
  /** Why loading failed; `null` when it did not. */
  error: ReachoutError | null;
  /** More chats can be loaded. */
  hasNextPage: boolean;
  /** The next page is on its way. */
  isFetchingNextPage: boolean;
  /** Loads the next page (by the provider's cursor). */
  loadMore: () => void;
  /** Tries again after a failure: the next page when some chats loaded, else the first. */
  retry: () => void;
}

/**
 * A contact's chats without markup: the list (paged by cursor, live) and its loading, empty
 * and error states. Pair each chat with `useReplyWindow(chat)` for its 24-hour window.
 *
 * @example
 * const tab = useChatsTab({ contactId });
 * return <ul>{tab.chats.map((chat) => <li key={chat.id}>{chat.status}</li>)}</ul>;
 */
export function useChatsTab(options: UseChatsTabOptions): UseChatsTabResult {
  const query = useChats(
    options.contactId,
    { limit: options.pageSize ?? 20 },
  );
  const { chats, error, hasNextPage, isFetchingNextPage } = query;
  const { status, loadMore, retry } = usePagedListStatus(query, chats.length);

  return { status, chats, error, hasNextPage, isFetchingNextPage, loadMore, retry };
}
