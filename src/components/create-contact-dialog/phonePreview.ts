import type { CountryCode } from '../../core';
import type { PhoneModule } from '../../core/phoneLoader';
import { callingCodeOf, countryName } from './countryOptions';
import type { PhoneInfo } from './createContactFormTypes';
import type { Translate } from './messages';

// Pure: what the form says under the phone field while the person types.

/** The typed number read in the chosen country (with the loaded phone functions), or `null` while it is empty or not a number. */
export function phoneInfoOf(
  phone: string,
  country: CountryCode | '',
  locale: string,
  phoneFunctions: Pick<PhoneModule, 'normalizePhone' | 'listCountries'>,
): PhoneInfo | null {
  if (!phone.trim()) return null;
  const result = phoneFunctions.normalizePhone(phone, country || undefined);
  if (!result.ok) return null;
  return {
    e164: result.e164,
    international: result.international,
    country: result.country,
    // Said only when the number's calling code is not the chosen country's: +44 7781… read with
    // United Kingdom chosen is a UK-plan number even though its range is Guernsey's.
    isCountryFromNumber:
      result.country !== undefined &&
      result.country !== country &&
      !(country !== '' && result.e164.startsWith(`+${callingCodeOf(country, locale, phoneFunctions) ?? ''}`)),
    correction: result.correction,
  };
}

/** The note under the phone: a correction made to the number, or the country read from it. */
export function phoneNoteOf(phoneInfo: PhoneInfo | null, t: Translate, locale: string): string | null {
  if (phoneInfo?.correction) return t(`createContact.phone.correction.${phoneInfo.correction}`, { phone: phoneInfo.international });
  if (phoneInfo?.isCountryFromNumber && phoneInfo.country) {
    return t('createContact.phone.detectedCountry', { country: countryName(phoneInfo.country, locale) });
  }
  return null;
}
