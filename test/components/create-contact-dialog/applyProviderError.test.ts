import { describe, expect, it } from 'vitest';
import { applyProviderError, canRetry } from '../../../src/components/create-contact-dialog/applyProviderError';
import { ReachoutError } from '../../../src/core/errors';

describe('applyProviderError', () => {
  it('treats a CONFLICT on the phone, or naming no field, as a duplicate number', () => {
    expect(applyProviderError(new ReachoutError('CONFLICT', 'exists', { fieldErrors: { phone: 'taken' } }), false).duplicatePhone).toBe(true);
    expect(applyProviderError(new ReachoutError('CONFLICT', 'exists'), false)).toEqual({
      duplicatePhone: true,
      fields: [],
      photoError: null,
      formError: null,
    });
  });

  it('puts a CONFLICT on another field under that field', () => {
    const placement = applyProviderError(new ReachoutError('CONFLICT', 'exists', { fieldErrors: { email: 'in use' } }), false);
    expect(placement.duplicatePhone).toBe(false);
    expect(placement.fields).toEqual([{ field: 'email', message: 'in use' }]);
  });

  it('puts VALIDATION messages under their fields in form order, the photo message under a chosen photo, the rest in the alert', () => {
    const error = new ReachoutError('VALIDATION', 'invalid', {
      fieldErrors: { phone: 'bad phone', name: 'too long', avatarUrl: 'too big', tags: 'unknown tag' },
    });
    expect(applyProviderError(error, true)).toEqual({
      duplicatePhone: false,
      fields: [
        { field: 'name', message: 'too long' },
        { field: 'phone', message: 'bad phone' },
      ],
      photoError: 'too big',
      formError: { details: ['unknown tag'], canRetry: false },
    });
    expect(applyProviderError(error, false).formError).toEqual({ details: ['too big', 'unknown tag'], canRetry: false });
  });

  it('shows a VALIDATION naming no known field in the alert with its message', () => {
    expect(applyProviderError(new ReachoutError('VALIDATION', 'The request is invalid'), false).formError).toEqual({
      details: ['The request is invalid'],
      canRetry: false,
    });
  });

  it('offers Retry only for failures a second attempt may fix', () => {
    expect(applyProviderError(new ReachoutError('NETWORK', 'down'), false).formError).toEqual({ details: [], canRetry: true });
    expect(applyProviderError(new ReachoutError('INVALID_NUMBER', 'no'), false).formError?.canRetry).toBe(false);
    expect(canRetry('RATE_LIMITED')).toBe(true);
    expect(canRetry('VALIDATION')).toBe(false);
  });
});
