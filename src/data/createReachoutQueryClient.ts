import { QueryClient } from '@tanstack/react-query';
import type { QueryClientConfig } from '@tanstack/react-query';
import { isAbortError, isReachoutError } from '../core/errors';
import { isInvalidResponseError } from './internal/checks';

/** How many times a failed read is tried again before its error is shown. */
const maximumRetries = 2;
/** A server asking us to wait longer than this gets the error shown (it says when to retry). */
const longestRateLimitWaitMs = 60_000;

/**
 * Whether a failed read is worth trying again: network trouble, unknown failures and rate
 * limits (when the wait is short); never a validation, conflict, not-found or permission error,
 * and never an abort.
 */
export function shouldRetryReachoutRequest(failureCount: number, error: unknown): boolean {
  if (failureCount >= maximumRetries || isAbortError(error) || !isReachoutError(error)) return false;
  switch (error.code) {
    case 'NETWORK':
      return true;
    case 'UNKNOWN':
      return !isInvalidResponseError(error);
    case 'RATE_LIMITED':
      return (error.retryAfterMs ?? 0) <= longestRateLimitWaitMs;
    case 'VALIDATION':
    case 'CONFLICT':
    case 'NOT_FOUND':
    case 'ACTIVE_CHAT':
    case 'OPTED_OUT':
    case 'OUTSIDE_WINDOW':
    case 'INVALID_NUMBER':
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
      return false;
    default:
      return error.code satisfies never;
  }
}

/** The wait before a retry: what a rate limit asks for, else 1 s, 2 s, 4 s... up to 30 s. */
export function reachoutRetryDelay(failureCount: number, error: unknown): number {
  if (isReachoutError(error) && error.code === 'RATE_LIMITED' && error.retryAfterMs !== undefined) {
    return error.retryAfterMs;
  }
  return Math.min(1000 * 2 ** failureCount, 30_000);
}

/**
 * The `QueryClient` `<ReachoutProvider>` creates when the host passes none: retries only what
 * retrying can fix, no refetch on window focus (a widget inside an inbox is focused constantly),
 * data fresh for 30 s, mutations never retried (a send is retried by the user, with its key).
 * Hosts passing their own client can build it here to get the same behaviour.
 *
 * @example
 * const queryClient = createReachoutQueryClient();
 * <ReachoutProvider dataProvider={provider} queryClient={queryClient}>...</ReachoutProvider>
 */
export function createReachoutQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: {
        retry: shouldRetryReachoutRequest,
        retryDelay: reachoutRetryDelay,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        ...config.defaultOptions?.queries,
      },
      mutations: { retry: false, ...config.defaultOptions?.mutations },
    },
  });
}
