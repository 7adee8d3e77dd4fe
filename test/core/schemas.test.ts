import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import {
  contactInputSchema,
  contactSchema,
  createContactInputSchema,
  defaultContactInputMessages as messages,
  fieldErrorsOf,
  inputLimits,
  sendNotificationInputSchema,
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

  it('checks email and photo link rules on the text as typed, trimming afterwards', () => {
    const valid = { name: 'Ana', phone: '+14155552671' };
    expect(z.parse(contactInputSchema, { ...valid, email: ' ana@example.com ', avatarUrl: ' HTTPS://example.com/a.png ' })).toMatchObject({
      email: 'ana@example.com',
      avatarUrl: 'HTTPS://example.com/a.png',
    });
    expect(z.parse(contactInputSchema, { ...valid, avatarUrl: 'data:image/png;base64,AAAA' }).avatarUrl).toBe('data:image/png;base64,AAAA');
    expect(errorsOf(contactInputSchema, { ...valid, email: `${'a'.repeat(250)}@example.com` })).toEqual({ email: messages.emailInvalid });
    expect(errorsOf(contactInputSchema, { ...valid, avatarUrl: `https://example.com/${'a'.repeat(2048)}` })).toEqual({
      avatarUrl: messages.avatarUrlInvalid,
    });
    expect(errorsOf(contactInputSchema, { ...valid, avatarUrl: 'ftp://example.com/a.png' })).toEqual({ avatarUrl: messages.avatarUrlInvalid });
  });

  it('refuses a phone longer than 64 characters as too long, whatever it holds', () => {
    expect(errorsOf(contactInputSchema, { name: 'Ana', phone: `+1 415 555 2671${' '.repeat(60)}` })).toEqual({
      phone: messages.phoneTooLong,
    });
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

describe('sendNotificationInputSchema', () => {
  const input = {
    idempotencyKey: 'key-0000001',
    contactId: 'contact-1',
    senderId: 'sender-1',
    to: '+14155552671',
    template: { id: 'template-1', name: 'order_update', language: 'en_US' },
    parameters: { body: { '1': 'Ana' } },
    message: { messaging_product: 'whatsapp', type: 'template', to: '+14155552671' },
    ticket: { priority: 'high', assigneeId: null, description: 'Order update' },
  };

  it('accepts every text at its limit', () => {
    const atLimits = {
      ...input,
      contactId: 'c'.repeat(inputLimits.idMaxLength),
      template: { ...input.template, name: 'n'.repeat(inputLimits.templateNameMaxLength) },
      parameters: { body: { ['p'.repeat(inputLimits.parameterNameMaxLength)]: 'v'.repeat(inputLimits.parameterValueMaxLength) } },
      ticket: { ...input.ticket, description: 'd'.repeat(inputLimits.descriptionMaxLength) },
    };
    expect(errorsOf(sendNotificationInputSchema, atLimits)).toEqual({});
  });

  it('names each id, template field, parameter and the description over its limit', () => {
    const over = (max: number) => 'x'.repeat(max + 1);
    expect(
      errorsOf(sendNotificationInputSchema, {
        ...input,
        contactId: over(inputLimits.idMaxLength),
        senderId: over(inputLimits.idMaxLength),
        to: over(inputLimits.phoneMaxLength),
        template: {
          id: over(inputLimits.idMaxLength),
          name: over(inputLimits.templateNameMaxLength),
          language: over(inputLimits.languageMaxLength),
        },
        parameters: { body: { '1': over(inputLimits.parameterValueMaxLength) } },
        ticket: { ...input.ticket, assigneeId: over(inputLimits.idMaxLength), description: over(inputLimits.descriptionMaxLength) },
      }),
    ).toEqual({
      contactId: `Use at most ${inputLimits.idMaxLength} characters`,
      senderId: `Use at most ${inputLimits.idMaxLength} characters`,
      to: `Use at most ${inputLimits.phoneMaxLength} characters`,
      'template.id': `Use at most ${inputLimits.idMaxLength} characters`,
      'template.name': `Use at most ${inputLimits.templateNameMaxLength} characters`,
      'template.language': `Use at most ${inputLimits.languageMaxLength} characters`,
      'parameters.body.1': `Use at most ${inputLimits.parameterValueMaxLength} characters`,
      'ticket.assigneeId': `Use at most ${inputLimits.idMaxLength} characters`,
      'ticket.description': `Use at most ${inputLimits.descriptionMaxLength} characters`,
    });
  });
});
