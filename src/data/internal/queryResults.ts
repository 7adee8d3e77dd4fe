import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { QueryClient, QueryKey, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { isAbortError } from '../../core/errors';
import type { ReachoutError } from '../../core/errors';
import type { Page } from '../../core/types';
import type {
  ReachoutMutateCallbacks,
  ReachoutMutationResult,
  ReachoutPagedQueryState,
  ReachoutQueryResult,
  ReachoutQueryState,
} from '../types';
import type { PagedData } from './pages';

function visibleError(error: ReachoutError | null): ReachoutError | null {
  return error !== null && isAbortError(error) ? null : error;
}

type QueryStateSource = Pick<
  UseQueryResult<unknown, ReachoutError>,
  'error' | 'status' | 'isPending' | 'isLoading' | 'isError' | 'isSuccess' | 'isFetching' | 'isPlaceholderData' | 'refetch'
>;

export function toQueryState(query: QueryStateSource): ReachoutQueryState {
  return {
    error: visibleError(query.error),
    status: query.status,
    isPending: query.isPending,
    isLoading: query.isLoading,
    isError: query.isError,
    isSuccess: query.isSuccess,
    isFetching: query.isFetching,
    isPlaceholderData: query.isPlaceholderData,
    refetch: async () => {
      await query.refetch();
    },
  };
}

export function toQueryResult<TData>(query: UseQueryResult<TData, ReachoutError>): ReachoutQueryResult<TData> {
  return { ...toQueryState(query), data: query.data };
}

export interface PagedQueryOptions<TItem> {
  queryClient: QueryClient;
  queryKey: QueryKey;
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<Page<TItem>>;
  enabled?: boolean;
  /** Whether the previous key's data may stand in (dimmed) while this key loads. */
  keepPreviousFrom?: (previousKey: QueryKey) => boolean;
  refetchInterval?: (data: PagedData<TItem> | undefined) => number | false;
}

export interface PagedQueryResult<TItem> extends ReachoutPagedQueryState {
  items: TItem[];
}

const noItems: never[] = [];

/** An infinite query by cursor, flattened, with the guards every paged list needs. */
export function usePagedQuery<TItem>(options: PagedQueryOptions<TItem>): PagedQueryResult<TItem> {
  const { fetchPage, keepPreviousFrom, refetchInterval } = options;
  const query = useInfiniteQuery<Page<TItem>, ReachoutError, PagedData<TItem>, QueryKey, string | null>(
    {
      queryKey: options.queryKey,
      queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
      initialPageParam: null,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      enabled: options.enabled ?? true,
      placeholderData: keepPreviousFrom
        ? (previousData, previousQuery) =>
            previousQuery && keepPreviousFrom(previousQuery.queryKey)
              ? keepPreviousData(previousData)
              : undefined
        : undefined,
      refetchInterval: refetchInterval ? (query) => refetchInterval(query.state.data) : undefined,
    },
    options.queryClient,
  );

  const items = useMemo(
    () => (query.data ? query.data.pages.flatMap((page) => page.items) : noItems),
    [query.data],
  );
  const { hasNextPage, isFetchingNextPage, isPlaceholderData, fetchNextPage: fetchNext } = query;
  // A placeholder's cursor belongs to the previous search: following it would mix two lists.
  const canFetchNextPage = hasNextPage && !isPlaceholderData;
  const fetchNextPage = useCallback(async () => {
    if (!canFetchNextPage || isFetchingNextPage) return;
    // Scroll handlers call this repeatedly; a request already on its way is kept, not restarted.
    await fetchNext({ cancelRefetch: false });
  }, [canFetchNextPage, isFetchingNextPage, fetchNext]);

  return {
    ...toQueryState(query),
    items,
    total: query.data?.pages[0]?.total,
    hasNextPage: canFetchNextPage,
    isFetchingNextPage,
    fetchNextPage,
  };
}

/** Our mutation result over TanStack's; `mutateAsync` may wrap TanStack's (e.g. to deduplicate). */
export function useMutationResult<TInput, TData>(
  mutation: UseMutationResult<TData, ReachoutError, TInput>,
  mutateAsync: (input: TInput) => Promise<TData>,
): ReachoutMutationResult<TInput, TData> {
  const mutate = useCallback(
    (input: TInput, callbacks?: ReachoutMutateCallbacks<TData>) => {
      mutateAsync(input).then(
      (data) => {
        callbacks?.onSuccess?.(data);
        callbacks?.onSettled?.(data, null);
      },
      (error: ReachoutError) => {
        callbacks?.onError?.(error);
        callbacks?.onSettled?.(undefined, error);
      },
    );
    },
    [mutateAsync],
  );
  return {
    mutate,
    mutateAsync,
    data: mutation.data,
    error: mutation.error,
    status: mutation.status,
    isIdle: mutation.isIdle,
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    isError: mutation.isError,
    reset: mutation.reset,
  };
}
