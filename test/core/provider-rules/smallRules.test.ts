import { describe, expect, it } from 'vitest';
import { reachoutErrorCodes } from '../../../src/core/errors';
import {
  failureReasonOf,
  marketingLimitError,
  undeliverableError,
} from '../../../src/core/provider-rules/failureReasons';
import {
  errorCodeForHttpStatus,
  httpStatusByErrorCode,
  httpStatusForErrorCode,
} from '../../../src/core/provider-rules/httpStatus';
import { idempotencyConflictError, stableStringify } from '../../../src/core/provider-rules/idempotency';
import { unstorableTextReason } from '../../../src/core/provider-rules/storableText';

describe('failureReasonOf', () => {
  it('says the errors people meet in plain words', () => {
    expect(failureReasonOf(undeliverableError)).toBe(
      'Message undeliverable: the number is not on WhatsApp or cannot receive messages (WhatsApp error 131026)',
    );
    expect(failureReasonOf({ ...marketingLimitError, details: 'ignored' })).toBe(
      'Message not delivered: WhatsApp limits how many marketing messages a person receives (WhatsApp error 131049)',
    );
  });

  it('quotes other errors with their title, details and code', () => {
    expect(failureReasonOf({ code: 131047, title: 'Re-engagement message', details: 'More than 24 hours' })).toBe(
      'Re-engagement message: More than 24 hours (WhatsApp error 131047)',
    );
    expect(failureReasonOf({ code: 131000, title: 'Something went wrong' })).toBe('Something went wrong (WhatsApp error 131000)');
    expect(failureReasonOf({ code: 131000, title: 'Something went wrong', details: '' })).toBe(
      'Something went wrong (WhatsApp error 131000)',
    );
  });

  it('has a reason for a failure without an error', () => {
    expect(failureReasonOf(undefined)).toBe('WhatsApp could not deliver the message');
  });
});

describe('the HTTP status table', () => {
  it('answers each code with its documented status', () => {
    expect(reachoutErrorCodes.map((code) => [code, httpStatusForErrorCode(code)])).toEqual([
      ['VALIDATION', 400],
      ['CONFLICT', 409],
      ['NOT_FOUND', 404],
      ['ACTIVE_CHAT', 409],
      ['OPTED_OUT', 409],
      ['OUTSIDE_WINDOW', 409],
      ['INVALID_NUMBER', 422],
      ['RATE_LIMITED', 429],
      ['UNAUTHORIZED', 401],
      ['FORBIDDEN', 403],
      ['NETWORK', 502],
      ['UNKNOWN', 500],
    ]);
    expect(Object.keys(httpStatusByErrorCode).sort()).toEqual([...reachoutErrorCodes].sort());
  });

  it('reads each status back as its code (409 as CONFLICT, 413 and 415 as VALIDATION)', () => {
    for (const code of reachoutErrorCodes) {
      const status = httpStatusForErrorCode(code);
      expect(errorCodeForHttpStatus(status)).toBe(status === 409 ? 'CONFLICT' : code);
    }
    expect(errorCodeForHttpStatus(413)).toBe('VALIDATION');
    expect(errorCodeForHttpStatus(415)).toBe('VALIDATION');
  });

  it.each([200, 302, 405, 418, 499, 503, 504])('reads status %i, which no code has, as UNKNOWN', (status) => {
    expect(errorCodeForHttpStatus(status)).toBe('UNKNOWN');
  });
});

describe('stableStringify', () => {
  it('gives equal requests the same text whatever their key order, nested ones included', () => {
    expect(stableStringify({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(stableStringify({ a: 1, b: 2 })).toBe(stableStringify({ b: 2, a: 1 }));
  });

  it('keeps the order of arrays, which is meaningful', () => {
    expect(stableStringify([2, 1])).not.toBe(stableStringify([1, 2]));
    expect(stableStringify('text')).toBe('"text"');
  });
});

describe('idempotencyConflictError', () => {
  it('is a CONFLICT naming the key and the kind of request', () => {
    const error = idempotencyConflictError('notification');
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('This idempotency key was used for a different notification; use a new key for a new send');
    expect(error.fieldErrors).toEqual({ idempotencyKey: 'Already used for a different notification' });
  });
});

describe('unstorableTextReason', () => {
  it('accepts any well-formed text without NUL, emoji and every script included', () => {
    expect(unstorableTextReason('Ana 👩🏽‍💻 Ελένη \uFFFF')).toBeUndefined();
    expect(unstorableTextReason('')).toBeUndefined();
  });

  it('refuses NUL and lone surrogates, high or low, with a reason', () => {
    expect(unstorableTextReason('a\u0000b')).toBe('Remove the NUL character (\\u0000): it cannot be stored');
    for (const text of ['a\uD83D', '\uD83Da', 'a\uDC69', '\uDC69\uD83D']) {
      expect(unstorableTextReason(text)).toBe('Remove the lone surrogate (half of a UTF-16 pair): it is not valid Unicode');
    }
  });
});
