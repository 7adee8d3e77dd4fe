import { describe, expect, it } from 'vitest';
import { countryFromLocale, formatPhone, normalizePhone, phoneSearchDigits } from '../../src/core/phone';

describe('normalizePhone', () => {
  it.each([
    ['US', '+1 (415) 555-2671', undefined, '+14155552671'],
    ['US national', '415.555.2671', 'US', '+14155552671'],
    ['India with trunk 0', '098765 43210', 'IN', '+919876543210'],
    ['India international', '+91 98765 43210', undefined, '+919876543210'],
    ['Brazil 9-digit mobile', '(11) 98765-4321', 'BR', '+5511987654321'],
    ['Mexico today', '+52 55 1234 5678', undefined, '+525512345678'],
    ['United Kingdom mobile', '+44 7911 123456', undefined, '+447911123456'],
    ['Germany mobile', '+49 1512 3456789', undefined, '+4915123456789'],
    ['France national', '06 12 34 56 78', 'FR', '+33612345678'],
    ['Nigeria', '+234 803 123 4567', undefined, '+2348031234567'],
    ['Japan', '+81 90-1234-5678', undefined, '+819012345678'],
    ['Indonesia', '+62 812-3456-7890', undefined, '+6281234567890'],
    ['UAE', '+971 50 123 4567', undefined, '+971501234567'],
    ['Argentina mobile with 9', '+54 9 11 2345-6789', undefined, '+5491123456789'],
    ['Argentina national with 15', '011 15 2345-6789', 'AR', '+5491123456789'],
    ['China', '+86 138 0013 8000', undefined, '+8613800138000'],
  ] as const)('reads %s', (_name, input, country, expected) => {
    const result = normalizePhone(input, country);
    expect(result).toMatchObject({ ok: true, e164: expected });
  });

  it('lets a typed + country code override the selected country', () => {
    expect(normalizePhone('+1 415 555 2671', 'BR')).toMatchObject({ ok: true, e164: '+14155552671', country: 'US' });
  });

  it('reads the 00 international prefix', () => {
    expect(normalizePhone('00 44 7911 123456', 'DE')).toMatchObject({ ok: true, e164: '+447911123456' });
  });

  it("rewrites Mexico's retired +52 1 mobile prefix and says so", () => {
    expect(normalizePhone('+52 1 55 1234 5678')).toEqual(
      expect.objectContaining({ ok: true, e164: '+525512345678', correction: 'mexico_mobile_prefix' }),
    );
  });

  it("adds Brazil's ninth digit to an old 8-digit mobile and leaves landlines alone", () => {
    expect(normalizePhone('+55 11 8765-4321')).toEqual(
      expect.objectContaining({ ok: true, e164: '+5511987654321', correction: 'brazil_ninth_digit' }),
    );
    const landline = normalizePhone('+55 11 3456-7890');
    expect(landline).toMatchObject({ ok: true, e164: '+551134567890' });
    expect(landline).not.toHaveProperty('correction');
  });

  it.each([
    ['tel: link', 'tel:+14155552671', undefined, '+14155552671'],
    ['surrounding spaces and a non-breaking space', '  +1\u00a0415 555 2671 ', undefined, '+14155552671'],
    ['Arabic-Indic digits', '٠٩٨٧٦٥٤٣٢١٠', 'IN', '+919876543210'],
    ['full-width digits', '＋１ ４１５ ５５５ ２６７１', undefined, '+14155552671'],
    ['bidi marks pasted from an RTL page', '\u200e+971 50 123 4567\u200f', undefined, '+971501234567'],
    ['an extension', '+1 415 555 2671 ext. 12', undefined, '+14155552671'],
    ['an extension without a dot', '+1 415 555 2671 ext 12', undefined, '+14155552671'],
    ['an extension without a space', '+1 415 555 2671 ext.12', undefined, '+14155552671'],
    ['an extension written x', '+1 415 555 2671 x12', undefined, '+14155552671'],
  ] as const)('cleans up %s', (_name, input, country, expected) => {
    expect(normalizePhone(input, country)).toMatchObject({ ok: true, e164: expected });
  });

  it('strips a tel: prefix only at the start, after any spaces', () => {
    expect(normalizePhone('  tel:+14155552671')).toMatchObject({ ok: true, e164: '+14155552671' });
    expect(normalizePhone('+14155552671 tel:')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(normalizePhone('x tel:+14155552671')).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it('allows the letters of an extension only when the extension ends the input', () => {
    expect(normalizePhone('+1 415 555 2671 x12')).toMatchObject({ ok: true, e164: '+14155552671' });
    expect(normalizePhone('+1 415 555 2671 x12;')).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it("does not cut a too-long number after Mexico's retired +52 1 down to ten digits", () => {
    expect(normalizePhone('+52 1 55 1234 56789')).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['john', 'not_a_number'],
    ['+', 'not_a_number'],
    ['555-CALL-NOW', 'not_a_number'],
    ['12', 'invalid_country'],
    ['98765 43210', 'invalid_country'],
    ['+1 415', 'too_short'],
    ['+12345678901234567', 'too_long'],
    ['+1', 'too_short'],
    ['+49 1', 'too_short'],
    ['+1234567890123456789', 'too_long'],
    ['+999 1234 5678', 'invalid_country'],
  ] as const)('rejects %j as %s', (input, reason) => {
    expect(normalizePhone(input)).toEqual({ ok: false, reason });
  });

  it('rejects a number that is not valid for its country', () => {
    expect(normalizePhone('+44 1234')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizePhone('123', 'BR')).toMatchObject({ ok: false });
  });

  it.each([
    ['3 national digits', '+1 415', 'too_short'],
    ['4 national digits', '+1 4155', 'invalid'],
    ['14 national digits', '+1 123456789012345', 'invalid'],
    ['15 national digits', '+49 123456789012345', 'too_long'],
  ] as const)('calls an invalid number with %s %s', (_length, input, reason) => {
    expect(normalizePhone(input)).toEqual({ ok: false, reason });
  });

  it('gives the country and both display forms of a valid number, with no correction', () => {
    expect(normalizePhone('(11) 98765-4321', 'BR')).toEqual({
      ok: true,
      e164: '+5511987654321',
      country: 'BR',
      national: '(11) 98765-4321',
      international: '+55 11 98765 4321',
    });
  });
});

describe('formatPhone', () => {
  it('formats E.164 internationally and leaves garbage as it is', () => {
    expect(formatPhone('+5511987654321')).toBe('+55 11 98765 4321');
    expect(formatPhone('not a phone')).toBe('not a phone');
  });

  it('formats numbers of every country that shares a calling code, and leaves invalid ones alone', () => {
    expect(formatPhone('+14155550123')).toBe('+1 415 555 0123');
    expect(formatPhone('+16135550123')).toBe('+1 613 555 0123');
    expect(formatPhone('+447911123456')).toBe('+44 7911 123456');
    expect(formatPhone('+4412')).toBe('+4412');
    expect(formatPhone('+15550123456')).toBe('+15550123456');
    expect(formatPhone('+5511987654321987654')).toBe('+5511987654321987654');
  });

  it('formats a stored number with stray spaces or punctuation as the parser reads it', () => {
    expect(formatPhone('+14155550123 ')).toBe('+1 415 555 0123');
    expect(formatPhone(' +14155550123')).toBe('+1 415 555 0123');
    expect(formatPhone('+1 (415) 555-0123')).toBe('+1 415 555 0123');
  });
});

describe('phoneSearchDigits', () => {
  it('gives the digits of a phone-looking query without leading zeros', () => {
    expect(phoneSearchDigits('(11) 98765-4321')).toBe('11987654321');
    expect(phoneSearchDigits('+55 11 98765')).toBe('551198765');
    expect(phoneSearchDigits('0044 7911')).toBe('447911');
  });

  it('keeps zeros inside and at the end of the digits', () => {
    expect(phoneSearchDigits('1005')).toBe('1005');
    expect(phoneSearchDigits('0 1005 0')).toBe('10050');
  });

  it('accepts three digits and refuses two, counted after the leading zeros', () => {
    expect(phoneSearchDigits('123')).toBe('123');
    expect(phoneSearchDigits('0012')).toBeNull();
    expect(phoneSearchDigits('00123')).toBe('123');
  });

  it('accepts every kind of phone punctuation and full-width digits', () => {
    expect(phoneSearchDigits(' +1 (415) 555.26-71/2 ')).toBe('141555526712');
    expect(phoneSearchDigits('１２３')).toBe('123');
  });

  it('is null for names and for too few digits', () => {
    expect(phoneSearchDigits('maria')).toBeNull();
    expect(phoneSearchDigits('maria 123')).toBeNull();
    expect(phoneSearchDigits('123 maria')).toBeNull();
    expect(phoneSearchDigits('555-CALL')).toBeNull();
    expect(phoneSearchDigits('12')).toBeNull();
    expect(phoneSearchDigits('')).toBeNull();
  });
});

describe('countryFromLocale', () => {
  it('takes the region of a locale, maximising a bare language', () => {
    expect(countryFromLocale('pt-BR')).toBe('BR');
    expect(countryFromLocale('en-GB')).toBe('GB');
    expect(countryFromLocale('ja')).toBe('JP');
    expect(countryFromLocale('not a locale!')).toBeUndefined();
    expect(countryFromLocale('es-419')).toBeUndefined();
    expect(countryFromLocale('en-001')).toBeUndefined();
    expect(countryFromLocale(undefined)).toBeUndefined();
  });
});
