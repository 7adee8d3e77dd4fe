import type { ReachoutError } from '../core/errors';

/** The state every Reachout query hook reports, in TanStack Query's words. */
export interface ReachoutQueryState {
  /** The last failure, as a `ReachoutError`; never an abort. `null` when there is none. */
  error: ReachoutError | null;
  /** `'pending'` until the first answer, then `'success'` or `'error'`. */
  status: 'pending' | 'error' | 'success';
  /** No data yet (also while the query is disabled, e.g. without an id). */
  isPending: boolean;
  /** No data yet and a request is in flight: show a loading state. */
  isLoading: boolean;
  /** The last request failed (data, if any, is from before). */
  isError: boolean;
  /** Data has arrived. */
  isSuccess: boolean;
  /** A request is in flight, including background refetches and polling. */
  isFetching: boolean;
  /**
   * The data shown belongs to the previous search or id while the new one loads: show it
   * dimmed or marked, never as the answer.
   */
  isPlaceholderData: boolean;
  /** Fetches again, e.g. from a Retry button. */
  refetch: () => Promise<void>;
}

/** A query hook's state and its data. */
export interface ReachoutQueryResult<TData> extends ReachoutQueryState {
  /** The answer, once loaded. */
  data: TData | undefined;
}

/** The state of a list fetched page by page. */
export interface ReachoutPagedQueryState extends ReachoutQueryState {
  /** The total the provider reports on the first page, when it reports one. */
  total: number | undefined;
  /** More pages exist (false while placeholder data is shown). */
  hasNextPage: boolean;
  /** The next page is being fetched. */
  isFetchingNextPage: boolean;
  /** Fetches the next page; does nothing when there is none or one is already on its way. */
  fetchNextPage: () => Promise<void>;
}

/** Per-call callbacks of a mutation's `mutate`. */
export interface ReachoutMutateCallbacks<TData> {
  /** Called with the answer. */
  onSuccess?: (data: TData) => void;
  /** Called with the failure. */
  onError?: (error: ReachoutError) => void;
  /** Called after either. */
  onSettled?: (data: TData | undefined, error: ReachoutError | null) => void;
}

/** What a Reachout mutation hook returns, in TanStack Query's words. */
export interface ReachoutMutationResult<TInput, TData> {
  /** Runs the mutation; failures go to `error` and `onError`, never to an unhandled rejection. */
  mutate: (input: TInput, callbacks?: ReachoutMutateCallbacks<TData>) => void;
  /** Runs the mutation and answers with its result; rejects with a `ReachoutError`. */
  mutateAsync: (input: TInput) => Promise<TData>;
  /** The last answer. */
  data: TData | undefined;
  /** The last failure; `null` when there is none. */
  error: ReachoutError | null;
  /** `'idle'` before the first call, then `'pending'`, `'success'` or `'error'`. */
  status: 'idle' | 'pending' | 'success' | 'error';
  /** Not called yet (or reset). */
  isIdle: boolean;
  /** In flight. */
  isPending: boolean;
  /** The last call succeeded. */
  isSuccess: boolean;
  /** The last call failed. */
  isError: boolean;
  /** Back to idle, forgetting data and error. */
  reset: () => void;
}
