import { describe, expect, it } from 'vitest';
import { ReachoutError, isAbortError, isReachoutError, toReachoutError } from '../../src/core/errors';

describe('toReachoutError', () => {
  it('returns a ReachoutError unchanged', () => {
    const error = new ReachoutError('CONFLICT', 'Duplicate phone', { fieldErrors: { phone: 'Taken' } });
    expect(toReachoutError(error)).toBe(error);
  });

  it('wraps a failed fetch as NETWORK, keeping the cause', () => {
    const cause = new TypeError('Failed to fetch');
    const wrapped = toReachoutError(cause);
    expect(wrapped.code).toBe('NETWORK');
    expect(wrapped.cause).toBe(cause);
  });

  it('wraps anything else as UNKNOWN with a readable message', () => {
    expect(toReachoutError(new Error('boom'))).toMatchObject({ code: 'UNKNOWN', message: 'boom' });
    expect(toReachoutError('plain string')).toMatchObject({ code: 'UNKNOWN', message: 'plain string' });
    expect(toReachoutError({ weird: true }).message).toBe('Something went wrong');
  });

  it('recognises a ReachoutError from another copy of the package by shape', () => {
    const foreign = Object.assign(new Error('x'), { name: 'ReachoutError', code: 'NOT_FOUND' });
    expect(isReachoutError(foreign)).toBe(true);
    expect(isReachoutError(Object.assign(new Error('x'), { name: 'ReachoutError', code: 'NOPE' }))).toBe(false);
  });

  it('keeps retryAfterMs for RATE_LIMITED', () => {
    expect(new ReachoutError('RATE_LIMITED', 'Slow down', { retryAfterMs: 3000 }).retryAfterMs).toBe(3000);
  });
});

describe('isAbortError', () => {
  it('is true only for aborts', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(controller.signal.reason)).toBe(true);
    expect(isAbortError(new Error('nope'))).toBe(false);
    expect(isAbortError(null)).toBe(false);
  });
});
