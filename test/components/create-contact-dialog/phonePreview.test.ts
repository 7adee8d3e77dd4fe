import { describe, expect, it } from 'vitest';
import { phoneInfoOf, phoneNoteOf } from '../../../src/components/create-contact-dialog/phonePreview';
import * as phoneFunctions from '../../../src/core/phone';
import type { Translate } from '../../../src/components/create-contact-dialog/messages';

const t = ((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`) as unknown as Translate;

describe('phone preview', () => {
  it('reads nothing from an empty or unreadable number', () => {
    expect(phoneInfoOf('  ', 'BR', 'en', phoneFunctions)).toBeNull();
    expect(phoneInfoOf('12', 'BR', 'en', phoneFunctions)).toBeNull();
  });

  it('says the country came from the number only when its calling code is not the chosen country’s', () => {
    const fromNumber = phoneInfoOf('+44 7781 123456', 'BR', 'en', phoneFunctions);
    expect(fromNumber).toEqual(expect.objectContaining({ e164: '+447781123456', isCountryFromNumber: true }));
    expect(phoneNoteOf(fromNumber, t, 'en')).toContain('createContact.phone.detectedCountry');
    // A Guernsey range read with United Kingdom chosen is still a UK-plan number.
    const sameCode = phoneInfoOf('+44 7781 123456', 'GB', 'en', phoneFunctions);
    expect(sameCode?.isCountryFromNumber).toBe(false);
    expect(phoneNoteOf(sameCode, t, 'en')).toBeNull();
  });

  it('has no note without a number', () => {
    expect(phoneNoteOf(null, t, 'en')).toBeNull();
  });
});
