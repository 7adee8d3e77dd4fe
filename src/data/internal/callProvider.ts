import { isAbortError, ReachoutError, toReachoutError } from '../../core/errors';
import type { ReachoutMethod } from '../../core/provider';
import { invalidResponseError } from './checks';
import type { ResponseCheck } from './checks';
import { isDevelopment } from './environment';

/**
 * Calls one provider method and settles the way the hooks need: failures become a
 * `ReachoutError`, and in development a response of the wrong shape fails naming the method.
 */
export async function callProvider<T>(
  method: ReachoutMethod,
  signal: AbortSignal | undefined,
  invoke: () => Promise<T>,
  check?: ResponseCheck,
): Promise<T> {
  let value: T;
  try {
    value = await invoke();
  } catch (error) {
    // TanStack Query has already settled a cancelled fetch by itself; what we throw is ignored.
    if (signal?.aborted) throw error;
    // An abort the caller did not ask for (the provider's own timeout, a dropped stream) is an
    // interrupted request: worth a retry, and never shown as an AbortError.
    if (isAbortError(error)) {
      throw new ReachoutError('NETWORK', `${method} was interrupted`, { cause: error });
    }
    throw toReachoutError(error);
  }
  if (check && isDevelopment()) {
    const problem = check(value);
    if (problem !== null) {
      const error = invalidResponseError(method, problem);
      console.error(`[reachout] ${error.message}`, value);
      throw error;
    }
  }
  return value;
}
