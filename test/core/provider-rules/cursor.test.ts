import { describe, expect, it } from 'vitest';
import { ReachoutError } from '../../../src/core/errors';
import {
  decodeCursor,
  encodeCursor,
  invalidCursorError,
  isCursorTimestamp,
  pageLimits,
  resolveLimit,
} from '../../../src/core/provider-rules/cursor';
import { encodeBase64Url } from '../../../src/core/provider-rules/base64';

function refusal(run: () => unknown): ReachoutError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReachoutError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const raw = (value: unknown) => encodeBase64Url(JSON.stringify(value));

describe('encodeCursor and decodeCursor', () => {
  it('round-trip a position of names in any script, numbers and timestamps', () => {
    const position = ['Zoë 👩🏽‍💻 Ålander', 'contact-7', 42.5, '2026-03-01T10:00:00.000Z'] as const;
    const cursor = encodeCursor('contacts', position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('contacts', cursor, ['string', 'string', 'number', 'timestamp'])).toEqual(position);
  });

  it('writes URL-safe base64 of JSON without padding', () => {
    expect(encodeCursor('chats', ['??>'])).toBe(raw({ list: 'chats', position: ['??>'] }));
    expect(encodeCursor('chats', ['??>'])).not.toMatch(/[+/=]/);
  });

  it('refuses the cursor of another list with VALIDATION on the cursor field', () => {
    const error = refusal(() => decodeCursor('tickets', encodeCursor('contacts', ['a', 'b']), ['string', 'string']));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('This page cursor is not valid for this list');
    expect(error.fieldErrors).toEqual({ cursor: 'Unknown cursor: start again from the first page' });
    expect(error).toEqual(invalidCursorError());
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['not base64url', 'abc+/=='],
    ['not JSON', encodeBase64Url('{list:')],
    ['JSON null', raw(null)],
    ['a JSON string', raw('contacts')],
    ['no position', raw({ list: 'contacts' })],
    ['a position that is no array', raw({ list: 'contacts', position: { 0: 'a', 1: 'b' } })],
    ['a shorter position', raw({ list: 'contacts', position: ['a'] })],
    ['a longer position', raw({ list: 'contacts', position: ['a', 'b', 'c'] })],
    ['a number where text goes', raw({ list: 'contacts', position: ['a', 2] })],
    ['text where a number goes', raw({ list: 'contacts', position: [1, 'b'] })],
    ['null in the position', raw({ list: 'contacts', position: [null, 'b'] })],
    ['a NUL character', raw({ list: 'contacts', position: ['a\u0000', 'b'] })],
    ['a lone surrogate', raw({ list: 'contacts', position: ['a\uD800', 'b'] })],
    ['bytes that are not UTF-8', encodeBase64Url('x').slice(0, 1) + '_w'],
  ])('refuses %s', (_what, cursor) => {
    expect(refusal(() => decodeCursor('contacts', cursor, ['string', 'string'] as const)).fieldErrors).toEqual({
      cursor: 'Unknown cursor: start again from the first page',
    });
  });

  it('refuses text where the shape has a number', () => {
    expect(decodeCursor('templates', raw({ list: 'templates', position: [3] }), ['number'])).toEqual([3]);
    expect(() => decodeCursor('templates', raw({ list: 'templates', position: ['3'] }), ['number'])).toThrow(ReachoutError);
  });

  it('refuses a number too large to be finite where the shape has a number', () => {
    // JSON has no Infinity, but JSON.parse reads 1e400 as Infinity.
    const cursor = encodeBase64Url('{"list":"templates","position":[1e400]}');
    expect(refusal(() => decodeCursor('templates', cursor, ['number'])).fieldErrors).toEqual({
      cursor: 'Unknown cursor: start again from the first page',
    });
    expect(decodeCursor('templates', encodeBase64Url('{"list":"templates","position":[1e300]}'), ['number'])).toEqual([1e300]);
  });

  it('refuses a timestamp part that is not strict ISO 8601', () => {
    const cursorWith = (time: unknown) => raw({ list: 'tickets', position: [time, 'ticket-1'] });
    expect(decodeCursor('tickets', cursorWith('2026-03-01T10:00:00.000Z'), ['timestamp', 'string'])).toEqual([
      '2026-03-01T10:00:00.000Z',
      'ticket-1',
    ]);
    for (const time of ['2026-03-01T10:00:00Z', '2026-02-30T10:00:00.000Z', 0, 'yesterday']) {
      expect(() => decodeCursor('tickets', cursorWith(time), ['timestamp', 'string'])).toThrow(ReachoutError);
    }
  });
});

describe('isCursorTimestamp', () => {
  it('accepts exactly what toISOString writes for years 0001 to 9999', () => {
    expect(isCursorTimestamp('2026-12-05T16:21:23.045Z')).toBe(true);
    expect(isCursorTimestamp('0001-01-01T00:00:00.000Z')).toBe(true);
    expect(isCursorTimestamp('9999-12-31T23:59:59.999Z')).toBe(true);
  });

  it.each([
    '0000-01-01T00:00:00.000Z',
    '2026-02-29T00:00:00.000Z',
    '2026-13-01T00:00:00.000Z',
    '2026-12-05T16:21:23Z',
    '2026-12-05T16:21:23.045+00:00',
    ' 2026-12-05T16:21:23.045Z',
    '2026-12-05T16:21:23.045Z ',
    '+275760-09-13T00:00:00.000Z',
    '12',
  ])('refuses %s', (text) => {
    expect(isCursorTimestamp(text)).toBe(false);
  });
});

describe('resolveLimit', () => {
  it('uses 50 when no limit is asked, and any whole number from 1 to 100', () => {
    expect(pageLimits).toEqual({ default: 50, max: 100 });
    expect(resolveLimit(undefined)).toBe(50);
    expect(resolveLimit(1)).toBe(1);
    expect(resolveLimit(100)).toBe(100);
  });

  it.each([0, -1, 101, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s with VALIDATION on the limit field', (limit) => {
    const error = refusal(() => resolveLimit(limit));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('limit must be a whole number from 1 to 100');
    expect(error.fieldErrors).toEqual({ limit: 'Use a whole number from 1 to 100' });
  });
});
