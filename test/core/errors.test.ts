import { describe, expect, it } from 'vitest';
import {
  ReachoutError,
  createAbortError,
  isAbortError,
  isReachoutError,
  isReachoutErrorCode,
  reachoutErrorCodes,
  toReachoutError,
} from '../../src/core/errors';

describe('ReachoutError', () => {
  it('carries its code, message, field errors and cause', () => {
    const cause = new Error('duplicate key');
    const error = new ReachoutError('CONFLICT', 'Duplicate phone', { fieldErrors: { phone: 'Taken' }, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ReachoutError', code: 'CONFLICT', message: 'Duplicate phone', fieldErrors: { phone: 'Taken' } });
    expect(error.cause).toBe(cause);
  });

  it('has no cause property when none is given', () => {
    expect('cause' in new ReachoutError('NOT_FOUND', 'No such contact')).toBe(false);
  });

  it('keeps retryAfterMs for RATE_LIMITED', () => {
    expect(new ReachoutError('RATE_LIMITED', 'Slow down', { retryAfterMs: 3000 }).retryAfterMs).toBe(3000);
  });
});

describe('isReachoutErrorCode', () => {
  // The codes are API (DESIGN.md): hosts switch on them, the REST adapter reads them off the wire.
  const documentedCodes = [
    'VALIDATION',
    'CONFLICT',
    'NOT_FOUND',
    'ACTIVE_CHAT',
    'OPTED_OUT',
    'OUTSIDE_WINDOW',
    'INVALID_NUMBER',
    'RATE_LIMITED',
    'UNAUTHORIZED',
    'FORBIDDEN',
    'NETWORK',
    'UNKNOWN',
  ];

  it('accepts exactly the documented codes', () => {
    expect([...reachoutErrorCodes]).toEqual(documentedCodes);
    for (const code of documentedCodes) expect(isReachoutErrorCode(code)).toBe(true);
  });

  it('refuses other text, other case and non-strings', () => {
    expect(isReachoutErrorCode('not_found')).toBe(false);
    expect(isReachoutErrorCode('')).toBe(false);
    expect(isReachoutErrorCode(404)).toBe(false);
    expect(isReachoutErrorCode(undefined)).toBe(false);
  });
});

describe('isReachoutError', () => {
  it('recognises a ReachoutError from another copy of the package by shape', () => {
    const foreign = Object.assign(new Error('x'), { name: 'ReachoutError', code: 'NOT_FOUND' });
    expect(isReachoutError(foreign)).toBe(true);
    expect(isReachoutError({ name: 'ReachoutError', code: 'CONFLICT', message: 'plain object' })).toBe(true);
  });

  it('refuses a look-alike with an unknown code, another name or no name', () => {
    expect(isReachoutError(Object.assign(new Error('x'), { name: 'ReachoutError', code: 'NOPE' }))).toBe(false);
    expect(isReachoutError(Object.assign(new Error('x'), { name: 'HttpError', code: 'NOT_FOUND' }))).toBe(false);
    expect(isReachoutError({ code: 'NOT_FOUND' })).toBe(false);
  });

  it('refuses null, primitives and functions', () => {
    expect(isReachoutError(null)).toBe(false);
    expect(isReachoutError(undefined)).toBe(false);
    expect(isReachoutError('ReachoutError')).toBe(false);
    // A function has a `name`: a class named ReachoutError with a static `code` is not an error.
    expect(isReachoutError(Object.assign(function ReachoutError() {}, { code: 'NOT_FOUND' }))).toBe(false);
  });
});

describe('toReachoutError', () => {
  it('returns a ReachoutError unchanged, also one from another copy of the package', () => {
    const error = new ReachoutError('CONFLICT', 'Duplicate phone', { fieldErrors: { phone: 'Taken' } });
    expect(toReachoutError(error)).toBe(error);
    const foreign = Object.assign(new Error('x'), { name: 'ReachoutError', code: 'NOT_FOUND' });
    expect(toReachoutError(foreign)).toBe(foreign);
  });

  it.each([
    ['Chrome', 'Failed to fetch'],
    ['Firefox', 'NetworkError when attempting to fetch resource.'],
    ['Safari', 'Load failed'],
    ['undici', 'fetch failed'],
  ])('wraps a failed fetch in %s (%j) as NETWORK, keeping message and cause', (_browser, message) => {
    const cause = new TypeError(message);
    const wrapped = toReachoutError(cause);
    expect(wrapped).toMatchObject({ code: 'NETWORK', message });
    expect(wrapped.cause).toBe(cause);
  });

  it('wraps a TypeError that is not about the network as UNKNOWN', () => {
    const cause = new TypeError('provider.listContacts is not a function');
    expect(toReachoutError(cause)).toMatchObject({ code: 'UNKNOWN', message: 'provider.listContacts is not a function', cause });
  });

  it('does not take a plain Error about the network for a failed fetch', () => {
    expect(toReachoutError(new Error('Failed to fetch')).code).toBe('UNKNOWN');
  });

  it('wraps anything else as UNKNOWN with a readable message and the original as cause', () => {
    const cause = new Error('boom');
    const wrapped = toReachoutError(cause);
    expect(wrapped).toMatchObject({ code: 'UNKNOWN', message: 'boom' });
    expect(wrapped.cause).toBe(cause);
    expect(toReachoutError('plain string')).toMatchObject({ code: 'UNKNOWN', message: 'plain string' });
    expect(toReachoutError({ weird: true }).message).toBe('Something went wrong');
  });

  it('falls back to a generic message for an empty one', () => {
    expect(toReachoutError(new Error('')).message).toBe('Something went wrong');
    expect(toReachoutError('').message).toBe('Something went wrong');
    expect(toReachoutError(undefined).message).toBe('Something went wrong');
  });
});

describe('isAbortError', () => {
  it('is true only for aborts', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(controller.signal.reason)).toBe(true);
    expect(isAbortError({ name: 'AbortError' })).toBe(true);
    expect(isAbortError(new Error('nope'))).toBe(false);
    expect(isAbortError(null)).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
    expect(isAbortError(function AbortError() {})).toBe(false);
  });
});

describe('createAbortError', () => {
  it('returns the signal’s own AbortError as it is', () => {
    const controller = new AbortController();
    controller.abort();
    expect(createAbortError(controller.signal)).toBe(controller.signal.reason);
  });

  it('creates an AbortError when there is no signal or its reason is something else', () => {
    const controller = new AbortController();
    controller.abort(new Error('user left'));
    for (const error of [createAbortError(controller.signal), createAbortError()]) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'AbortError', message: 'The operation was aborted' });
      expect(isAbortError(error)).toBe(true);
    }
    expect(createAbortError(controller.signal)).not.toBe(controller.signal.reason);
  });
});
