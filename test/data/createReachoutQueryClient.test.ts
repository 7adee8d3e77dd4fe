import { describe, expect, it } from 'vitest';
import { ReachoutError, reachoutErrorCodes } from '../../src/core/errors';
import type { ReachoutErrorCode } from '../../src/core/errors';
import {
  createReachoutQueryClient,
  reachoutRetryDelay,
  shouldRetryReachoutRequest,
} from '../../src/data/createReachoutQueryClient';
import { invalidResponseError } from '../../src/data/internal/checks';
import { abortError } from './fixtures';

describe('shouldRetryReachoutRequest', () => {
  it('retries only network trouble, unknown failures and rate limits', () => {
    const retried = reachoutErrorCodes.filter((code) =>
      shouldRetryReachoutRequest(0, new ReachoutError(code, code, code === 'RATE_LIMITED' ? { retryAfterMs: 1000 } : {})),
    );
    expect(retried).toEqual<ReachoutErrorCode[]>(['RATE_LIMITED', 'NETWORK', 'UNKNOWN']);
  });

  it('gives up after two retries', () => {
    const error = new ReachoutError('NETWORK', 'offline');
    expect([0, 1, 2].map((failureCount) => shouldRetryReachoutRequest(failureCount, error))).toEqual([true, true, false]);
  });

  it('never retries an abort, a wrongly shaped response, or a rate limit asking for a long wait', () => {
    expect(shouldRetryReachoutRequest(0, abortError())).toBe(false);
    expect(shouldRetryReachoutRequest(0, invalidResponseError('listContacts', 'page: expected ...'))).toBe(false);
    expect(shouldRetryReachoutRequest(0, new ReachoutError('RATE_LIMITED', 'slow', { retryAfterMs: 120_000 }))).toBe(false);
  });
});

describe('reachoutRetryDelay', () => {
  it('waits what a rate limit asks for', () => {
    expect(reachoutRetryDelay(0, new ReachoutError('RATE_LIMITED', 'slow', { retryAfterMs: 4200 }))).toBe(4200);
  });

  it('backs off exponentially up to 30 seconds otherwise', () => {
    const error = new ReachoutError('NETWORK', 'offline');
    expect([0, 1, 2, 10].map((failureCount) => reachoutRetryDelay(failureCount, error))).toEqual([1000, 2000, 4000, 30_000]);
  });
});

describe('createReachoutQueryClient', () => {
  it('sets widget defaults and lets the host override them', () => {
    const defaults = createReachoutQueryClient().getDefaultOptions();
    expect(defaults.queries).toMatchObject({ refetchOnWindowFocus: false, staleTime: 30_000, retry: shouldRetryReachoutRequest });
    expect(defaults.mutations?.retry).toBe(false);

    const overridden = createReachoutQueryClient({ defaultOptions: { queries: { staleTime: 0 } } }).getDefaultOptions();
    expect(overridden.queries).toMatchObject({ staleTime: 0, refetchOnWindowFocus: false });
  });
});
