import type { CountryCode } from '../../core';
import type { PhoneModule } from '../../core/phoneLoader';

/** A country of the Country selector. */
export interface CountryOption {
  /** ISO 3166-1 region code, e.g. `BR`. */
  country: CountryCode;
  /**
   * The international calling code without `+`, e.g. `55`; `''` while the phone metadata loads
   * (the selector then lists only the chosen country).
   */
  callingCode: string;
  /** The country's name in the locale, e.g. `Brazil` (`Brasil` in `pt`). */
  name: string;
}

const optionsByLocale = new Map<string, CountryOption[]>();

function regionNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    return null;
  }
}

/** The name of `country` in `locale`, or the code itself when the runtime has no name for it. */
export function countryName(country: CountryCode, locale: string): string {
  return regionNames(locale)?.of(country) ?? country;
}

/**
 * Every country libphonenumber knows, named in `locale` and sorted the locale's way. Cached per
 * locale: 240-odd `Intl` lookups and a sort are too much to redo on each render.
 */
export function countryOptions(locale: string, phone: Pick<PhoneModule, 'listCountries'>): CountryOption[] {
  const cached = optionsByLocale.get(locale);
  if (cached) return cached;
  const names = regionNames(locale);
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale);
  } catch {
    collator = new Intl.Collator('en');
  }
  const options = phone
    .listCountries()
    .map(({ country, callingCode }) => ({ country, callingCode, name: names?.of(country) ?? country }))
    .sort((first, second) => collator.compare(first.name, second.name));
  optionsByLocale.set(locale, options);
  return options;
}

/** The calling code (without `+`) of `country`, from the same options the selector lists. */
export function callingCodeOf(country: string, locale: string, phone: Pick<PhoneModule, 'listCountries'>): string | undefined {
  return countryOptions(locale, phone).find((option) => option.country === country)?.callingCode;
}

/** The chosen country alone, named but without its calling code: the selector while the phone metadata loads. */
export function pendingCountryOptions(country: CountryCode | '', locale: string): CountryOption[] {
  return country === '' ? [] : [{ country, callingCode: '', name: countryName(country, locale) }];
}

/**
 * The region of a BCP 47 locale (`pt-BR` → `BR`) before the phone metadata has loaded, when it
 * is a two-letter country code; `countryFromLocale` confirms libphonenumber knows it once loaded.
 */
export function regionOfLocale(locale: string): CountryCode | undefined {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region !== undefined && /^[A-Z]{2}$/.test(region) ? (region as CountryCode) : undefined;
  } catch {
    return undefined;
  }
}
