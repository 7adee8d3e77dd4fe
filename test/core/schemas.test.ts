import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import {
  contactInputSchema,
  contactSchema,
  createContactInputSchema,
  defaultContactInputMessages as messages,
  fieldErrorsOf,
} from '../../src/core/schemas';

function errorsOf(schema: z.ZodMiniType, input: unknown): Record<string, string> {
  const result = z.safeParse(schema, input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe('contactInputSchema', () => {
  it('trims, nulls an empty email and turns the phone into E.164', () => {
    expect(z.parse(contactInputSchema, { name: '  Ana Souza ', email: ' ', phone: '+55 11 98765-4321' })).toEqual({
      name: 'Ana Souza',
      email: null,
      phone: '+5511987654321',
      avatarUrl: null,
    });
  });

  it('reads a national number with the chosen country', () => {
    const schema = createContactInputSchema({ defaultCountry: 'IN' });
    expect(z.parse(schema, { name: 'Ravi', phone: '098765 43210' }).phone).toBe('+919876543210');
  });

  it('names every broken field with a specific message', () => {
    expect(errorsOf(contactInputSchema, { name: ' ', email: 'ana@', phone: 'abc', avatarUrl: 'javascript:alert(1)' })).toEqual({
      name: messages.nameRequired,
      email: messages.emailInvalid,
      phone: messages.phoneNotANumber,
      avatarUrl: messages.avatarUrlInvalid,
    });
  });

  it('asks for a country when a national number has none', () => {
    expect(errorsOf(contactInputSchema, { name: 'Ana', phone: '98765 4321' })).toEqual({ phone: messages.phoneInvalidCountry });
  });

  it('rejects a name over the limit and accepts one at it', () => {
    expect(errorsOf(contactInputSchema, { name: 'a'.repeat(121), phone: '+14155552671' })).toEqual({ name: messages.nameTooLong });
    expect(errorsOf(contactInputSchema, { name: 'a'.repeat(120), phone: '+14155552671' })).toEqual({});
  });

  it('takes translated messages', () => {
    const schema = createContactInputSchema({ messages: { nameRequired: 'Informe um nome' } });
    expect(errorsOf(schema, { name: '', phone: '+14155552671' })).toEqual({ name: 'Informe um nome' });
  });

  it('reports a missing phone as required', () => {
    expect(errorsOf(contactInputSchema, { name: 'Ana' })).toEqual({ phone: messages.phoneRequired });
    expect(errorsOf(contactInputSchema, { name: 'Ana', phone: '' })).toEqual({ phone: messages.phoneRequired });
  });
});

describe('contactSchema', () => {
  it('accepts a contact and rejects one with a bad date', () => {
    const contact = { id: 'c1', name: 'Ana', email: null, phone: '+5511987654321', avatarUrl: null, createdAt: '2026-01-01T00:00:00.000Z' };
    expect(z.safeParse(contactSchema, contact).success).toBe(true);
    expect(z.safeParse(contactSchema, { ...contact, createdAt: 'soon' }).success).toBe(false);
  });
});
