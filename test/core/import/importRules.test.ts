import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ReachoutError } from '../../../src/core/errors';
import {
  assertImportBatchSize,
  checkImportRow,
  contactImportBatchSchema,
  contactImportFingerprint,
  contactImportResultSchema,
  importKeyReusedError,
  maxImportAttributes,
  maxImportBatchRows,
  planContactImport,
  splitIntoBatches,
  validateImportBatch,
} from '../../../src/core/import';
import { fieldErrorsOf } from '../../../src/core/schemas';
import type { Contact, ContactImportBatch, ContactImportRow } from '../../../src/core/types';

const phone = '+5511987654321';
const row = (overrides: Partial<ContactImportRow> = {}): ContactImportRow => ({ row: 2, name: 'Ana', phone, ...overrides });
const batch = (rows: ContactImportRow[], overrides: Partial<ContactImportBatch> = {}): ContactImportBatch => ({
  idempotencyKey: 'import-key-1',
  rows,
  onDuplicate: 'update',
  ...overrides,
});
const problem = (overrides: Partial<ContactImportRow>) => {
  const check = checkImportRow(row(overrides));
  return check.ok ? null : check.message;
};

describe('checkImportRow: attributes', () => {
  it('takes at most 50 attributes', () => {
    const attributes = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`a${index}`, 'x']));
    expect(problem({ attributes: attributes(maxImportAttributes) })).toBeNull();
    expect(problem({ attributes: attributes(maxImportAttributes + 1) })).toBe('A contact has at most 50 attributes');
  });

  it('takes a value of at most 1,024 characters', () => {
    expect(problem({ attributes: { note: 'x'.repeat(1024) } })).toBeNull();
    expect(problem({ attributes: { note: 'x'.repeat(1025) } })).toBe('Attribute "note": use at most 1024 characters');
  });

  it('refuses a value that is not text', () => {
    expect(problem({ attributes: { age: 42 as unknown as string } })).toBe('Attribute "age" must be text');
  });

  it('quotes at most 80 characters of a bad key', () => {
    const key = `${'k'.repeat(80)}!${'z'.repeat(20)}`;
    expect(problem({ attributes: { [key]: 'x' } })).toBe(`Attribute "${'k'.repeat(80)}": use letters, digits, _ and - (at most 64)`);
  });

  it('trims values and leaves out blank ones, and the attributes altogether when all are blank', () => {
    const check = checkImportRow(row({ attributes: { city: '  Rio ', plan: '   ', tier: 'gold' } }));
    expect(check.ok && check.value.attributes).toEqual({ city: 'Rio', tier: 'gold' });
    const blank = checkImportRow(row({ attributes: { plan: ' ' } }));
    expect(blank.ok && 'attributes' in blank.value).toBe(false);
  });
});

describe('assertImportBatchSize and validateImportBatch', () => {
  it('takes exactly 1,000 rows and refuses 1,001 with a field error on rows', () => {
    const rows = (count: number) => Array.from({ length: count }, (_, index) => row({ row: index + 2 }));
    expect(() => assertImportBatchSize({ rows: rows(maxImportBatchRows) })).not.toThrow();
    let caught: unknown;
    try {
      assertImportBatchSize({ rows: rows(maxImportBatchRows + 1) });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReachoutError);
    expect((caught as ReachoutError).fieldErrors).toEqual({ rows: 'At most 1000 rows' });
  });
});

describe('planContactImport', () => {
  it('leaves an updated contact without attributes when neither it nor the row has any', () => {
    const existing: Contact = { id: 'contact-1', name: 'Old', email: null, phone, avatarUrl: null, createdAt: '2026-01-01T00:00:00.000Z' };
    const input = batch([row({ name: 'New' })]);
    const plan = planContactImport(input, validateImportBatch(input), new Map([[existing.phone, existing]]));
    expect(plan.update).toHaveLength(1);
    expect('attributes' in (plan.update[0]?.contact ?? {})).toBe(false);
  });
});

describe('importKeyReusedError', () => {
  it('is a CONFLICT on the idempotency key that says to use a new key', () => {
    const error = importKeyReusedError();
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('This idempotency key was already used for a different batch; use a new key for a new batch');
    expect(error.fieldErrors).toEqual({ idempotencyKey: 'Already used for a different batch' });
  });
});

describe('splitIntoBatches', () => {
  it('makes no empty batch after a full one, and none for no rows', () => {
    expect(splitIntoBatches(Array.from({ length: 2000 }, (_, index) => index)).map((part) => part.length)).toEqual([1000, 1000]);
    expect(splitIntoBatches([])).toEqual([]);
  });
});

describe('contactImportFingerprint', () => {
  it('differs for another default country or another email', () => {
    const rows = [row({ email: 'a@example.com' })];
    const fingerprint = contactImportFingerprint(batch(rows, { defaultCountry: 'BR' }));
    expect(contactImportFingerprint(batch(rows, { defaultCountry: 'MX' }))).not.toBe(fingerprint);
    expect(contactImportFingerprint(batch([row({ email: 'b@example.com' })], { defaultCountry: 'BR' }))).not.toBe(fingerprint);
  });

  it('is the same for every order of three or more attribute keys', () => {
    const orders = [
      ['a', 'b', 'c', 'd'],
      ['d', 'c', 'b', 'a'],
      ['b', 'd', 'a', 'c'],
      ['c', 'a', 'd', 'b'],
    ];
    const fingerprints = orders.map((keys) =>
      contactImportFingerprint(batch([row({ attributes: Object.fromEntries(keys.map((key) => [key, key.toUpperCase()])) })])),
    );
    expect(new Set(fingerprints).size).toBe(1);
  });
});

describe('contactImportBatchSchema', () => {
  const refused = (value: unknown) => {
    const parsed = z.safeParse(contactImportBatchSchema, value);
    return parsed.success ? null : fieldErrorsOf(parsed.error);
  };

  it('says how to fix a bad onDuplicate, default country or text length', () => {
    expect(refused({ ...batch([]), onDuplicate: 'merge' })).toEqual({ onDuplicate: 'Use "skip" or "update"' });
    expect(refused({ ...batch([]), defaultCountry: 'br' })).toEqual({ defaultCountry: 'Use an ISO 3166 alpha-2 code such as BR' });
    expect(refused(batch([row({ name: 'x'.repeat(1001) })]))).toEqual({ 'rows.0.name': 'Use at most 1000 characters' });
  });

  it('takes a default country of exactly two capital letters', () => {
    expect(refused(batch([], { defaultCountry: 'BR' }))).toBeNull();
    for (const defaultCountry of ['B', 'BRA', 'xBR', 'BRx', '12']) {
      expect(Object.keys(refused(batch([], { defaultCountry })) ?? {})).toEqual(['defaultCountry']);
    }
  });

  it('refuses a row that is not a row', () => {
    expect(Object.keys(refused({ ...batch([]), rows: [{ row: 2, name: 'A' }] }) ?? {})).toEqual(['rows.0.phone']);
  });
});

describe('contactImportResultSchema', () => {
  it('accepts each skip code', () => {
    const result = {
      created: 1,
      updated: 0,
      skipped: (['VALIDATION', 'CONFLICT', 'DUPLICATE_IN_FILE'] as const).map((code, index) => ({ row: index + 2, code, message: 'why' })),
    };
    expect(z.safeParse(contactImportResultSchema, result).success).toBe(true);
    expect(z.safeParse(contactImportResultSchema, { ...result, skipped: [{ row: 2, code: 'OTHER', message: 'why' }] }).success).toBe(false);
  });
});
