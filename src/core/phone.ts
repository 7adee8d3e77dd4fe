import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberWithError,
  ParseError,
  PhoneNumber,
} from 'libphonenumber-js/min';

export type { CountryCode };

export type PhoneFailureReason = 'empty' | 'not_a_number' | 'invalid_country' | 'too_short' | 'too_long' | 'invalid';

/** A legacy form we rewrote to today's number, so the UI can tell the user. */
export type PhoneCorrection = 'mexico_mobile_prefix' | 'brazil_ninth_digit';

export type PhoneResult =
  | {
      ok: true;
      /** `+5511987654321`. */
      e164: string;
      country: CountryCode | undefined;
      /** `(11) 98765-4321`. */
      national: string;
      /** `+55 11 98765 4321`. */
      international: string;
      /** Set when a legacy form was rewritten (e.g. Mexico's `+52 1`). */
      correction?: PhoneCorrection;
    }
  | { ok: false; reason: PhoneFailureReason };

// Stryker disable next-line Regex: formatPhone's fast path only (see there).
const E164_NUMBER = /^\+[1-9]\d{1,14}$/;
const MEXICO_LEGACY_MOBILE = /^\+521(\d{10})$/;
// Brazilian mobiles gained a leading 9 (2012–2016); an 8-digit subscriber number starting 6–9 is
// a mobile written the old way. Landlines start 2–5 and are left alone.
const BRAZIL_OLD_MOBILE = /^\+55([1-9]{2})([6-9]\d{7})$/;

/** Everything a person may paste around a number that libphonenumber does not strip itself. */
function cleanInput(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/^\s*tel:/i, '')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
}

function rewriteLegacy(e164: string): { e164: string; correction?: PhoneCorrection } {
  const mexico = MEXICO_LEGACY_MOBILE.exec(e164);
  if (mexico) return { e164: `+52${mexico[1]}`, correction: 'mexico_mobile_prefix' };
  const brazil = BRAZIL_OLD_MOBILE.exec(e164);
  if (brazil) return { e164: `+55${brazil[1]}9${brazil[2]}`, correction: 'brazil_ninth_digit' };
  return { e164 };
}

function reasonOf(error: unknown): PhoneFailureReason {
  if (!(error instanceof ParseError)) return 'invalid';
  switch (error.message) {
    case 'NOT_A_NUMBER':
      return 'not_a_number';
    case 'INVALID_COUNTRY':
      return 'invalid_country';
    case 'TOO_SHORT':
      return 'too_short';
    case 'TOO_LONG':
      return 'too_long';
    default:
      return 'invalid';
  }
}

/**
 * Parses what a person typed into an E.164 number. A leading `+` (or `00`/the country's
 * international prefix) wins over `defaultCountry`; without one, the number is read as national.
 * Mexico's retired `+52 1` mobile prefix and Brazil's pre-2016 8-digit mobiles are rewritten to
 * today's numbers, with `correction` saying so.
 *
 * @example
 * normalizePhone('(11) 98765-4321', 'BR'); // { ok: true, e164: '+5511987654321', ... }
 * normalizePhone('hello');                 // { ok: false, reason: 'not_a_number' }
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): PhoneResult {
  const cleaned = cleanInput(input);
  if (!cleaned) return { ok: false, reason: 'empty' };
  // Letters mean a typo or a name in the wrong box, not a vanity number, for this product.
  if (/\p{L}/u.test(cleaned.replace(/\b(?:ext|extension|x)\.?\s*\d+$/i, ''))) {
    return { ok: false, reason: 'not_a_number' };
  }
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(cleaned, defaultCountry);
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  const rewritten = rewriteLegacy(parsed.number);
  if (rewritten.correction) {
    // Stryker disable BlockStatement: the catch is unreachable, a rewritten number is one the parser has read.
    try {
      parsed = parsePhoneNumberWithError(rewritten.e164);
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  }
  // Stryker restore BlockStatement
  if (!parsed.isValid()) {
    const nationalLength = parsed.nationalNumber.length;
    if (nationalLength < 4) return { ok: false, reason: 'too_short' };
    if (nationalLength > 14) return { ok: false, reason: 'too_long' };
    return { ok: false, reason: 'invalid' };
  }
  return {
    ok: true,
    e164: parsed.number,
    country: parsed.country,
    national: parsed.formatNational(),
    international: parsed.formatInternational(),
    ...(rewritten.correction ? { correction: rewritten.correction } : {}),
  };
}

/**
 * Formats an E.164 number for people, in international form; returns the input when it is not a
 * valid number. Lighter than `normalizePhone` (no input cleaning, no legacy rewrites, no national
 * form): lists format a number for every row they mount.
 */
export function formatPhone(e164: string): string {
  try {
    // A stored number is E.164 already: the constructor splits off its calling code without the
    // text parser (about half the cost per number while a list scrolls). It judges a shared calling
    // code (+1, +7, +44…) by its main country, so a number it finds invalid goes through the
    // parser, which picks the country by the number.
    // Stryker disable all: speed only; without this branch the parser below gives the same answers.
    if (E164_NUMBER.test(e164)) {
      const number = new PhoneNumber(e164);
      if (number.isValid()) return number.formatInternational();
    }
    // Stryker restore all
    const parsed = parsePhoneNumberWithError(e164);
    return parsed.isValid() ? parsed.formatInternational() : e164;
  } catch {
    return e164;
  }
}

/**
 * The digits to match against stored numbers when a search query looks like a phone number
 * (only digits and phone punctuation, at least 3 digits); `null` otherwise, so a name search
 * never matches every phone. Leading zeros (trunk `0`, international `00`) are dropped so
 * national and international forms both match the E.164 digits.
 */
export function phoneSearchDigits(query: string): string | null {
  const cleaned = query.normalize('NFKC').trim();
  if (!/^[+\d\s().\-/]+$/.test(cleaned)) return null;
  const digits = cleaned.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= 3 ? digits : null;
}

/** Countries with their calling codes, for a country selector. */
export function listCountries(): { country: CountryCode; callingCode: string }[] {
  return getCountries().map((country) => ({ country, callingCode: getCountryCallingCode(country) }));
}

/** The region of a BCP 47 locale (`pt-BR` → `BR`) when libphonenumber knows it. */
export function countryFromLocale(locale: string | undefined): CountryCode | undefined {
  if (!locale) return undefined;
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
  return region && (getCountries() as string[]).includes(region) ? (region as CountryCode) : undefined;
}
