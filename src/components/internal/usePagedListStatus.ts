import { useCallback } from 'react';
import type { ReachoutError } from '../../core/errors';

/** What a paged query hook (`useTickets`, `useTimeline`, `useChats`, `useContacts`) hands over. */
export interface PagedQueryState {
  error: ReachoutError | null;
  /** The first page is still on its way (or only placeholder data is shown). */
  isPending: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

export interface PagedListStatus<Empty extends string> {
  /** `ready` once anything loaded, else `error`, `loading`, or the list's empty status. */
  status: 'loading' | 'ready' | 'error' | Empty;
  /** Loads the next page. */
  loadMore: () => void;
  /** Tries again after a failure: the next page when some items loaded, else the first page. */
  retry: () => void;
}

/**
 * The status and the Load more / Retry actions every paged list of Reachout shares. Loaded
 * items win over an error (a failed next page keeps the rows and shows the error beside them).
 */
export function usePagedListStatus<Empty extends string = 'empty'>(
  query: PagedQueryState,
  itemCount: number,
  emptyStatus: Empty = 'empty' as Empty,
): PagedListStatus<Empty> {
  const { error, isPending, hasNextPage, fetchNextPage, refetch } = query;
  let status: PagedListStatus<Empty>['status'];
  if (itemCount > 0) status = 'ready';
  else if (error !== null) status = 'error';
  else if (isPending) status = 'loading';
  else status = emptyStatus;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const retry = useCallback(() => {
    void (itemCount > 0 && hasNextPage ? fetchNextPage() : refetch());
  }, [itemCount, hasNextPage, fetchNextPage, refetch]);
  return { status, loadMore, retry };
}
